//go:build unix

package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// SIGTERM to `benefitstd serve` (the process, through main) finishes the
// request at work — its body is half sent when the signal comes — and
// exits 0; it is not stopped at once as the other commands are.
func TestServeSIGTERMFinishesRequests(t *testing.T) {
	cmd := exec.Command(os.Args[0], "serve", "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "BENEFITSTD_MAIN=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	logs := bufio.NewScanner(stderr)
	var addr string
	for addr == "" && logs.Scan() {
		var rec struct{ Msg, Addr string }
		if json.Unmarshal(logs.Bytes(), &rec) == nil && rec.Msg == "serving" {
			addr = rec.Addr
		}
	}
	if addr == "" {
		t.Fatal("serve did not say where it listens")
	}
	var rest strings.Builder
	logsDone := make(chan struct{})
	go func() {
		for logs.Scan() {
			rest.WriteString(logs.Text() + "\n")
		}
		close(logsDone)
	}()

	pr, pw := io.Pipe()
	answer := make(chan string, 1)
	go func() {
		resp, err := http.Post("http://"+addr+"/v1/check", "application/json", pr)
		if err != nil {
			answer <- err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		answer <- fmt.Sprintf("%d %s", resp.StatusCode, b)
	}()
	fmt.Fprint(pw, `{"sample": true, `)
	time.Sleep(200 * time.Millisecond) // the handler is reading the body
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	fmt.Fprint(pw, `"as_of": "2024-12"}`)
	pw.Close()
	if a := <-answer; !strings.HasPrefix(a, "200 ") || !strings.Contains(a, `"arrears_total": "1950000.04"`) {
		t.Errorf("the request at work when SIGTERM came: %.200s", a)
	}
	<-logsDone // the log closes when the process exits; Wait after reading it
	err = cmd.Wait()
	if err != nil {
		t.Errorf("exit: %v; log:\n%s", err, rest.String())
	}
	if !strings.Contains(rest.String(), `"msg":"shutting down: finishing the requests at work"`) || !strings.Contains(rest.String(), `"msg":"stopped"`) {
		t.Errorf("log:\n%s", rest.String())
	}
}
