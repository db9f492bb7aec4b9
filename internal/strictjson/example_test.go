package strictjson_test

import (
	"fmt"

	"github.com/benefitstd/benefitstd/internal/strictjson"
)

// A misspelt key is an error, not a silently ignored setting.
func ExampleUnmarshal() {
	var cfg struct {
		Program string `json:"program"`
		Horizon int    `json:"horizon"`
	}
	err := strictjson.Unmarshal([]byte("{\n  \"program\": \"pension.resident.basic\",\n  \"horizn\": 5\n}"), &cfg)
	fmt.Println(err)
	// Output:
	// line 3: json: unknown field "horizn"
}
