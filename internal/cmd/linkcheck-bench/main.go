// Command linkcheck-bench measures linkcheck end to end on a fake web: wall
// time against the politeness bound, 429s provoked, requests made and peak
// memory, for a catalog of any size. It is a development tool; the Go
// benchmarks in package checker measure the same targets in CI's terms.
//
//	go run ./internal/cmd/linkcheck-bench -urls 2000 -hosts 100 -rate 5
//	go run ./internal/cmd/linkcheck-bench -urls 20000 -hosts 200 -rate 1000 -latency 0
//	go run ./internal/cmd/linkcheck-bench -urls 0 -papers 250
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/report"
	"github.com/ai-reading-list/linkcheck/result"
)

type config struct {
	urls, hosts, papers int
	rate                float64
	latency             time.Duration
}

func main() {
	var cfg config
	flag.IntVar(&cfg.urls, "urls", 2000, "URLs in the catalog")
	flag.IntVar(&cfg.hosts, "hosts", 100, "hosts the URLs are spread over")
	flag.IntVar(&cfg.papers, "papers", 0, "arXiv papers in the catalog (paced at one API request per 3 s)")
	flag.Float64Var(&cfg.rate, "rate", 5, "requests per second each fake host allows (429 beyond) and the checker is set to")
	flag.DurationVar(&cfg.latency, "latency", 50*time.Millisecond, "latency of every fake answer")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := bench(ctx, cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "linkcheck-bench:", err)
		os.Exit(1)
	}
}

func bench(ctx context.Context, cfg config, out io.Writer) error {
	if cfg.hosts < 1 || cfg.rate <= 0 || cfg.urls < 0 || cfg.papers < 0 {
		return fmt.Errorf("need -hosts ≥ 1, -rate > 0, -urls ≥ 0 and -papers ≥ 0")
	}
	web, closeWeb, err := fakeweb.NewServer()
	if err != nil {
		return err
	}
	defer closeWeb()
	page := fakeweb.Latency(cfg.latency, fakeweb.Page("Page", "<h1>Page</h1>"))
	for h := range cfg.hosts {
		web.Handle(hostName(h), fakeweb.RateLimited(cfg.rate, page))
	}
	web.Handle("export.arxiv.org", feedHandler())
	cat := buildCatalog(cfg)

	opts := checker.DefaultOptions()
	opts.HostRate = cfg.rate
	opts.HostBurst = 1
	opts.DialContext = web.DialContext
	opts.TLSConfig = web.TLSConfig()
	opts.AllowPrivate = true // the fake web lives on loopback
	opts.UserAgent = checker.DefaultUserAgent("bench")
	c, err := checker.New(opts)
	if err != nil {
		return err
	}
	sampler := startHeapSampler()
	start := time.Now()
	run := report.Run{Catalog: "bench.yaml", StartedAt: start}
	// Keep every result, as the CLI does for its sorted report.
	err = c.Check(ctx, cat, func(r result.Result) { run.Results = append(run.Results, r) })
	run.Duration = time.Since(start)
	result.Sort(run.Results, cat)
	if werr := report.Write(io.Discard, run, report.Options{Format: report.FormatJSON, All: true}); werr != nil {
		return werr
	}
	peak := sampler.stop()
	if err != nil {
		return err
	}

	bound := time.Duration(float64(cfg.urls) / float64(cfg.hosts) / cfg.rate * float64(time.Second))
	fmt.Fprintf(out, "results          %d (%s)\n", len(run.Results), report.Summarize(run.Results))
	fmt.Fprintf(out, "wall time        %v\n", run.Duration.Round(time.Millisecond))
	if cfg.urls > 0 {
		fmt.Fprintf(out, "politeness bound %v (%d URLs per host at %g/s)\n", bound, cfg.urls/cfg.hosts, cfg.rate)
		fmt.Fprintf(out, "x-bound          %.3f\n", float64(run.Duration)/float64(bound))
	}
	fmt.Fprintf(out, "429s             %d\n", web.CountCode(http.StatusTooManyRequests))
	fmt.Fprintf(out, "arXiv requests   %d\n", web.Requests("export.arxiv.org"))
	fmt.Fprintf(out, "peak heap        %.1f MB\n", float64(peak)/(1<<20))
	return nil
}

func hostName(i int) string { return fmt.Sprintf("h%d.bench.test", i) }

func buildCatalog(cfg config) *catalog.Catalog {
	sec := catalog.Section{ID: "bench", Title: "Bench"}
	for i := range cfg.urls {
		sec.Resources = append(sec.Resources, catalog.Resource{
			ID: fmt.Sprintf("u%d", i), Title: "Page", Kind: catalog.KindPost, Section: "bench",
			URL: fmt.Sprintf("https://%s/page/%d", hostName(i%cfg.hosts), i),
			Pos: catalog.Pos{Line: i + 1, Column: 1},
		})
	}
	for i := range cfg.papers {
		sec.Resources = append(sec.Resources, catalog.Resource{
			ID: fmt.Sprintf("p%d", i), Title: paperTitle(paperID(i)), Kind: catalog.KindPaper, Section: "bench",
			Arxiv: paperID(i), Pos: catalog.Pos{Line: cfg.urls + i + 1, Column: 1},
		})
	}
	return &catalog.Catalog{File: "bench.yaml", Version: catalog.SchemaVersion, Sections: []catalog.Section{sec}}
}

func paperID(i int) string        { return fmt.Sprintf("2401.%05d", i+1) }
func paperTitle(id string) string { return "A paper numbered " + id }

// feedHandler answers every id_list with one current-format Atom entry per
// ID, titled as the catalog expects.
func feedHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		b.WriteString(`<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
`)
		ids := strings.Split(r.URL.Query().Get("id_list"), ",")
		fmt.Fprintf(&b, "<opensearch:totalResults>%d</opensearch:totalResults>\n", len(ids))
		for _, id := range ids {
			fmt.Fprintf(&b, "<entry><id>http://arxiv.org/abs/%sv1</id><title>%s</title><updated>2024-01-02T00:00:00Z</updated><published>2024-01-02T00:00:00Z</published></entry>\n", id, paperTitle(id))
		}
		b.WriteString("</feed>\n")
		w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
		io.WriteString(w, b.String())
	})
}

// heapSampler records the peak live heap while a run goes on.
type heapSampler struct {
	done chan struct{}
	wg   sync.WaitGroup
	peak uint64
}

func startHeapSampler() *heapSampler {
	runtime.GC()
	s := &heapSampler{done: make(chan struct{})}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			select {
			case <-s.done:
				return
			case <-t.C:
				runtime.ReadMemStats(&ms)
				s.peak = max(s.peak, ms.HeapAlloc)
			}
		}
	}()
	return s
}

func (s *heapSampler) stop() uint64 {
	close(s.done)
	s.wg.Wait()
	return s.peak
}
