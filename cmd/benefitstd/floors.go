package main

import (
	"fmt"
	"io"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/output"
)

// runFloors lists the programmes and their national floors with sources:
//
//	benefitstd floors [--program ID] [--at YYYY-MM] [--format text|json]
func runFloors(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("floors", stderr)
	program := fs.String("program", "", "only this programme id")
	at := fs.String("at", "", "only the versions in force in this month, YYYY-MM")
	format := fs.String("format", "text", "output format: text|json")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if err := noEmpty(fs, "program", "at"); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if err := oneOf(fs, "format", *format, "text", "json"); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	var month benefit.Month
	if *at != "" {
		m, err := benefit.ParseMonth(*at)
		if err != nil {
			fmt.Fprintln(stderr, "benefitstd floors: --at:", err)
			return exitUsage
		}
		month = m
	}
	cat := benefit.DefaultCatalogue()
	ids := cat.IDs()
	if *program != "" {
		if _, err := cat.Program(*program); err != nil {
			fmt.Fprintln(stderr, "benefitstd floors: --program:", err)
			return exitUsage
		}
		ids = []string{*program}
	}
	list, err := output.ListFloors(floor.Default(), cat, ids, month)
	if err == nil {
		err = writeStdout(stdout, *format, list)
	}
	if err != nil {
		fmt.Fprintln(stderr, "benefitstd floors:", err)
		return exitUsage
	}
	return exitOK
}
