package checker

import (
	"flag"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

var (
	goneLinks   = flag.Int("gone-links", 200, "gone links of BenchmarkRescue")
	archiveRate = flag.Float64("archive-rate", 20, "the fake archive's pace in BenchmarkRescue, requests per second (the real one's is 1)")
)

// BenchmarkRescue checks a catalog of gone links (404s over 10 hosts)
// with lookups on, against a fake archive that serves its captures in
// 20 ms and answers 429 beyond its pace. Six links in ten have a live
// newest capture, two a soft 404 recorded before it, one only parking
// pages, one none. It reports the requests to the archive per link, the
// wall time, and x-pace: the wall time over the time the archive's pace
// alone demands (its requests at -archive-rate a second), which scales
// the figure to the real pace of 1/s. 429s must stay 0.
func BenchmarkRescue(b *testing.B) {
	n, rate := *goneLinks, *archiveRate
	for b.Loop() {
		w := fakeweb.New(b)
		wb := fakeweb.NewWayback()
		w.Handle(fakeweb.WaybackHost, fakeweb.RateLimited(rate, fakeweb.Latency(20*time.Millisecond, wb)))
		var rs []catalog.Resource
		for h := range 10 {
			w.Handle(fmt.Sprintf("h%d.example", h), fakeweb.Status(http.StatusNotFound))
		}
		live := time.Date(2023, 5, 12, 8, 30, 0, 0, time.UTC)
		for i := range n {
			u := fmt.Sprintf("https://h%d.example/posts/notes-%d", i%10, i)
			rs = append(rs, entry(fmt.Sprint("e", i), u))
			page := fakeweb.Capture{At: live, Title: "Notes"}
			after := func(d int) time.Time { return live.AddDate(0, 0, d) }
			switch i % 10 {
			case 0, 1, 2, 3, 4, 5:
				wb.Add(u, page)
			case 6, 7:
				wb.Add(u, page, fakeweb.Capture{At: after(30), Title: "404 Not Found"})
			case 8:
				for d := range 4 {
					wb.Add(u, fakeweb.Capture{At: after(d + 1), Title: "This domain is for sale!"})
				}
			}
		}
		o := benchOptions(w)
		o.Archive = true
		o.Hosts["web.archive.org"] = HostLimit{Rate: rate, Burst: 1, Concurrency: 2}
		c, err := New(o)
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		var copies, notes int
		err = c.Check(b.Context(), catalogOf(rs...), func(r result.Result) {
			switch {
			case r.Status != status.Broken:
				b.Errorf("%s: %v, want broken", r.ID, r.Status)
			case r.ArchiveURL != "":
				copies++
			case r.ArchiveNote == "no archived copy of the live page":
				notes++
			default:
				b.Errorf("%s: no copy and note %q", r.ID, r.ArchiveNote)
			}
		})
		wall := time.Since(start)
		if err != nil {
			b.Fatal(err)
		}
		reqs := w.Requests(fakeweb.WaybackHost)
		pace := time.Duration(float64(reqs) / rate * float64(time.Second))
		b.ReportMetric(float64(reqs)/float64(n), "archive-req/link")
		b.ReportMetric(wall.Seconds(), "wall-s")
		b.ReportMetric(float64(wall)/float64(pace), "x-pace")
		b.ReportMetric(float64(copies), "copies")
		b.ReportMetric(float64(notes), "no-copy")
		b.ReportMetric(float64(w.CountCode(http.StatusTooManyRequests)), "429s")
	}
}
