package main

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/benefitstd/benefitstd/service"
)

// serveContext is the context serve runs in: done on SIGINT or SIGTERM.
// Tests replace it.
var serveContext = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// serveListening, when set, is told the address serve listens on (tests).
var serveListening func(addr string)

// runServe runs the library as an HTTP/JSON service (package service)
// until SIGINT or SIGTERM, then finishes the requests at work and exits
// 0:
//
//	benefitstd serve [--addr HOST:PORT] [--token-file FILE] [--tls-cert FILE --tls-key FILE]
//	                 [--max-body BYTES] [--max-retirees N] [--max-concurrent N] [--max-duration D]
//	                 [--read-timeout D] [--write-timeout D] [--idle-timeout D] [--shutdown-timeout D]
//	                 [--log-format json|text]
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (HOST:PORT); the default answers this machine only")
	tokenFile := fs.String("token-file", "", "`file` holding the bearer token every /v1 request must give (Authorization: Bearer <token>)")
	cert := fs.String("tls-cert", "", "TLS certificate `file` (PEM); with --tls-key, serve HTTPS only")
	key := fs.String("tls-key", "", "TLS private key `file` (PEM)")
	maxBody := fs.Int64("max-body", service.DefaultMaxBody, "most bytes of a request body (413 beyond)")
	maxRetirees := fs.Int("max-retirees", service.DefaultMaxRetirees, "most retirees of one plan request (413 beyond)")
	maxConc := fs.Int("max-concurrent", 0, "most check, simulate and plan requests at work at once, 429 beyond (0: the number of CPUs)")
	maxDur := fs.Duration("max-duration", service.DefaultMaxDuration, "longest work of one request (503 beyond)")
	readTO := fs.Duration("read-timeout", 0, "longest read of a request, body included (0: 60s)")
	writeTO := fs.Duration("write-timeout", 0, "longest time from the end of a request's headers to the end of its answer (0: --max-duration + 30s)")
	idleTO := fs.Duration("idle-timeout", 0, "longest wait for the next request on a kept-alive connection (0: 120s)")
	shutTO := fs.Duration("shutdown-timeout", 0, "on SIGTERM, longest wait for the requests at work to finish (0: 30s)")
	logFormat := fs.String("log-format", "json", "log format on standard error: json|text")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "benefitstd serve:", err)
		return exitUsage
	}
	if err := noEmpty(fs, "addr", "token-file", "tls-cert", "tls-key"); err != nil {
		return fail(errors.New(strings.TrimPrefix(err.Error(), "benefitstd serve: ")))
	}
	if err := oneOf(fs, "log-format", *logFormat, "json", "text"); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if (*cert == "") != (*key == "") {
		return fail(errors.New("--tls-cert and --tls-key go together"))
	}
	for _, f := range []struct {
		name string
		bad  bool
	}{
		{"max-body", *maxBody < 1}, {"max-retirees", *maxRetirees < 1}, {"max-concurrent", *maxConc < 0},
		{"max-duration", *maxDur <= 0}, {"read-timeout", *readTO < 0}, {"write-timeout", *writeTO < 0},
		{"idle-timeout", *idleTO < 0}, {"shutdown-timeout", *shutTO < 0},
	} {
		if f.bad {
			return fail(fmt.Errorf("--%s: want a value above zero", f.name))
		}
	}
	var h slog.Handler = slog.NewJSONHandler(stderr, nil)
	if *logFormat == "text" {
		h = slog.NewTextHandler(stderr, nil)
	}
	cfg := service.Config{
		MaxBody: *maxBody, MaxRetirees: *maxRetirees, MaxConcurrent: *maxConc, MaxDuration: *maxDur,
		ReadTimeout: *readTO, WriteTimeout: *writeTO, IdleTimeout: *idleTO, ShutdownTimeout: *shutTO,
		Logger: slog.New(h),
	}
	if *tokenFile != "" {
		b, err := os.ReadFile(*tokenFile)
		if err != nil {
			return fail(err)
		}
		if cfg.Token = strings.TrimSpace(string(b)); cfg.Token == "" || strings.ContainsAny(cfg.Token, " \t\r\n") {
			return fail(fmt.Errorf("--token-file %s: want one token on one line", *tokenFile))
		}
	}
	if *cert != "" {
		pair, err := tls.LoadX509KeyPair(*cert, *key)
		if err != nil {
			return fail(err)
		}
		cfg.TLS = &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12}
	}
	srv, err := service.New(cfg)
	if err != nil {
		return fail(err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fail(err)
	}
	if serveListening != nil {
		serveListening(ln.Addr().String())
	}
	ctx, stop := serveContext()
	defer stop()
	if err := srv.Serve(ctx, ln); err != nil {
		fmt.Fprintln(stderr, "benefitstd serve:", err)
		return exitFail
	}
	return exitOK
}
