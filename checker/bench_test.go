package checker

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// spreadCatalog returns n URL entries spread evenly over hosts hosts.
func spreadCatalog(w *fakeweb.Web, n, hosts int, handler func() http.Handler) *catalog.Catalog {
	rs := make([]catalog.Resource, 0, n)
	for h := range hosts {
		w.Handle(fmt.Sprintf("h%d.example", h), handler())
	}
	for i := range n {
		host := fmt.Sprintf("h%d.example", i%hosts)
		rs = append(rs, entry(fmt.Sprint("e", i), fmt.Sprintf("https://%s/page/%d", host, i)))
	}
	return catalogOf(rs...)
}

func benchOptions(w *fakeweb.Web) Options {
	o := testOptions(w)
	o.Concurrency = DefaultConcurrency
	o.RequestTimeout = 10 * time.Second
	o.MaxRetryWait = time.Second
	return o
}

// BenchmarkPoliteness checks 2,000 URLs over 100 hosts that each allow 5
// requests per second (429 beyond) and answer in 50 ms. The bound is the
// time the politeness rules demand: 20 URLs per host at 5/s = 4 s.
// x-bound is wall time over that bound; 429s must stay 0.
func BenchmarkPoliteness(b *testing.B) {
	const (
		urls, hosts = 2000, 100
		rps         = 5.0
		latency     = 50 * time.Millisecond
	)
	bound := time.Duration(float64(urls/hosts) / rps * float64(time.Second))
	for b.Loop() {
		w := fakeweb.New(b)
		cat := spreadCatalog(w, urls, hosts, func() http.Handler {
			return fakeweb.RateLimited(rps, fakeweb.Latency(latency, fakeweb.Page("P", "")))
		})
		o := benchOptions(w)
		o.HostRate, o.HostBurst, o.HostConcurrency = rps, 1, 2
		c, err := New(o)
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		n, notOK := 0, 0
		err = c.Check(context.Background(), cat, func(r result.Result) {
			n++
			if r.Status != status.OK {
				notOK++
			}
		})
		wall := time.Since(start)
		if err != nil || n != urls || notOK != 0 {
			b.Fatalf("Check = %d results (%d not ok), %v; want %d ok", n, notOK, err, urls)
		}
		b.ReportMetric(float64(wall)/float64(bound), "x-bound")
		b.ReportMetric(float64(w.CountCode(429)), "429s")
	}
}

// BenchmarkMemory20k checks 20,000 URLs over 200 fast hosts and reports the
// peak heap of the process (fake web included) while it runs.
func BenchmarkMemory20k(b *testing.B) {
	const urls, hosts = 20000, 200
	for b.Loop() {
		w := fakeweb.New(b)
		cat := spreadCatalog(w, urls, hosts, func() http.Handler { return fakeweb.Page("P", "<h1>P</h1>") })
		o := benchOptions(w)
		o.HostRate, o.HostBurst, o.HostConcurrency = 10000, 100, 4
		o.Concurrency = 64
		c, err := New(o)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		var (
			peak uint64
			mu   sync.Mutex
			done = make(chan struct{})
			wg   sync.WaitGroup
		)
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.NewTicker(5 * time.Millisecond)
			defer t.Stop()
			var ms runtime.MemStats
			for {
				select {
				case <-done:
					return
				case <-t.C:
					runtime.ReadMemStats(&ms)
					mu.Lock()
					peak = max(peak, ms.HeapAlloc)
					mu.Unlock()
				}
			}
		}()
		n := 0
		err = c.Check(context.Background(), cat, func(result.Result) { n++ })
		close(done)
		wg.Wait()
		if err != nil || n != urls {
			b.Fatalf("Check = %d results, %v; want %d", n, err, urls)
		}
		b.ReportMetric(float64(peak)/(1<<20), "MB-peak")
	}
}
