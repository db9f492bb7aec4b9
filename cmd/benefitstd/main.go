package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
)

// exit codes
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
	// ownSignals: the command handles SIGINT and SIGTERM itself (serve
	// finishes the requests at work), instead of stopOnSignal.
	ownSignals bool
}

func commands() []command {
	return []command{
		{"regions", "list administrative divisions with fiscal tier and central share", runRegions, false},
		{"floors", "list programmes and the national floors with their sources", runFloors, false},
		{"check", "check local levels against the national floors; report what is owed", runCheck, false},
		{"simulate", "simulate periodic adjustment of a programme under fiscal capacity", runSimulate, false},
		{"plan", "cost a retiree adjustment plan over a population, calibrate it", runPlan, false},
		{"serve", "serve the library over HTTP/JSON (OpenAPI contract at /openapi.json)", runServe, true},
	}
}

func main() {
	if i := slices.IndexFunc(commands(), func(c command) bool { return len(os.Args) > 1 && c.name == os.Args[1] }); i < 0 || !commands()[i].ownSignals {
		stopOnSignal(os.Stderr)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// stopOnSignal makes SIGINT (Ctrl-C) and SIGTERM stop the process at
// once, whatever it is doing, removing the temporary files of the
// outputs it was writing (outputs.Stop) so that nothing is left half
// written: exit status 130 on SIGINT, 143 on SIGTERM (128 + the signal's
// number, as a shell reports a process killed by it).
func stopOnSignal(stderr io.Writer) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-ch
		outputs.Stop()
		fmt.Fprintf(stderr, "benefitstd: stopped by %v; the output files not yet complete are removed\n", sig)
		code := 130
		if sig == syscall.SIGTERM {
			code = 143
		}
		os.Exit(code)
	}()
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "benefitstd: unknown command %q (run 'benefitstd help')\n", args[0])
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: benefitstd <command> [flags]")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'benefitstd <command> -h' for a command's flags.")
}

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("benefitstd "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	_ = stderr
	return fs
}

// parseFlags parses args; on error it prints one line and returns false
// with the exit code to use (0 for -h, 2 otherwise). Positional arguments
// are rejected.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stderr)
			fmt.Fprintf(stderr, "usage of %s:\n", fs.Name())
			fs.PrintDefaults()
			return exitOK, false
		}
		fmt.Fprintf(stderr, "%s: %v\n", fs.Name(), err)
		return exitUsage, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return exitUsage, false
	}
	return exitOK, true
}

// oneOf checks a flag value against its allowed values.
func oneOf(fs *flag.FlagSet, flagName, value string, allowed ...string) error {
	if slices.Contains(allowed, value) {
		return nil
	}
	return fmt.Errorf("%s: invalid value %q for --%s (want %s)", fs.Name(), value, flagName, strings.Join(allowed, "|"))
}

// flagGiven reports whether the flag name was set on the command line.
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}
