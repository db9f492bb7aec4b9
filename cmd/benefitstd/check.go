package main

import (
	"fmt"
	"io"
)

// runCheck is a placeholder until its package lands.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "benefitstd check: not implemented yet")
	return exitUsage
}
