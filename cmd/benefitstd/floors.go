package main

import (
	"fmt"
	"io"
)

// runFloors is a placeholder until its package lands.
func runFloors(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "benefitstd floors: not implemented yet")
	return exitUsage
}
