package adjust

import "github.com/benefitstd/benefitstd/floor"

// defaultFloors returns the floors shipped with the library.
func defaultFloors() FloorSource { return floor.Default() }
