package webpage

import (
	"context"
	"crypto/rand"
	"net/http"
	"net/url"
	"strings"
	"sync"
)

// hostProbes holds a run's questions to sites about made-up paths: at most
// one per host per run, asked by the first link that needs it, while the
// others wait for its answer without holding any slot of the host pool.
// The site's home page is asked for at most once, and only to tell a
// not-found template from a single-page app.
type hostProbes struct {
	mu     sync.Mutex
	probes map[string]*probeCell
	homes  map[string]*probeCell
}

// probeCell is one question's answer, ready once done is closed.
type probeCell struct {
	done  chan struct{}
	shape *pageShape
}

func newHostProbes() *hostProbes {
	return &hostProbes{probes: make(map[string]*probeCell), homes: make(map[string]*probeCell)}
}

// prober fetches one URL for the evidence: the page it answered 200 with
// at that URL itself, or nil.
type prober func(ctx context.Context, u *url.URL) *pageShape

// template returns the page the host of page answers 200 with for a
// made-up path of the same depth, asking it on the first call for the
// host. It is nil when the host answers anything else (a 404 or 410, a
// redirect elsewhere, a refusal, an error): then only a page that is
// nothing but a not-found message is a soft 404.
func (h *hostProbes) template(ctx context.Context, page *url.URL, ask prober) *pageShape {
	return h.once(ctx, h.probes, page, func() *url.URL { return madeUpURL(page) }, ask)
}

// home returns the page the host of page answers at its root, or nil.
func (h *hostProbes) home(ctx context.Context, page *url.URL, ask prober) *pageShape {
	return h.once(ctx, h.homes, page, func() *url.URL {
		return &url.URL{Scheme: page.Scheme, Host: page.Host, Path: "/"}
	}, ask)
}

// once asks for the URL that target names, the first time cells has no
// answer for page's host; later calls wait for that answer, or for ctx.
func (h *hostProbes) once(ctx context.Context, cells map[string]*probeCell, page *url.URL, target func() *url.URL, ask prober) *pageShape {
	key := hostKey(page)
	h.mu.Lock()
	c, asked := cells[key]
	if !asked {
		c = &probeCell{done: make(chan struct{})}
		cells[key] = c
	}
	h.mu.Unlock()
	if !asked {
		c.shape = ask(ctx, target())
		close(c.done)
		return c.shape
	}
	select {
	case <-c.done:
		return c.shape
	case <-ctx.Done():
		return nil
	}
}

// hostKey names a host, with its port when the URL gives one: the unit
// asked once, whichever scheme its links use.
func hostKey(u *url.URL) string {
	key := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if port := u.Port(); port != "" {
		key += ":" + port
	}
	return key
}

// madeUpURL returns a path of page's site that cannot exist, at the same
// depth: "/posts/x" → "/posts/<random>", "/docs/a/" → "/docs/<random>/".
func madeUpURL(page *url.URL) *url.URL {
	p := page.Path
	slash := strings.HasSuffix(p, "/") && p != "/"
	p = strings.TrimSuffix(p, "/")
	dir := p[:strings.LastIndexByte(p, '/')+1]
	if dir == "" {
		dir = "/"
	}
	made := dir + "lc" + strings.ToLower(rand.Text())
	if slash {
		made += "/"
	}
	return &url.URL{Scheme: page.Scheme, Host: page.Host, Path: made}
}

// probe asks for u like for any link (through the host pool, by its
// politeness and retry rules) and returns the page it answered 200 with
// at u itself, or at u spelled another way ("/x" → "/x/"); nil for any
// other answer.
func (f *Fetcher) probe(ctx context.Context, u *url.URL) *pageShape {
	final, _, a, _ := f.walk(ctx, u, http.MethodGet)
	if a.err != nil || !isOK(a.code) || a.page == nil {
		return nil
	}
	if !strings.EqualFold(pagePath(final.Path), pagePath(u.Path)) || !sameSite(final, u) {
		return nil // sent elsewhere: the site does not answer the path itself
	}
	return &pageShape{u: final, title: a.page.Title, h1: a.page.H1, size: a.size}
}

// landing asks for u like for any link and returns the page it answered
// 200 with, wherever its redirects led ("/" → "/en/"), or nil.
func (f *Fetcher) landing(ctx context.Context, u *url.URL) *pageShape {
	final, _, a, _ := f.walk(ctx, u, http.MethodGet)
	if a.err != nil || !isOK(a.code) || a.page == nil {
		return nil
	}
	return &pageShape{u: final, title: a.page.Title, h1: a.page.H1, size: a.size}
}
