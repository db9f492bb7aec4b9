package main

import (
	"fmt"
	"io"
)

// runSimulate is a placeholder until its package lands.
func runSimulate(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "benefitstd simulate: not implemented yet")
	return exitUsage
}
