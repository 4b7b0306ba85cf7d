// Command linkcheck-load measures the real linkcheck binary the way a user
// feels it: it serves a fake web of N URLs over H TLS hosts on loopback
// (its own CA; hosts of skewed sizes; a mix of latencies, hanging,
// resetting, missing, soft-404 and flaky pages; every host answering 429
// beyond its rate), runs `linkcheck check --format json` against it as a
// separate process through a local proxy, and reports the wall time against
// the politeness bound, the peak RSS of the process, what the servers saw
// (arrivals beyond a host's rate or concurrency, 429s) and whether every
// verdict is the expected one.
//
//	go run ./internal/cmd/linkcheck-load -urls 2000 -hosts 100
//	go run ./internal/cmd/linkcheck-load -urls 20000 -hosts 1000
//
// It is a development tool, not a test: it takes about as long as the
// bound (two minutes for 20,000 URLs).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"
)

type config struct {
	urls, hosts     int
	rate            float64
	skew            float64
	seed            uint64
	requestTimeout  time.Duration
	retries         int
	bin             string
	keep            bool
	extraArgs       string
	latencyMin      time.Duration
	latencyMax      time.Duration
	jitter          time.Duration
	hangPermille    int
	resetPermille   int
	missingPermille int
	softPermille    int
	movedPermille   int
	flakyPermille   int
}

func main() {
	var cfg config
	flag.IntVar(&cfg.urls, "urls", 2000, "URLs in the catalog")
	flag.IntVar(&cfg.hosts, "hosts", 100, "TLS hosts the URLs are spread over")
	flag.Float64Var(&cfg.rate, "rate", 2, "requests per second each host allows (429 beyond); linkcheck runs with its default --host-rate")
	flag.Float64Var(&cfg.skew, "skew", 0.4, "Zipf exponent of host sizes (0: all hosts equal)")
	flag.Uint64Var(&cfg.seed, "seed", 1, "seed of the web's random mix")
	flag.DurationVar(&cfg.requestTimeout, "request-timeout", 10*time.Second, "linkcheck's --request-timeout")
	flag.IntVar(&cfg.retries, "retries", 3, "linkcheck's --retries (for the bound)")
	flag.StringVar(&cfg.bin, "bin", "", "linkcheck binary to run (default: build ./cmd/linkcheck)")
	flag.BoolVar(&cfg.keep, "keep", false, "keep the work directory (catalog, report, stderr)")
	flag.StringVar(&cfg.extraArgs, "args", "", "extra arguments for linkcheck check, split on spaces")
	flag.DurationVar(&cfg.latencyMin, "latency-min", 20*time.Millisecond, "shortest answer latency")
	flag.DurationVar(&cfg.latencyMax, "latency-max", 300*time.Millisecond, "longest answer latency")
	flag.DurationVar(&cfg.jitter, "jitter", 0, "longest delay of a request on its way in, before its host counts it (each request's is uniform up to this)")
	flag.IntVar(&cfg.hangPermille, "hang", 5, "URLs per thousand that never answer")
	flag.IntVar(&cfg.resetPermille, "reset", 5, "URLs per thousand whose connection is reset")
	flag.IntVar(&cfg.missingPermille, "missing", 20, "URLs per thousand answering 404")
	flag.IntVar(&cfg.softPermille, "soft404", 10, "URLs per thousand answering a soft 404")
	flag.IntVar(&cfg.movedPermille, "moved", 20, "URLs per thousand moved by a 301")
	flag.IntVar(&cfg.flakyPermille, "flaky", 10, "URLs per thousand answering 503 once, then the page")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "linkcheck-load:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, cfg config, out io.Writer) error {
	if cfg.urls < 1 || cfg.hosts < 1 || cfg.rate <= 0 {
		return fmt.Errorf("need -urls ≥ 1, -hosts ≥ 1 and -rate > 0")
	}
	dir, err := os.MkdirTemp("", "linkcheck-load-")
	if err != nil {
		return err
	}
	if cfg.keep {
		fmt.Fprintln(out, "work directory  ", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	bin := cfg.bin
	if bin == "" {
		if bin, err = build(ctx, dir); err != nil {
			return err
		}
	}
	w := newWeb(cfg)
	srv, err := w.start()
	if err != nil {
		return err
	}
	defer srv.stop()

	res, err := runLinkcheck(ctx, cfg, bin, dir, w, srv)
	if err != nil {
		return err
	}
	return res.print(out, cfg, w, srv)
}
