package adjust

import (
	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/plan"
	"github.com/benefitstd/benefitstd/region"
)

// Options configure a run. The zero Options use the embedded catalogue,
// region table and floors, and GOMAXPROCS workers.
type Options struct {
	// Workers bounds the goroutines that run regions in parallel; 0 means
	// runtime.GOMAXPROCS(0). The result does not depend on it. At most
	// 16 × GOMAXPROCS: a larger or a negative count is an error wrapping
	// benefit.ErrRange, before anything is run.
	Workers int
	// Progress, when set, is called after each region is done, from one
	// goroutine at a time, in completion order (which may vary between
	// runs; the result does not).
	Progress func(Progress)
	// Catalogue, Regions and Floors replace the embedded defaults.
	// Floors gives the national floor history a scenario without
	// floor.history starts from, and the regional-agreement floors,
	// relative rules and cadences of the floor check.
	Catalogue *benefit.Catalogue
	Regions   *region.Table
	Floors    *floor.Set
	// SkipFloorCheck leaves the floor check out (RegionYear.Findings stay
	// empty); the floor constraint itself is always kept.
	SkipFloorCheck bool
	// Populations gives, by region, the retirees a region's plan
	// (scenario.Region.Plan) is applied to, for a plan whose population the
	// scenario does not give. The run record marks them "custom".
	Populations map[region.Code]*plan.Population
	// Limits bound what LoadScenario reads (the zero Limits are the
	// defaults: a document of at most 256 MiB, strings of at most 1 MiB).
	Limits benefit.Limits
}

// Progress reports how far a run is.
type Progress struct {
	Done, Total int         // regions finished, regions in all
	Region      region.Code // the region just finished
}

func (o *Options) catalogue() *benefit.Catalogue {
	if o.Catalogue != nil {
		return o.Catalogue
	}
	return benefit.DefaultCatalogue()
}

func (o *Options) regions() *region.Table {
	if o.Regions != nil {
		return o.Regions
	}
	return region.Default()
}
