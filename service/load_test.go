package service_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/service"
)

// 64 clients at once for a bounded time (and at most 40 requests each),
// half checking the sample, half simulating the default scenario: every
// answer is 200 and byte-identical to the library's output.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	ts := start(t, service.Config{MaxConcurrent: 64})
	wantCheck := rendered(t, output.FormatJSON, sampleReport(t, "2024-12"))
	wantSim := rendered(t, output.FormatJSON, defaultResult(t))
	const clients, perClient = 64, 40
	stop := time.Now().Add(2 * time.Second)
	tr := &http.Transport{MaxIdleConnsPerHost: clients}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 60 * time.Second}
	var wg sync.WaitGroup
	var n, bad atomic.Int64
	for i := range clients {
		wg.Go(func() {
			for k := 0; k < perClient && (k == 0 || time.Now().Before(stop)); k++ {
				path, body, want := "/v1/check", `{"sample": true, "as_of": "2024-12"}`, wantCheck
				if (i+k)%2 == 1 {
					path, body, want = "/v1/simulate", `{"builtin": "default"}`, wantSim
				}
				resp, err := client.Post(ts.URL+path, "application/json", strings.NewReader(body))
				if err != nil {
					t.Error(err)
					return
				}
				got, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				n.Add(1)
				if err != nil || resp.StatusCode != 200 || !bytes.Equal(got, want) {
					if bad.Add(1) <= 3 {
						t.Errorf("%s: %d, %v, %d bytes: not the library's output", path, resp.StatusCode, err, len(got))
					}
				}
			}
		})
	}
	wg.Wait()
	t.Logf("%d requests, %d not the library's output", n.Load(), bad.Load())
	if n.Load() < clients {
		t.Errorf("%d requests", n.Load())
	}
}

// The client goes away: the work stops (the plan of 10 million
// synthetic retirees would take tens of seconds), the log says 499, and
// the slot is free again.
func TestCancelledByTheClient(t *testing.T) {
	ts := start(t, service.Config{MaxConcurrent: 1, MaxRetirees: 10_000_000})
	ctx, cancel := context.WithCancel(context.Background())
	r, _ := http.NewRequestWithContext(ctx, http.MethodPost, ts.URL+"/v1/plan",
		strings.NewReader(`{"plan_id": "shanghai-2024", "synthetic": {"count": 10000000}}`))
	r.Header.Set("Content-Type", "application/json")
	errc := make(chan error, 1)
	start := time.Now()
	go func() {
		resp, err := ts.Client().Do(r)
		if err == nil {
			resp.Body.Close()
		}
		errc <- err
	}()
	time.Sleep(300 * time.Millisecond)
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Fatalf("the request was not cancelled: %v", err)
	}
	for {
		var rec map[string]any
		for _, m := range ts.logs.requests() {
			if m["path"] == "/v1/plan" {
				rec = m
			}
		}
		if rec != nil {
			if rec["status"] != float64(499) {
				t.Errorf("logged status %v, want 499", rec["status"])
			}
			break
		}
		if time.Since(start) > 20*time.Second {
			t.Fatal("the work did not stop within 20 s of the client going away")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if code, _, b := ts.post(t, "/v1/check", `{"sample": true, "as_of": "2024-12"}`); code != 200 {
		t.Errorf("after the cancelled request: %d %s", code, b)
	}
}

// Shutdown under load: requests at work when the server is told to stop
// finish and are answered in full; Serve returns nil; new connections
// are refused.
func TestShutdownFinishesRequests(t *testing.T) {
	logs := &logBuffer{}
	srv, err := service.New(service.Config{MaxConcurrent: 16, Logger: newLogger(logs)})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String()
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln) }()
	want := rendered(t, output.FormatJSON, defaultResult(t))

	// 8 requests whose bodies are half sent: at work when the shutdown
	// begins, finished after it.
	const n = 8
	var pipes []*io.PipeWriter
	results := make(chan error, n)
	client := &http.Client{Transport: &http.Transport{}}
	for range n {
		pr, pw := io.Pipe()
		pipes = append(pipes, pw)
		go func() {
			resp, err := client.Post(url+"/v1/simulate", "application/json", pr)
			if err != nil {
				results <- err
				return
			}
			got, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			switch {
			case err != nil:
				results <- err
			case resp.StatusCode != 200 || !bytes.Equal(got, want):
				results <- fmt.Errorf("%d: not the library's result", resp.StatusCode)
			default:
				results <- nil
			}
		}()
		fmt.Fprint(pw, `{"builtin": `)
	}
	// let every handler start reading its body (a connection whose
	// request has not begun is not closed by the shutdown for 5 s either)
	time.Sleep(200 * time.Millisecond)
	stop()
	time.Sleep(100 * time.Millisecond) // Shutdown has begun: the listener is closed
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("/readyz during the shutdown: %d", rec.Code)
	}
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("a new connection was accepted during the shutdown")
	}
	for _, pw := range pipes {
		fmt.Fprint(pw, `"default"}`)
		pw.Close()
	}
	for range n {
		if err := <-results; err != nil {
			t.Error("a request at work when the shutdown began:", err)
		}
	}
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Serve did not return")
	}
}
