package checker

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// archiveOptions points a checker at w, with the fake Wayback Machine wb
// at its real name and lookups on, at a pace that keeps tests fast.
func archiveOptions(w *fakeweb.Web, wb *fakeweb.Wayback) Options {
	w.Handle(fakeweb.WaybackHost, wb)
	o := testOptions(w)
	o.Archive = true
	o.Hosts["web.archive.org"] = HostLimit{Rate: 1000, Burst: 10, Concurrency: 2}
	o.Now = func() time.Time { return time.Date(2026, 4, 12, 22, 0, 0, 0, time.UTC) }
	return o
}

// captured is when the fake archive recorded the live pages below.
var captured = time.Date(2023, 5, 12, 8, 30, 0, 0, time.UTC)

func liveCapture(at time.Time) fakeweb.Capture {
	return fakeweb.Capture{At: at, Title: "Notes on tidy logs"}
}

// cdxURLs are the URLs the CDX server was asked about.
func cdxURLs(wb *fakeweb.Wayback) []string {
	var out []string
	for _, q := range wb.Queries() {
		v, _ := url.ParseQuery(q)
		out = append(out, v.Get("url"))
	}
	slices.Sort(out)
	return out
}

// TestRescueOnlyGoneLinks runs real outcomes through the check: only a
// gone link (404, 410, soft 404, catch-all, parked, no such host) is
// looked up, each gets the archive's capture of its live page, and no
// verdict changes; with lookups off, the archive hears nothing.
func TestRescueOnlyGoneLinks(t *testing.T) {
	w := fakeweb.New(t)
	mux := http.NewServeMux()
	mux.Handle("/404", fakeweb.Status(http.StatusNotFound))
	mux.Handle("/410", fakeweb.Status(http.StatusGone))
	mux.Handle("/soft", fakeweb.SoftNotFound())
	mux.Handle("/posts/retired-post", fakeweb.Redirect(http.StatusMovedPermanently, "/"))
	mux.Handle("/{$}", fakeweb.Page("Gone Example", "<h1>Welcome</h1>"))
	mux.Handle("/400", fakeweb.Status(http.StatusBadRequest))
	mux.Handle("/accepted", fakeweb.Status(http.StatusNotFound))
	mux.Handle("/500", fakeweb.Status(http.StatusInternalServerError))
	mux.Handle("/403", fakeweb.Status(http.StatusForbidden))
	mux.Handle("/429", fakeweb.WithHeader("Retry-After", "3600", fakeweb.Status(http.StatusTooManyRequests)))
	mux.Handle("/loop", fakeweb.Redirect(http.StatusFound, "/loop"))
	mux.Handle("/ok", fakeweb.Page("Notes on tidy logs", "<h1>Notes on tidy logs</h1>"))
	w.Handle("gone.example", mux)
	w.Handle("parked.example", fakeweb.Page("This domain is for sale!", ""))

	tests := []struct {
		id, url string
		gone    bool
	}{
		{"404", "https://gone.example/404", true},
		{"410", "https://gone.example/410", true},
		{"soft", "https://gone.example/soft", true},
		{"catchall", "https://gone.example/posts/retired-post", true},
		{"parked", "https://parked.example/notes", true},
		{"nohost", "https://nxdomain.example/notes", true},
		{"400", "https://gone.example/400", false},
		{"accepted", "https://gone.example/accepted", false},
		{"500", "https://gone.example/500", false},
		{"403", "https://gone.example/403", false},
		{"429", "https://gone.example/429", false},
		{"loop", "https://gone.example/loop", false},
		{"ok", "https://gone.example/ok", false},
	}
	wb := fakeweb.NewWayback()
	var rs []catalog.Resource
	var wantLooked []string
	for _, tt := range tests {
		wb.Add(tt.url, liveCapture(captured))
		e := entry(tt.id, tt.url)
		if tt.id == "accepted" {
			e.Accept = []catalog.Accept{{Status: status.Broken, Reason: "kept for the record"}}
		}
		rs = append(rs, e)
		if tt.gone {
			wantLooked = append(wantLooked, tt.url)
		}
	}
	slices.Sort(wantLooked)
	cat := catalogOf(rs...)

	o := archiveOptions(w, wb)
	o.Archive = false
	without, err := run(t, newChecker(t, o), cat)
	if err != nil {
		t.Fatalf("Check without lookups: %v", err)
	}
	if n := w.Requests(fakeweb.WaybackHost); n != 0 {
		t.Errorf("requests to the archive with lookups off = %d, want 0", n)
	}
	o.Archive = true
	with, err := run(t, newChecker(t, o), cat)
	if err != nil {
		t.Fatalf("Check with lookups: %v", err)
	}
	if len(with) != len(tests) || len(without) != len(tests) {
		t.Fatalf("results = %d with lookups, %d without, want %d", len(with), len(without), len(tests))
	}
	for i, tt := range tests {
		got, before := with[i], without[i]
		if got.Status != before.Status || got.Message != before.Message || got.Code != before.Code {
			t.Errorf("%s: verdict with lookups = %v %q, without = %v %q; want it unchanged", tt.id, got.Status, got.Message, before.Status, before.Message)
		}
		if before.ArchiveURL != "" || before.ArchiveNote != "" {
			t.Errorf("%s: without lookups, archived copy %q, note %q; want none", tt.id, before.ArchiveURL, before.ArchiveNote)
		}
		want := ""
		if tt.gone {
			want = "https://web.archive.org/web/20230512083000/" + tt.url
		}
		if got.ArchiveURL != want || got.ArchiveNote != "" || (tt.gone && !got.ArchivedAt.Equal(captured)) {
			t.Errorf("%s (%v %q): archived copy %q of %v, note %q; want %q", tt.id, got.Status, got.Message, got.ArchiveURL, got.ArchivedAt, got.ArchiveNote, want)
		}
	}
	if got := cdxURLs(wb); !slices.Equal(got, wantLooked) {
		t.Errorf("CDX server asked about %q, want %q", got, wantLooked)
	}
}

// TestRescueNotes: a gone link without a copy, or whose lookup failed,
// stays broken with a note saying which; the run does not fail.
func TestRescueNotes(t *testing.T) {
	const page = "https://gone.example/notes/tidy-logs"
	lastSeen := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		captures []fakeweb.Capture
		cdx      http.Handler
		lastOK   time.Time
		wantAt   time.Time
		note     string // a prefix
	}{
		{"no capture", nil, nil, time.Time{}, time.Time{}, "no archived copy of the live page"},
		{"only the dead page captured", []fakeweb.Capture{{At: captured, Title: "404 Not Found"}}, nil, time.Time{}, time.Time{}, "no archived copy of the live page"},
		{"the newest before the last live check", []fakeweb.Capture{liveCapture(captured), {At: lastSeen.AddDate(0, 2, 0), Title: "This domain is for sale!"}, liveCapture(lastSeen.AddDate(1, 0, 0))}, nil, lastSeen, captured, ""},
		{"HTML", []fakeweb.Capture{liveCapture(captured)}, fakeweb.Page("Service Unavailable", ""), time.Time{}, time.Time{}, "archive lookup failed: CDX server: answered HTML, not JSON"},
		{"throttled", []fakeweb.Capture{liveCapture(captured)}, fakeweb.WithHeader("Retry-After", "3600", fakeweb.Status(http.StatusTooManyRequests)), time.Time{}, time.Time{}, "archive lookup failed: CDX server answered HTTP 429"},
		{"truncated", []fakeweb.Capture{liveCapture(captured)}, fakeweb.WithHeader("Content-Type", "application/json", http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			_, _ = w.Write([]byte(`[["timestamp","original","statuscode"],["2023`))
		})), time.Time{}, time.Time{}, "archive lookup failed: CDX server: unreadable JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := fakeweb.New(t)
			w.Handle("gone.example", fakeweb.Status(http.StatusNotFound))
			wb := fakeweb.NewWayback()
			wb.Add(page, tt.captures...)
			if tt.cdx != nil {
				wb.AnswerCDX(page, tt.cdx)
			}
			o := archiveOptions(w, wb)
			o.LastOK = func(r result.Result) time.Time {
				if r.ID != "e" {
					t.Errorf("LastOK asked about %s, want e", r.ID)
				}
				return tt.lastOK
			}
			got := checkOne(t, newChecker(t, o), page)
			if got.Status != status.Broken || got.Message != "HTTP 404" {
				t.Errorf("verdict = %v %q, want broken %q", got.Status, got.Message, "HTTP 404")
			}
			switch {
			case tt.wantAt.IsZero() && (got.ArchiveURL != "" || !strings.HasPrefix(got.ArchiveNote, tt.note) || tt.note == ""):
				t.Errorf("archived copy %q, note %q; want none, and a note %q", got.ArchiveURL, got.ArchiveNote, tt.note)
			case !tt.wantAt.IsZero() && (!got.ArchivedAt.Equal(tt.wantAt) || got.ArchiveNote != ""):
				t.Errorf("archived copy %q of %v, note %q; want the capture of %v", got.ArchiveURL, got.ArchivedAt, got.ArchiveNote, tt.wantAt)
			}
		})
	}
}

// TestArchiveKey: an entry whose catalog names an archived copy is
// archived while the original is gone and the copy plays the live page,
// broken once the copy is gone too (with another capture when there is
// one), and its own verdict once the original answers again.
func TestArchiveKey(t *testing.T) {
	w := fakeweb.New(t)
	mux := http.NewServeMux()
	mux.Handle("/gone/", fakeweb.Status(http.StatusNotFound))
	mux.Handle("/back", fakeweb.Page("Notes on tidy logs", "<h1>Notes on tidy logs</h1>"))
	mux.Handle("/moved", fakeweb.Redirect(http.StatusMovedPermanently, "/back"))
	mux.Handle("/down", fakeweb.Status(http.StatusServiceUnavailable))
	w.Handle("blog.example", mux)
	wb := fakeweb.NewWayback()
	keyed := func(id, u string, at time.Time) catalog.Resource {
		e := entry(id, u)
		e.Archive = catalog.Capture{Original: u, At: at}.URL()
		return e
	}
	older := captured.AddDate(-1, 0, 0)
	wb.Add("https://blog.example/gone/archived", liveCapture(captured))
	wb.Add("https://blog.example/gone/copy-dead", fakeweb.Capture{At: captured, Title: "404 Not Found"}, liveCapture(older))
	wb.Add("https://blog.example/gone/nothing-left", fakeweb.Capture{At: captured, Title: "This domain is for sale!"})
	wb.Add("https://blog.example/gone/nearest", liveCapture(captured.Add(-time.Hour)))
	cat := catalogOf(
		keyed("archived", "https://blog.example/gone/archived", captured),
		keyed("nearest", "https://blog.example/gone/nearest", captured),
		keyed("copy-dead", "https://blog.example/gone/copy-dead", captured),
		keyed("nothing-left", "https://blog.example/gone/nothing-left", captured),
		keyed("back", "https://blog.example/back", captured),
		keyed("moved", "https://blog.example/moved", captured),
		keyed("down", "https://blog.example/down", captured),
	)
	type want struct {
		st      status.Status
		archive time.Time // zero: none
		note    string
	}
	wants := map[string]want{
		"archived":     {status.Archived, captured, ""},
		"nearest":      {status.Archived, captured, ""},
		"copy-dead":    {status.Broken, older, `the archived copy is gone too: the capture recorded soft 404: the page says "404 Not Found"`},
		"nothing-left": {status.Broken, time.Time{}, "the archived copy is gone too: the capture recorded domain parked / for sale: the page says “This domain is for sale!”"},
		"back":         {status.OK, time.Time{}, "the original is back: `archive` can go"},
		"moved":        {status.Moved, time.Time{}, ""},
		"down":         {status.Error, time.Time{}, ""},
	}
	check := func(t *testing.T, results []result.Result, wants map[string]want) {
		t.Helper()
		for _, r := range results {
			wt := wants[r.ID]
			if r.Status != wt.st || r.ArchiveNote != wt.note || !r.ArchivedAt.Equal(wt.archive) {
				t.Errorf("%s: %v, archived copy %q of %v, note %q; want %v, copy of %v, note %q",
					r.ID, r.Status, r.ArchiveURL, r.ArchivedAt, r.ArchiveNote, wt.st, wt.archive, wt.note)
			}
		}
	}
	t.Run("lookups on", func(t *testing.T) {
		results, err := run(t, newChecker(t, archiveOptions(w, wb)), cat)
		if err != nil || len(results) != len(wants) {
			t.Fatalf("Check = %v with %d results, want nil and %d", err, len(results), len(wants))
		}
		check(t, results, wants)
		want := []string{"https://blog.example/gone/copy-dead", "https://blog.example/gone/nothing-left"}
		if got := cdxURLs(wb); !slices.Equal(got, want) {
			t.Errorf("CDX server asked about %q, want only the entries whose copy is gone: %q", got, want)
		}
	})
	t.Run("lookups off", func(t *testing.T) {
		before := w.Requests(fakeweb.WaybackHost)
		o := archiveOptions(w, wb)
		o.Archive = false
		results, err := run(t, newChecker(t, o), cat)
		if err != nil {
			t.Fatalf("Check: %v", err)
		}
		off := map[string]want{
			"archived":     {status.Archived, captured, "the archived copy was not checked: archive lookups are off"},
			"nearest":      {status.Archived, captured, "the archived copy was not checked: archive lookups are off"},
			"copy-dead":    {status.Archived, captured, "the archived copy was not checked: archive lookups are off"},
			"nothing-left": {status.Archived, captured, "the archived copy was not checked: archive lookups are off"},
			"back":         wants["back"],
			"moved":        wants["moved"],
			"down":         wants["down"],
		}
		check(t, results, off)
		if n := w.Requests(fakeweb.WaybackHost) - before; n != 0 {
			t.Errorf("requests to the archive with lookups off = %d, want 0", n)
		}
	})
}

// TestRescueStopsWithTheRun: a run stopped during a lookup still emits
// the gone link's result, with its own verdict and no archived copy, and
// leaves no goroutine behind (TestMain checks).
func TestRescueStopsWithTheRun(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("gone.example", fakeweb.Status(http.StatusNotFound))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	wb := fakeweb.NewWayback()
	const page = "https://gone.example/post"
	wb.Add(page, liveCapture(captured))
	wb.AnswerCDX(page, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cancel() // the run stops while the archive thinks
		fakeweb.Hang().ServeHTTP(w, r)
	}))
	c := newChecker(t, archiveOptions(w, wb))
	var results []result.Result
	err := c.Check(ctx, catalogOf(entry("e", page)), func(r result.Result) { results = append(results, r) })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Check = %v, want context.Canceled", err)
	}
	if len(results) != 1 || results[0].Status != status.Broken || results[0].ArchiveURL != "" || results[0].ArchiveNote != "" {
		t.Errorf("results = %+v, want the broken link, without archived copy or note", results)
	}
}

// TestArchiveHostLimits: the archive's host group keeps its pace in a run
// nobody tuned, and settings.hosts can change it like any host's.
func TestArchiveHostLimits(t *testing.T) {
	tests := []struct {
		name  string
		hosts map[string]HostLimit
		want  HostLimit
	}{
		{"default", nil, HostLimit{Rate: 1, Burst: 1, Concurrency: 2}},
		{"overridden", map[string]HostLimit{"web.archive.org": {Rate: 0.2, Concurrency: 1}}, HostLimit{Rate: 0.2, Burst: 1, Concurrency: 1}},
	}
	for _, tt := range tests {
		o := DefaultOptions()
		o.Hosts = tt.hosts
		c := newChecker(t, o)
		if got := c.opts.hostLimit(groupOf(c.opts.WaybackBase)); got != tt.want {
			t.Errorf("%s: the archive's limit = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// TestUnreachableArchiveIsAskedOnce: when the archive cannot be reached at
// all (every connection reset, as behind a firewall, or no network when
// every link looks gone), the run stops asking it after the first failed
// lookups instead of spending a request at its pace on every gone link;
// each gone link still says why it has no copy.
func TestUnreachableArchiveIsAskedOnce(t *testing.T) {
	const links = 20
	w := fakeweb.New(t)
	w.Handle("gone.example", fakeweb.Status(http.StatusNotFound))
	o := archiveOptions(w, fakeweb.NewWayback())
	var arrivals atomic.Int32
	reset := fakeweb.Reset()
	w.Handle(fakeweb.WaybackHost, http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		arrivals.Add(1)
		reset.ServeHTTP(rw, r)
	}))
	o.Retries = 1
	var rs []catalog.Resource
	for i := range links {
		rs = append(rs, entry(fmt.Sprint("e", i), fmt.Sprintf("https://gone.example/posts/p%d", i)))
	}
	results, err := run(t, newChecker(t, o), catalogOf(rs...))
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	for _, r := range results {
		if r.Status != status.Broken || r.ArchiveURL != "" || !strings.HasPrefix(r.ArchiveNote, "archive lookup failed: CDX server: ") {
			t.Errorf("%s: %v, copy %q, note %q; want broken with the failed lookup's note", r.ID, r.Status, r.ArchiveURL, r.ArchiveNote)
		}
	}
	// The lookups already under way when the first failed may finish
	// theirs: at most one per worker, each tried once and retried once.
	workers := 2 * o.Hosts["web.archive.org"].Concurrency
	if got, most := int(arrivals.Load()), workers*(1+o.Retries); got > most {
		t.Errorf("the unreachable archive was asked %d times for %d gone links, want at most %d", got, links, most)
	}
}
