package service

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/benefitstd/benefitstd/api"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/plan"
	"github.com/benefitstd/benefitstd/region"
)

// Config configures a Server. The zero Config is ready to use: every
// zero field takes the default given with it.
type Config struct {
	// MaxBody is the most bytes of a request body (413 beyond).
	// Default 32 MiB.
	MaxBody int64
	// MaxRetirees is the most retirees of one plan request, given,
	// uploaded or generated (413 beyond for given ones, 400 for a
	// synthetic count). Default 1,000,000.
	MaxRetirees int
	// MaxConcurrent is the most heavy requests (check, simulate, plan)
	// at work at once; one more is answered 429 with Retry-After.
	// Default GOMAXPROCS.
	MaxConcurrent int
	// MaxDuration bounds the work of one request: past it the work is
	// stopped and the request answered 503. Default 60 s.
	MaxDuration time.Duration
	// Token, when not empty, is the bearer token every /v1 request must
	// give (Authorization: Bearer <token>), compared in constant time.
	Token string

	// The http.Server's timeouts, for Serve. Defaults: ReadHeaderTimeout
	// 10 s, ReadTimeout 60 s, WriteTimeout MaxDuration + 30 s,
	// IdleTimeout 120 s.
	ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// ShutdownTimeout is how long Serve waits, once its context is done,
	// for the requests at work to finish before it stops their work.
	// Default 30 s.
	ShutdownTimeout time.Duration
	// TLS, when not nil, makes Serve answer HTTPS only.
	TLS *tls.Config

	// Logger receives one record per request (request id, method, path,
	// status, duration, bytes) and the server's own events. nil:
	// slog.Default().
	Logger *slog.Logger
	// Now is the clock of a check's default as-of month (the current
	// month). nil: time.Now.
	Now func() time.Time
}

// The defaults of Config.
const (
	DefaultMaxBody     = 32 << 20
	DefaultMaxRetirees = 1_000_000
	DefaultMaxDuration = 60 * time.Second
)

func (c Config) withDefaults() Config {
	if c.MaxBody <= 0 {
		c.MaxBody = DefaultMaxBody
	}
	if c.MaxRetirees <= 0 {
		c.MaxRetirees = DefaultMaxRetirees
	}
	if c.MaxConcurrent <= 0 {
		c.MaxConcurrent = runtime.GOMAXPROCS(0)
	}
	if c.MaxDuration <= 0 {
		c.MaxDuration = DefaultMaxDuration
	}
	if c.ReadHeaderTimeout <= 0 {
		c.ReadHeaderTimeout = 10 * time.Second
	}
	if c.ReadTimeout <= 0 {
		c.ReadTimeout = 60 * time.Second
	}
	if c.WriteTimeout <= 0 {
		c.WriteTimeout = c.MaxDuration + 30*time.Second
	}
	if c.IdleTimeout <= 0 {
		c.IdleTimeout = 120 * time.Second
	}
	if c.ShutdownTimeout <= 0 {
		c.ShutdownTimeout = 30 * time.Second
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

// A Server is the library as an HTTP service: an http.Handler, and Serve
// to run it on a listener with timeouts and graceful shutdown. It is
// safe for concurrent use.
type Server struct {
	cfg     Config
	token   [sha256.Size]byte
	heavy   chan struct{} // a slot per heavy request at work
	ready   atomic.Bool
	handler http.Handler
	openapi []byte
}

// New returns a Server. It loads the embedded data (floors, divisions,
// plans, the default scenario, the OpenAPI document) first, so that the
// first request does not pay for it and a broken build fails here.
func New(cfg Config) (*Server, error) {
	cfg = cfg.withDefaults()
	s := &Server{cfg: cfg, heavy: make(chan struct{}, cfg.MaxConcurrent)}
	if cfg.Token != "" {
		s.token = sha256.Sum256([]byte(cfg.Token))
	}
	var err error
	if s.openapi, err = api.JSON(); err != nil {
		return nil, err
	}
	floor.Default()
	region.Default()
	plan.Builtins()
	if _, err := defaultScenario(); err != nil {
		return nil, fmt.Errorf("service: the embedded default scenario: %w", err)
	}
	s.handler = s.middleware(s.routes())
	s.ready.Store(true)
	return s, nil
}

// ServeHTTP answers a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Serve answers requests on ln until ctx is done, then shuts down
// gracefully: /readyz answers 503, the listener closes, and the requests
// at work finish (their answers are written) for up to
// Config.ShutdownTimeout; past it their work is stopped and the
// connections closed. It returns nil after a graceful shutdown, or the
// error that stopped it. With Config.TLS it answers HTTPS only.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	base, stopWork := context.WithCancel(context.Background())
	defer stopWork()
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: s.cfg.ReadHeaderTimeout,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return base },
		ErrorLog:          slog.NewLogLogger(s.cfg.Logger.Handler(), slog.LevelWarn),
	}
	if s.cfg.TLS != nil {
		hs.TLSConfig = s.cfg.TLS.Clone()
		ln = tls.NewListener(ln, hs.TLSConfig)
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	s.cfg.Logger.Info("serving", "addr", ln.Addr().String(), "tls", s.cfg.TLS != nil)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.ready.Store(false)
	s.cfg.Logger.Info("shutting down: finishing the requests at work", "timeout", s.cfg.ShutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	err := hs.Shutdown(sctx)
	if errors.Is(err, context.DeadlineExceeded) {
		s.cfg.Logger.Warn("shutdown timeout: stopping the work still running")
		stopWork()
		err = hs.Close()
	}
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	s.cfg.Logger.Info("stopped")
	return err
}

// acquire takes a slot for a heavy request, or answers 429.
func (s *Server) acquire() (release func(), p *apiProblem) {
	select {
	case s.heavy <- struct{}{}:
		return func() { <-s.heavy }, nil
	default:
		p := problem(http.StatusTooManyRequests, "too-many-requests",
			fmt.Sprintf("%d heavy requests are at work, as many as the service runs at once (--max-concurrent); retry later", cap(s.heavy)))
		p.retryAfter = 1
		return nil, p
	}
}

// discard drains and closes what is left of a body not read.
func discard(r *http.Request) {
	io.Copy(io.Discard, io.LimitReader(r.Body, 64<<10))
}
