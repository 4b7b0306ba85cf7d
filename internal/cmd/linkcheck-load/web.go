package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

// kind is what one URL of the fake web does.
type kind int

const (
	kindPage kind = iota
	kindHang
	kindReset
	kindMissing
	kindSoft404
	kindMoved
	kindFlaky
)

// want is the status linkcheck should give each kind.
var want = map[kind]string{
	kindPage:    "ok",
	kindHang:    "timeout",
	kindReset:   "error",
	kindMissing: "broken",
	kindSoft404: "broken",
	kindMoved:   "moved",
	kindFlaky:   "ok",
}

type link struct {
	host int
	kind kind
}

// web is the fake web's plan (which URL does what) and what its servers
// saw.
type web struct {
	cfg   config
	links []link
	sizes []int // URLs per host

	mu       sync.Mutex
	inFlight map[string]int
	maxIn    map[string]int
	flaky    map[int]int
	first    map[string]time.Time // each host's first arrival
	last     map[string]time.Time // and its last answer
	count    map[string]int
	// madeUp counts the paths asked only to see how a site answers a page
	// that cannot exist (a soft-404 probe), by host.
	madeUp  map[string]int
	arrived map[string][]arrival // each host's requests, in the order they arrived
}

// arrival is one request as a host saw it come in.
type arrival struct {
	at   time.Time
	path string
}

func newWeb(cfg config) *web {
	w := &web{cfg: cfg, inFlight: map[string]int{}, maxIn: map[string]int{}, flaky: map[int]int{},
		first: map[string]time.Time{}, last: map[string]time.Time{}, count: map[string]int{}, madeUp: map[string]int{},
		arrived: map[string][]arrival{}}
	w.sizes = hostSizes(cfg.urls, cfg.hosts, cfg.skew)
	r := rand.New(rand.NewPCG(cfg.seed, 0x9e3779b97f4a7c15))
	for h, n := range w.sizes {
		for range n {
			w.links = append(w.links, link{host: h, kind: pick(r, cfg)})
		}
	}
	return w
}

// hostSizes spreads n URLs over hosts with Zipf weights 1/(i+1)^skew, each
// host getting at least one, by largest remainder.
func hostSizes(n, hosts int, skew float64) []int {
	hosts = min(hosts, n)
	weights := make([]float64, hosts)
	sum := 0.0
	for i := range weights {
		weights[i] = 1 / math.Pow(float64(i+1), skew)
		sum += weights[i]
	}
	sizes := make([]int, hosts)
	left := n - hosts
	type rem struct {
		i int
		f float64
	}
	rems := make([]rem, hosts)
	given := 0
	for i, wt := range weights {
		exact := float64(left) * wt / sum
		sizes[i] = 1 + int(exact)
		given += int(exact)
		rems[i] = rem{i, exact - math.Floor(exact)}
	}
	for k := 0; given < left; k++ {
		best := k
		for j := k; j < hosts; j++ {
			if rems[j].f > rems[best].f {
				best = j
			}
		}
		rems[k], rems[best] = rems[best], rems[k]
		sizes[rems[k].i]++
		given++
	}
	return sizes
}

func pick(r *rand.Rand, cfg config) kind {
	x := r.IntN(1000)
	for _, c := range []struct {
		permille int
		k        kind
	}{
		{cfg.hangPermille, kindHang},
		{cfg.resetPermille, kindReset},
		{cfg.missingPermille, kindMissing},
		{cfg.softPermille, kindSoft404},
		{cfg.movedPermille, kindMoved},
		{cfg.flakyPermille, kindFlaky},
	} {
		if x < c.permille {
			return c.k
		}
		x -= c.permille
	}
	return kindPage
}

func hostName(h int) string { return fmt.Sprintf("h%d.load.test", h) }

func (w *web) url(i int) string {
	return fmt.Sprintf("https://%s/p/%d", hostName(w.links[i].host), i)
}

// requests is how many requests linkcheck needs for link i at best.
func (w *web) requests(i int) int {
	switch w.links[i].kind {
	case kindMoved, kindFlaky:
		return 2
	case kindHang:
		return 1 + min(w.cfg.retries, 1) // a timeout is retried once
	case kindReset:
		return 1 + w.cfg.retries
	}
	return 1
}

// bound is the shortest possible wall time: the busiest host's requests at
// its rate, the longest retry chain of a hanging URL, or the archive's
// lookups of the gone URLs (a CDX query and a playback each, one a
// second), whichever is longest.
func (w *web) bound() (time.Duration, string) {
	perHost := make([]int, len(w.sizes))
	for i, l := range w.links {
		perHost[l.host] += w.requests(i)
	}
	busiest := 0
	for h, n := range perHost {
		if n > perHost[busiest] {
			busiest = h
		}
	}
	hostTime := time.Duration(float64(perHost[busiest]) / w.cfg.rate * float64(time.Second))
	chain := time.Duration(1+min(w.cfg.retries, 1)) * w.cfg.requestTimeout
	if lookups := 2 * w.gone(); !strings.Contains(w.cfg.extraArgs, "--archive=false") &&
		time.Duration(lookups)*archiveInterval > max(hostTime, chain) {
		return time.Duration(lookups) * archiveInterval, fmt.Sprintf("the archive: %d gone URLs, %d lookups at 1/s", w.gone(), lookups)
	}
	if w.cfg.hangPermille == 0 || chain < hostTime {
		return hostTime, fmt.Sprintf("busiest host: %d URLs, %d requests at %g/s", w.sizes[busiest], perHost[busiest], w.cfg.rate)
	}
	return chain, fmt.Sprintf("retry chain of a hanging URL: %d × %v", 1+min(w.cfg.retries, 1), w.cfg.requestTimeout)
}

func (w *web) writeCatalog(path string) error {
	var b strings.Builder
	b.WriteString("version: 1\nsections:\n  - id: load\n    title: Load\n    resources:\n")
	for i := range w.links {
		fmt.Fprintf(&b, "      - id: u%d\n        title: Page %d\n        kind: post\n        url: %s\n", i, i, w.url(i))
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// server is the running fake web and the proxy that reaches it.
type server struct {
	web      *fakeweb.Web
	proxyURL string
	caFile   string
	stop     func()
}

func (w *web) start() (*server, error) {
	fw, closeWeb, err := fakeweb.NewServer()
	if err != nil {
		return nil, err
	}
	h := fakeweb.RateLimited(w.cfg.rate, http.HandlerFunc(w.serve))
	for i := range w.sizes {
		fw.Handle(hostName(i), w.counted(h))
	}
	fw.Handle(fakeweb.WaybackHost, w.counted(fakeweb.RateLimited(1/archiveInterval.Seconds(), w.archive())))
	proxyURL, stopProxy := fw.StartProxy()
	caFile := filepath.Join(os.TempDir(), fmt.Sprintf("linkcheck-load-ca-%d.pem", os.Getpid()))
	if err := os.WriteFile(caFile, fw.CACertPEM(), 0o644); err != nil {
		stopProxy()
		closeWeb()
		return nil, err
	}
	return &server{web: fw, proxyURL: proxyURL, caFile: caFile, stop: func() {
		stopProxy()
		closeWeb()
		os.Remove(caFile)
	}}, nil
}

// archiveInterval is the Wayback Machine's pace as linkcheck keeps it by
// default, and as the fake archive enforces it (429 beyond).
const archiveInterval = time.Second

// archive is a fake Wayback Machine that kept the live page of every URL
// that is gone now (404 or soft 404), a year before the run.
func (w *web) archive() http.Handler {
	wb := fakeweb.NewWayback()
	kept := time.Now().AddDate(-1, 0, 0).UTC().Truncate(time.Second)
	for i, l := range w.links {
		if l.kind == kindMissing || l.kind == kindSoft404 {
			wb.Add(w.url(i), fakeweb.Capture{At: kept, Title: "A page"})
		}
	}
	return wb
}

// gone counts the URLs that are gone, whose archived copies a run looks up.
func (w *web) gone() int {
	n := 0
	for _, l := range w.links {
		if l.kind == kindMissing || l.kind == kindSoft404 {
			n++
		}
	}
	return n
}

// counted notes the most requests a host had in flight at once, as the
// server sees them, and when each arrived: after a delay of up to -jitter
// on its way in, the network's jitter, which pacing must survive.
func (w *web) counted(h http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if w.cfg.jitter > 0 {
			t := time.NewTimer(time.Duration(rand.Int64N(int64(w.cfg.jitter) + 1)))
			select {
			case <-r.Context().Done():
				t.Stop()
				return
			case <-t.C:
			}
		}
		host, _, _ := strings.Cut(r.Host, ":")
		w.mu.Lock()
		w.inFlight[host]++
		w.maxIn[host] = max(w.maxIn[host], w.inFlight[host])
		w.count[host]++
		if madeUpPath.MatchString(r.URL.Path) {
			w.madeUp[host]++
		}
		w.arrived[host] = append(w.arrived[host], arrival{time.Now(), r.URL.Path})
		if _, ok := w.first[host]; !ok {
			w.first[host] = time.Now()
		}
		w.mu.Unlock()
		defer func() {
			w.mu.Lock()
			w.inFlight[host]--
			w.last[host] = time.Now()
			w.mu.Unlock()
		}()
		h.ServeHTTP(rw, r)
	})
}

// madeUpPath is what linkcheck asks a site for to see its answer to a
// page that cannot exist: "lc" and 26 random characters.
var madeUpPath = regexp.MustCompile(`/lc[a-z2-7]{26}/?$`)

var (
	page    = fakeweb.Page("A page", "<h1>A page</h1><p>Some text.</p>")
	missing = fakeweb.Status(http.StatusNotFound)
	soft404 = fakeweb.SoftNotFound()
	hang    = fakeweb.Hang()
	reset   = fakeweb.Reset()
	busy    = fakeweb.Status(http.StatusServiceUnavailable)
)

func (w *web) serve(rw http.ResponseWriter, r *http.Request) {
	lat := w.cfg.latencyMin + time.Duration(rand.Int64N(int64(w.cfg.latencyMax-w.cfg.latencyMin)+1))
	var h http.Handler = page
	if n, ok := strings.CutPrefix(r.URL.Path, "/p/"); ok {
		i, err := strconv.Atoi(n)
		if err != nil || i < 0 || i >= len(w.links) {
			fakeweb.Latency(lat, missing).ServeHTTP(rw, r)
			return
		}
		switch w.links[i].kind {
		case kindHang:
			h = hang
		case kindReset:
			h = reset
		case kindMissing:
			h = missing
		case kindSoft404:
			h = soft404
		case kindMoved:
			h = fakeweb.Redirect(http.StatusMovedPermanently, "/new/"+n)
		case kindFlaky:
			w.mu.Lock()
			w.flaky[i]++
			first := w.flaky[i] == 1
			w.mu.Unlock()
			if first {
				h = busy
			}
		}
	}
	fakeweb.Latency(lat, h).ServeHTTP(rw, r)
}
