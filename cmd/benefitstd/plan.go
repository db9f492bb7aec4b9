package main

import (
	"fmt"
	"io"
)

// runPlan is a placeholder until its package lands.
func runPlan(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "benefitstd plan: not implemented yet")
	return exitUsage
}
