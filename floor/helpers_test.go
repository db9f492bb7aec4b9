package floor_test

import (
	"errors"

	"github.com/benefitstd/benefitstd/floor"
)

func errorsAs(err error, target any) bool { return err != nil && errors.As(err, target) }

// withFloors puts fs on top of base the way a caller does: NewSet, checked
// against opts.Catalogue, then base.Merge.
func withFloors(base *floor.Set, opts floor.SetOptions, fs ...floor.Floor) (*floor.Set, error) {
	add, err := floor.NewSet("test", fs, nil, nil, opts)
	if err != nil {
		return nil, err
	}
	return base.Merge(add)
}
