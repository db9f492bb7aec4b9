package service_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/benefitstd/benefitstd/service"
)

// Throughput and latency of the service on loopback, a real HTTP client
// with kept-alive connections, b.RunParallel's goroutines (GOMAXPROCS ×
// -cpu … or -test.parallelism): requests per second and the 50th, 95th
// and 99th percentiles of the latency as metrics.
//
//	go test -run '^$' -bench . -benchtime 10s ./service/
func BenchmarkCheckSample(b *testing.B) {
	benchPost(b, "/v1/check", `{"sample": true, "as_of": "2024-12"}`)
}

func BenchmarkSimulateDefault(b *testing.B) {
	benchPost(b, "/v1/simulate", `{"builtin": "default"}`)
}

func benchPost(b *testing.B, path, body string) {
	srv, err := service.New(service.Config{MaxConcurrent: 1024, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	tr := &http.Transport{MaxIdleConnsPerHost: 1024}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	var mu sync.Mutex
	var lat []time.Duration
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			t0 := time.Now()
			resp, err := client.Post(ts.URL+path, "application/json", strings.NewReader(body))
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				b.Errorf("%d", resp.StatusCode)
				return
			}
			mine = append(mine, time.Since(t0))
		}
		mu.Lock()
		lat = append(lat, mine...)
		mu.Unlock()
	})
	elapsed := time.Since(start)
	b.StopTimer()
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	pct := func(p int) float64 { return float64(lat[(len(lat)-1)*p/100].Microseconds()) / 1000 }
	b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "req/s")
	b.ReportMetric(pct(50), "p50-ms")
	b.ReportMetric(pct(95), "p95-ms")
	b.ReportMetric(pct(99), "p99-ms")
}
