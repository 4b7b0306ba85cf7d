package webpage

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker/hostpool"
	"github.com/ai-reading-list/linkcheck/checker/netguard"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// Outcome is what checking one URL found. It is shared by every entry that
// uses the URL; entry-specific rules (alternates, accept) apply later.
type Outcome struct {
	Status    status.Status
	Message   string
	Code      int
	FinalURL  string
	Redirects []result.Hop
	PageTitle string
	Attempts  int
	Duration  time.Duration
	// NetworkFailure: no HTTP answer arrived (see Result.NetworkFailure).
	NetworkFailure bool
	// Gone: the check is broken because the page is no more (see gone),
	// the links an archived copy can stand in for.
	Gone bool
}

// MaxRedirects is the longest redirect chain followed; a longer one is
// an error.
const MaxRedirects = 10

// Config is what a page check needs of the run's options.
type Config struct {
	RequestTimeout time.Duration // one request's, each try
	MaxBodyBytes   int64         // the most of a body read
	UserAgent      string
	// Headers returns the extra headers of requests to host, nil for none.
	Headers func(host string) http.Header
}

// Fetcher checks URLs within one run's host pool.
type Fetcher struct {
	opts   *Config
	client *http.Client
	pool   *hostpool.Pool
	conns  *Conns      // nil in tests that build a Fetcher by hand
	probes *hostProbes // nil in tests that build a Fetcher by hand: the strict rule alone
}

// NewFetcher returns the Fetcher of one run: client sends (over conns,
// the run's per-host connections, which the Fetcher's host queues close
// when done), every request waits its turn in pool, and a host's soft 404
// probes are shared by all its pages.
func NewFetcher(cfg Config, client *http.Client, pool *hostpool.Pool, conns *Conns) *Fetcher {
	return &Fetcher{opts: &cfg, client: client, pool: pool, conns: conns, probes: newHostProbes()}
}

// binaryExt are extensions of files whose body is useless to a link check
// and possibly huge.
var binaryExt = map[string]bool{
	".pdf": true, ".zip": true, ".gz": true, ".tgz": true, ".tar": true, ".bz2": true, ".xz": true,
	".7z": true, ".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".svg": true,
	".mp3": true, ".mp4": true, ".webm": true, ".mov": true, ".csv": true, ".json": true, ".jsonl": true,
	".parquet": true, ".bin": true, ".pt": true, ".safetensors": true, ".ckpt": true, ".h5": true,
	".npz": true, ".pptx": true, ".docx": true, ".xlsx": true, ".epub": true,
}

// Done closes the idle connections of a host group whose queue is done.
func (f *Fetcher) Done(group string) {
	if f.conns != nil {
		f.conns.Done(group)
	}
}

// headers returns the extra headers of requests to host.
func (f *Fetcher) headers(host string) http.Header {
	if f.opts.Headers == nil {
		return nil
	}
	return f.opts.Headers(host)
}

// firstMethod picks the first request for a URL, to keep one request per
// healthy URL. Most catalog URLs are HTML pages that have to be read anyway
// (title, soft 404, meta refresh), so they get a GET at once and a HEAD
// would only double the traffic. URLs that name a file by its extension
// (.pdf, .zip, ...) or an arXiv PDF get a HEAD: their body is never read.
// A HEAD that answers an error (many servers mishandle HEAD) or turns out
// to be HTML is followed by a GET.
func firstMethod(u *url.URL) string {
	if binaryExt[strings.ToLower(path.Ext(u.Path))] ||
		(hostpool.GroupOf(u.Hostname()) == hostpool.ArxivGroup && strings.HasPrefix(u.Path, "/pdf/")) {
		return http.MethodHead
	}
	return http.MethodGet
}

// Fetch checks one URL: the request (HEAD or GET, with retries) and its
// redirects, up to MaxRedirects hops, then judges the result. titles are
// the catalog's titles of the entries linking to it, a hint of what the
// page is about. For a 2xx page it also returns the page as its host's
// other pages see it (see HostPage), nil otherwise.
func (f *Fetcher) Fetch(ctx context.Context, raw string, titles []string) (Outcome, *HostPage) {
	start := time.Now()
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Outcome{Status: status.Broken, Message: "invalid URL: want an absolute http or https URL"}, nil
	}
	u.Fragment, u.RawFragment = "", ""
	final, hops, a, attempts := f.walk(ctx, u, firstMethod(u))
	d := time.Since(start)
	if a.err != nil || a.page == nil || !isOK(a.code) || pageDecided(u, hops, final, a) {
		return f.conclude(u, final, hops, a, softVerdict{}, attempts, d), nil
	}
	soft := f.judgePage(ctx, u, final, a.page, a.size, titles)
	pg := &HostPage{
		shape:   pageShape{u: final, title: a.page.Title, h1: a.page.H1, size: a.size},
		decided: soft.decided,
		redo: func(v softVerdict) Outcome {
			return f.conclude(u, final, hops, a, v, attempts, d)
		},
	}
	return f.conclude(u, final, hops, a, soft, attempts, d), pg
}

// walk follows u's redirects, hop by hop, to the answer that ends the
// chain: where it ended, the hops on the way, that answer, and the most
// tries any request took.
func (f *Fetcher) walk(ctx context.Context, u *url.URL, method string) (*url.URL, []result.Hop, answer, int) {
	var (
		cur      = u
		hops     []result.Hop
		seen     = map[string]bool{f.visitKey(u): true}
		attempts int
		a        answer
	)
	for {
		a = f.do(ctx, method, cur)
		attempts = max(attempts, a.attempts)
		if method == http.MethodHead && needsGET(a) {
			method = http.MethodGet
			a = f.do(ctx, method, cur)
			attempts = max(attempts, a.attempts)
		}
		next, code, err := nextHop(cur, a)
		if err != nil {
			a = answer{code: a.code, err: err}
		}
		if next == nil {
			break
		}
		hops = append(hops, result.Hop{URL: cur.String(), Code: code})
		if len(hops) > MaxRedirects {
			a = answer{err: errTooManyRedirects}
			break
		}
		next.Fragment, next.RawFragment = "", ""
		// A loop is the same URL asked again with nothing changed: coming
		// back with a new cookie is how cookie and consent walls work.
		key := f.visitKey(next)
		if seen[key] {
			a = answer{err: fmt.Errorf("%w: back to %s", errRedirectLoop, Redact(next.String()))}
			break
		}
		seen[key] = true
		cur = next
		if code == metaRefreshCode {
			method = http.MethodGet
		}
	}
	return cur, hops, a, attempts
}

// pageDecided reports a chain already judged without the site's evidence:
// it ended on a parking or sale page, or retired the page to a home or
// catch-all page. Asking the site about its made-up paths would add
// nothing.
func pageDecided(orig *url.URL, hops []result.Hop, final *url.URL, a answer) bool {
	if parked(orig, hops, final, a.code, a.page) != "" {
		return true
	}
	return len(hops) > 0 && !sameResource(orig, final) && catchAll(orig, hops, final)
}

// needsGET reports a HEAD answer that only a GET can settle: an error
// status, since many servers mishandle HEAD (405, 501, 400, 403, 404), or
// an HTML page, which has to be read. A host that said slow down (429,
// 503) has had its retries already and is not asked again at once.
func needsGET(a answer) bool {
	if a.err != nil || a.code == http.StatusTooManyRequests || a.code == http.StatusServiceUnavailable {
		return false
	}
	return a.code >= 400 || (isOK(a.code) && isHTML(a.contentType))
}

// nextHop returns where an answer sends the check next: a redirect's
// Location, or a meta refresh on a 200 page; nil when the chain ends here.
// A redirect that points nowhere a check can follow is an error; a meta
// refresh that does, or that reloads the page itself, is ignored, since
// the page itself answered.
func nextHop(cur *url.URL, a answer) (*url.URL, int, error) {
	if a.err != nil {
		return nil, 0, nil
	}
	var to string
	code := a.code
	switch {
	case a.code >= 300 && a.code < 400 && a.location != "":
		to = a.location
	case isOK(a.code) && a.page != nil && a.page.Refresh != "":
		to, code = a.page.Refresh, metaRefreshCode
	default:
		return nil, 0, nil
	}
	next, err := cur.Parse(to)
	if err != nil || (next.Scheme != "http" && next.Scheme != "https") {
		if code == metaRefreshCode {
			return nil, 0, nil
		}
		return nil, 0, fmt.Errorf("%w: %q", errBadLocation, Redact(to))
	}
	if code == metaRefreshCode && samePage(cur, next) {
		return nil, 0, nil // a page that reloads itself (a live board) stays where it is
	}
	return next, code, nil
}

// conclude turns the last answer of a chain into an Outcome.
// soft is the site's evidence on a 2xx page (see judgePage).
func (f *Fetcher) conclude(orig, final *url.URL, hops []result.Hop, a answer, soft softVerdict, attempts int, d time.Duration) Outcome {
	fc := facts{Code: a.code, Challenge: a.challenge, SoftNotFound: soft.Broken}
	st, msg := classify(fc, a.err)
	if private := (*netguard.PrivateAddressError)(nil); len(hops) > 0 && errors.As(a.err, &private) {
		st, msg = privateVerdict(private, true) // a public link led there
	}
	if st == status.Timeout {
		msg = fmt.Sprintf("no answer within %v", f.opts.RequestTimeout)
	}
	// A chain back to where it started (a cookie or consent wall letting
	// the check through) moved nothing.
	back := sameResource(orig, final)
	switch {
	case len(hops) == 0 || (st == status.OK && back):
	case st == status.OK:
		st, msg = judgeChain(orig, hops, final)
	case a.err == nil:
		// The chain ended in a failure: say where, since it is not the
		// URL in the catalog.
		msg += fmt.Sprintf(" (after %s to %s)", plural(len(hops), "redirect"), final)
	}
	var parkedWhy string
	if a.err == nil {
		if parkedWhy = parked(orig, hops, final, a.code, a.page); parkedWhy != "" {
			st, msg = status.Broken, parkedWhy
		}
	}
	if soft.Note != "" && st != status.Broken {
		msg += "; " + soft.Note
	}
	if a.tooLong > 0 {
		msg += fmt.Sprintf(" (asked to wait %v before retrying)", a.tooLong)
	}
	if attempts > 1 {
		msg += fmt.Sprintf(" (%s)", plural(attempts, "attempt"))
	}
	o := Outcome{
		Status:    st,
		Message:   Redact(msg),
		Code:      a.code,
		Redirects: redactHops(hops),
		Attempts:  attempts,
		Duration:  d,

		NetworkFailure: noAnswer(a.err),
		Gone:           gone(st, a, parkedWhy),
	}
	if len(hops) > 0 && !back {
		o.FinalURL = Redact(final.String())
	}
	// Only a 2xx page is the page: a 503's "Error" or a CDN's error
	// template says nothing about what the link names, and taking it for
	// the page's title would report a retitled page for one bad night. A
	// bot challenge answered 200 ("Just a moment...") is a wall before the
	// page, not the page.
	if a.page != nil && isOK(a.code) && !a.challenge {
		o.PageTitle = a.page.Title
	}
	return o
}

// redactHops returns a redacted copy of hops: a chain may be concluded
// twice (see HostPage), and must read the same both times.
func redactHops(hops []result.Hop) []result.Hop {
	if hops == nil {
		return nil
	}
	out := make([]result.Hop, len(hops))
	for i, h := range hops {
		h.URL = Redact(h.URL)
		out[i] = h
	}
	return out
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// FetchKey is the key under which identical URLs are fetched once
// (catalog.NormalizeURL); a URL it cannot normalize is its own key, and
// fails at fetch time with a clear message.
func FetchKey(raw string) string {
	n, err := catalog.NormalizeURL(raw)
	if err != nil {
		return raw
	}
	return n
}
