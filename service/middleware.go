package service

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"
)

type ctxKey struct{}

// requestID returns the id of the request whose context ctx is.
func requestID(ctx context.Context) string {
	id, _ := ctx.Value(ctxKey{}).(string)
	return id
}

// newID returns a random (version 4) UUID.
func newID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// recorder remembers the status and size of an answer.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// statusClientGone is the status logged for a request whose client went
// away before it was answered (nginx's 499); nothing is sent.
const statusClientGone = 499

// middleware gives every request an id (X-Request-Id, and the instance of
// its problems), logs it, turns a panic into a 500 problem, and asks
// /v1 requests for the bearer token.
func (s *Server) middleware(next http.Handler) http.Handler {
	log := s.cfg.Logger
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := newID()
		r = r.WithContext(context.WithValue(r.Context(), ctxKey{}, id))
		w.Header().Set("X-Request-Id", id)
		rec := &recorder{ResponseWriter: w}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				log.Error("panic", "request_id", id, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				if rec.status == 0 {
					writeProblem(rec, r, problem(http.StatusInternalServerError, "internal", "the service failed on this request; its id is in the service's log"))
				}
			}
			status := rec.status
			if status == 0 {
				status = statusClientGone
			}
			attrs := []slog.Attr{
				slog.String("request_id", id), slog.String("method", r.Method), slog.String("path", r.URL.Path),
				slog.Int("status", status), slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000), slog.Int64("bytes", rec.bytes),
				slog.String("remote", r.RemoteAddr),
			}
			if cid := r.Header.Get("X-Request-Id"); cid != "" && len(cid) <= 128 {
				attrs = append(attrs, slog.String("client_request_id", cid))
			}
			level := slog.LevelInfo
			if status >= 500 && status != statusClientGone {
				level = slog.LevelError
			}
			log.LogAttrs(r.Context(), level, "request", attrs...)
		}()
		if strings.HasPrefix(r.URL.Path, "/v1/") && !s.authorized(r) {
			discard(r)
			p := problem(http.StatusUnauthorized, "unauthorized", "this service needs a bearer token: Authorization: Bearer <token>")
			p.challenge = `Bearer realm="benefitstd"`
			if r.Header.Get("Authorization") != "" {
				p.Detail = "the bearer token is not the service's"
				p.challenge += `, error="invalid_token"`
			}
			writeProblem(rec, r, p)
			return
		}
		next.ServeHTTP(rec, r)
	})
}

// authorized reports whether r gives the service's token, or the
// service needs none. The tokens' digests are compared in constant time.
func (s *Server) authorized(r *http.Request) bool {
	if s.cfg.Token == "" {
		return true
	}
	scheme, tok, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	got := sha256.Sum256([]byte(strings.TrimSpace(tok)))
	return subtle.ConstantTimeCompare(got[:], s.token[:]) == 1
}
