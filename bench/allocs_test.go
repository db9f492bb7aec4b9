package bench

import "runtime/metrics"

// heapAllocs returns the number of heap objects allocated so far, tiny
// ones included (what -benchmem's allocs/op counts), read without
// stopping the world as runtime.ReadMemStats does.
func heapAllocs() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:objects"}, {Name: "/gc/heap/tiny/allocs:objects"}}
	metrics.Read(s)
	return s[0].Value.Uint64() + s[1].Value.Uint64()
}
