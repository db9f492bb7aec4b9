// Package workers bounds the goroutines a caller may ask a run to use
// (adjust.Options.Workers, plan.Options.Workers and the --workers flag
// of the command). The work is CPU-bound, so goroutines past the CPUs
// only wait for one, while each holds buffers of its own and a channel
// slot or more: an unbounded count (2,000,000,000) would exhaust memory
// before a row is computed. A count past the bound is an error, never
// clamped in silence.
package workers
