package fakeweb

import (
	"encoding/json"
	"html"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// WaybackHost is the fake Wayback Machine's host, the real one's name.
const WaybackHost = "web.archive.org"

// waybackStamp is a capture's 14-digit timestamp.
const waybackStamp = "20060102150405"

// Capture is one capture the fake Wayback Machine holds: what the page
// answered at a moment.
type Capture struct {
	At    time.Time
	Code  int    // the recorded status; 0 means 200
	Title string // the recorded page's title: the live page, "404 Not Found", "This domain is for sale!"
}

// Wayback is a fake Wayback Machine: a CDX server at /cdx/search/cdx that
// answers output=json queries from its captures (url, to, limit, and
// filter=statuscode:N), and playback at /web/TIMESTAMP[id_]/URL that
// replays each capture as recorded (with Memento-Datetime), redirects a
// timestamp without a capture to the nearest one, and answers a URL it
// never captured with 404 and X-Archive-Wayback-Runtime-Error. Serve it
// on WaybackHost.
type Wayback struct {
	mu       sync.Mutex
	captures map[string][]Capture // by original URL, oldest first
	cdx      map[string]http.Handler
	queries  []string
	// throttled requests are still to be answered 429 with retryAfter.
	throttled  int
	retryAfter string
}

// NewWayback returns a fake Wayback Machine without captures.
func NewWayback() *Wayback {
	return &Wayback{captures: make(map[string][]Capture), cdx: make(map[string]http.Handler)}
}

// Add records captures of original.
func (w *Wayback) Add(original string, caps ...Capture) {
	w.mu.Lock()
	defer w.mu.Unlock()
	all := append(w.captures[original], caps...)
	slices.SortFunc(all, func(a, b Capture) int { return a.At.Compare(b.At) })
	w.captures[original] = all
}

// AnswerCDX makes the CDX server answer queries about original with h:
// an empty list, an HTML error page, a truncated list, a 429.
func (w *Wayback) AnswerCDX(original string, h http.Handler) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.cdx[original] = h
}

// Throttle makes the next n requests, to either endpoint, answer 429
// with Retry-After: retryAfter, as the archive answers heavy clients.
func (w *Wayback) Throttle(n int, retryAfter string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.throttled, w.retryAfter = n, retryAfter
}

// Queries returns the raw query of every CDX request, in order.
func (w *Wayback) Queries() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.queries...)
}

func (w *Wayback) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	w.mu.Lock()
	throttled := w.throttled > 0
	if throttled {
		w.throttled--
		rw.Header().Set("Retry-After", w.retryAfter)
	}
	w.mu.Unlock()
	if throttled {
		http.Error(rw, "Too Many Requests", http.StatusTooManyRequests)
		return
	}
	switch {
	case r.URL.Path == "/cdx/search/cdx":
		w.serveCDX(rw, r)
	case strings.HasPrefix(r.URL.Path, "/web/"):
		w.play(rw, r)
	default:
		http.NotFound(rw, r)
	}
}

func (w *Wayback) serveCDX(rw http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	original := q.Get("url")
	w.mu.Lock()
	w.queries = append(w.queries, r.URL.RawQuery)
	h, scripted := w.cdx[original]
	caps := append([]Capture(nil), w.captures[original]...)
	w.mu.Unlock()
	if scripted {
		h.ServeHTTP(rw, r)
		return
	}
	to := "99999999999999"
	if s := q.Get("to"); s != "" {
		to = (s + "99999999999999")[:len(waybackStamp)] // a partial timestamp covers its whole period
	}
	want := ""
	for _, f := range q["filter"] {
		if code, ok := strings.CutPrefix(f, "statuscode:"); ok {
			want = code
		}
	}
	rows := [][]string{}
	for _, c := range caps {
		stamp, code := c.At.UTC().Format(waybackStamp), strconv.Itoa(cmpCode(c.Code))
		if stamp <= to && (want == "" || code == want) {
			rows = append(rows, []string{stamp, original, code})
		}
	}
	if n, err := strconv.Atoi(q.Get("limit")); err == nil && n < 0 && len(rows) > -n {
		rows = rows[len(rows)+n:] // a negative limit keeps the last (newest) rows
	}
	if len(rows) > 0 {
		rows = append([][]string{{"timestamp", "original", "statuscode"}}, rows...)
	}
	rw.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(rw).Encode(rows)
}

// play replays a capture: the path is /web/TIMESTAMP[id_]/ORIGINAL, the
// original keeping its own query.
func (w *Wayback) play(rw http.ResponseWriter, r *http.Request) {
	rest := strings.TrimPrefix(r.URL.RequestURI(), "/web/")
	stamp, original, _ := strings.Cut(rest, "/")
	stamp, mod := strings.CutSuffix(stamp, "id_")
	w.mu.Lock()
	caps := append([]Capture(nil), w.captures[original]...)
	w.mu.Unlock()
	if len(caps) == 0 {
		rw.Header().Set("X-Archive-Wayback-Runtime-Error", "ResourceNotInArchiveException")
		http.Error(rw, "Wayback Machine has not archived that URL.", http.StatusNotFound)
		return
	}
	at, err := time.Parse(waybackStamp, (stamp + "00000000000000")[:len(waybackStamp)])
	if err != nil {
		http.Error(rw, "bad timestamp", http.StatusBadRequest)
		return
	}
	near := caps[0]
	for _, c := range caps {
		if c.At.Sub(at).Abs() < near.At.Sub(at).Abs() {
			near = c
		}
	}
	if !near.At.Equal(at) || len(stamp) != len(waybackStamp) {
		to := "/web/" + near.At.UTC().Format(waybackStamp)
		if mod {
			to += "id_"
		}
		// Set by hand: http.Redirect would clean the "//" of the
		// original's scheme away.
		rw.Header().Set("Location", to+"/"+original)
		rw.WriteHeader(http.StatusFound)
		return
	}
	rw.Header().Set("Memento-Datetime", near.At.UTC().Format(http.TimeFormat))
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	rw.WriteHeader(cmpCode(near.Code))
	t := html.EscapeString(near.Title)
	_, _ = rw.Write([]byte("<!DOCTYPE html>\n<html><head><title>" + t + "</title></head><body><h1>" + t + "</h1></body></html>\n"))
}

func cmpCode(code int) int {
	if code == 0 {
		return http.StatusOK
	}
	return code
}
