package floor_test

import (
	"errors"
	"flag"
)

var update = flag.Bool("update", false, "rewrite golden files")

func errorsAs(err error, target any) bool { return err != nil && errors.As(err, target) }
