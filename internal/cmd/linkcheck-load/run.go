package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

// build compiles the linkcheck command into dir.
func build(ctx context.Context, dir string) (string, error) {
	bin := filepath.Join(dir, "linkcheck")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/linkcheck")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("build linkcheck (run from the repository root): %w", err)
	}
	return bin, nil
}

type outcome struct {
	wall     time.Duration
	maxRSSKB int64
	exit     int
	statuses map[string]string // entry id → status
	stderr   string
}

func runLinkcheck(ctx context.Context, cfg config, bin, dir string, w *web, srv *server) (*outcome, error) {
	cat := filepath.Join(dir, "catalog.yaml")
	if err := w.writeCatalog(cat); err != nil {
		return nil, err
	}
	reportFile := filepath.Join(dir, "report.json")
	// --allow-private: the fake web's names resolve only at its proxy on
	// loopback; without it every request would first ask this machine's
	// DNS about them.
	args := []string{"check", "--catalog", cat, "--format", "json", "--output", reportFile,
		"--request-timeout", cfg.requestTimeout.String(), "--retries", strconv.Itoa(cfg.retries), "--color", "never",
		"--allow-private"}
	args = append(args, strings.Fields(cfg.extraArgs)...)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(),
		"HTTPS_PROXY="+srv.proxyURL, "HTTP_PROXY="+srv.proxyURL, "NO_PROXY=", "no_proxy=",
		"SSL_CERT_FILE="+srv.caFile)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	o := &outcome{wall: time.Since(start), stderr: stderr.String()}
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		o.exit = exitErr.ExitCode()
	case err != nil:
		return nil, fmt.Errorf("run linkcheck: %w", err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		o.maxRSSKB = ru.Maxrss
	}
	if cfg.keep {
		_ = os.WriteFile(filepath.Join(dir, "stderr.txt"), []byte(o.stderr), 0o644)
	}
	if o.exit != 0 && o.exit != 1 {
		return nil, fmt.Errorf("linkcheck exited %d:\n%s", o.exit, tail(o.stderr, 20))
	}
	statuses, err := readStatuses(reportFile)
	if err != nil {
		return nil, err
	}
	o.statuses = statuses
	return o, nil
}

func readStatuses(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read report: %w", err)
	}
	var doc struct {
		Results []struct {
			ID     string `json:"id"`
			Status string `json:"status"`
		} `json:"results"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("parse report: %w", err)
	}
	m := make(map[string]string, len(doc.Results))
	for _, r := range doc.Results {
		m[r.ID] = r.Status
	}
	return m, nil
}

func (o *outcome) print(out io.Writer, cfg config, w *web, srv *server) error {
	bound, why := w.bound()
	wrong := map[string]int{}
	var examples []string
	for i, l := range w.links {
		id := fmt.Sprintf("u%d", i)
		got, exp := o.statuses[id], want[l.kind]
		if got != exp {
			k := fmt.Sprintf("%s→%s", exp, got)
			wrong[k]++
			if len(examples) < 5 {
				examples = append(examples, fmt.Sprintf("%s %s: want %s, got %q", id, w.url(i), exp, got))
			}
		}
	}
	overConc := 0
	w.mu.Lock()
	for _, n := range w.maxIn {
		if n > 2 {
			overConc++
		}
	}
	w.mu.Unlock()

	fmt.Fprintf(out, "urls / hosts     %d / %d (busiest %d URLs, rate %g/s)\n", cfg.urls, len(w.sizes), w.sizes[0], cfg.rate)
	fmt.Fprintf(out, "exit code        %d\n", o.exit)
	fmt.Fprintf(out, "wall time        %v\n", o.wall.Round(time.Millisecond))
	fmt.Fprintf(out, "bound            %v (%s)\n", bound.Round(time.Millisecond), why)
	fmt.Fprintf(out, "x-bound          %.2f\n", float64(o.wall)/float64(bound))
	fmt.Fprintf(out, "peak RSS         %.1f MB\n", float64(o.maxRSSKB)/1024)
	fmt.Fprintf(out, "429 answers      %d\n", srv.web.CountCode(http.StatusTooManyRequests))
	vs := w.violations(cfg.rate, max(1, int(cfg.rate)))
	fmt.Fprintf(out, "politeness violations %d (arrivals beyond the rate, as the hosts saw them)\n", len(vs))
	for _, v := range vs[:min(len(vs), 5)] {
		fmt.Fprintln(out, "  ", w.describe(v))
	}
	fmt.Fprintf(out, "hosts over 2 in flight %d\n", overConc)
	fmt.Fprintf(out, "wrong verdicts   %d %v\n", sum(wrong), sortedKeys(wrong))
	w.mu.Lock()
	var start time.Time
	lastHost := ""
	for h, t := range w.first {
		if start.IsZero() || t.Before(start) {
			start = t
		}
		if lastHost == "" || w.last[h].After(w.last[lastHost]) {
			lastHost = h
		}
	}
	busiest := hostName(0)
	kinds := map[kind]int{}
	for _, l := range w.links {
		if l.host == 0 {
			kinds[l.kind]++
		}
	}
	fmt.Fprintf(out, "busiest host's URLs by kind (page, hang, reset, 404, soft 404, moved, flaky): %v\n", []int{kinds[kindPage], kinds[kindHang], kinds[kindReset], kinds[kindMissing], kinds[kindSoft404], kinds[kindMoved], kinds[kindFlaky]})
	fmt.Fprintf(out, "made-up paths (soft-404 probes): %d, on %d hosts\n", sum(w.madeUp), len(w.madeUp))
	if n := w.count[fakeweb.WaybackHost]; n > 0 {
		fmt.Fprintf(out, "archive          %d requests for %d gone URLs (%.2f a URL), at most %d in flight, first at %v, last answered at %v\n",
			n, w.gone(), float64(n)/float64(max(1, w.gone())), w.maxIn[fakeweb.WaybackHost],
			w.first[fakeweb.WaybackHost].Sub(start).Round(time.Millisecond), w.last[fakeweb.WaybackHost].Sub(start).Round(time.Millisecond))
	}
	for _, h := range []string{lastHost, busiest} {
		fmt.Fprintf(out, "host %-22s %d requests, first at %v, last answered at %v\n", h, w.count[h],
			w.first[h].Sub(start).Round(time.Millisecond), w.last[h].Sub(start).Round(time.Millisecond))
	}
	w.mu.Unlock()
	for _, e := range examples {
		fmt.Fprintln(out, "  ", e)
	}
	return nil
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func sortedKeys(m map[string]int) []string {
	var ks []string
	for k, v := range m {
		ks = append(ks, fmt.Sprintf("%s:%d", k, v))
	}
	sort.Strings(ks)
	return ks
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
