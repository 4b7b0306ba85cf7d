package webpage

import (
	"context"
	"slices"
	"strings"
	"sync"
)

// Two signs of a not-found template only show across a host's pages: the
// same title on several of its URLs ("Welcome – Acme Blog" for every dead
// post), and a body much shorter than its other pages. Neither can be
// seen while a page is checked alone, so a host's 2xx pages that their
// own words did not settle are held until every link of the host has been
// fetched, then compared with each other. A page that the comparison makes
// suspicious is judged like any suspicious page, by the site's answer to
// a made-up path (see soft404.go): a shared title is common on healthy
// sites ("Acme Docs" on every page) and is never a verdict by itself.

// HostPage is a 2xx page as its host's other pages see it.
type HostPage struct {
	shape pageShape
	// decided: its words settled it, or its site was asked about it.
	decided bool
	// redo concludes the page's check again with the site's evidence.
	redo func(softVerdict) Outcome
}

// shortBodyRatio and minPeersForSize define "much shorter": a page below
// a quarter of the median size of at least three other pages of its host.
const (
	shortBodyRatio   = 4
	minPeersForSize  = 3
	minSharedTitleAt = 2 // distinct URLs of a host bearing one title
)

// Held is a URL's outcome held back until its host's other pages are
// known, and the entries waiting for it.
type Held struct {
	Entries []int // the run's entries linking to the URL
	Outcome Outcome
	pg      *HostPage
}

// HostPages collects one host queue's 2xx pages while its links are
// fetched, holding back those its other pages may still make suspicious.
type HostPages struct {
	mu    sync.Mutex
	pages []*HostPage
	held  []Held
}

// Add records the page of the URL that entries link to, and reports
// whether its outcome is held back.
func (h *HostPages) Add(entries []int, o Outcome, pg *HostPage) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.pages = append(h.pages, pg)
	if pg.decided {
		return false
	}
	h.held = append(h.held, Held{Entries: entries, Outcome: o, pg: pg})
	return true
}

// Settle judges the held pages that the host's other pages make
// suspicious by the site's answer to a made-up path (a match of sizes
// too, not of title and heading alone), and returns every held page with
// its final outcome. A single-page app's pages all share
// its one title: they stay as they were, without a note, since nothing of
// their own made them suspicious.
func (h *HostPages) Settle(ctx context.Context, f *Fetcher) []Held {
	h.mu.Lock()
	pages, held := h.pages, h.held
	h.mu.Unlock()
	if f.probes == nil || len(held) == 0 {
		return held
	}
	suspects := peerSuspects(pages)
	for i := range held {
		hp := &held[i]
		if !suspects[hp.pg] || ctx.Err() != nil {
			continue
		}
		if v := f.againstTemplate(ctx, hp.pg.shape, true); v.Broken != "" {
			hp.Outcome = hp.pg.redo(v)
		}
	}
	return held
}

// peerSuspects returns the pages of one host queue, among those not yet
// decided, that the other pages of their host make suspicious: a title
// that at least two distinct pages of the host bear, or a body under a
// quarter of the median size of at least three of its other pages. URLs that lead to one page (a
// redirect, the other scheme) count once; home pages are neither counted
// nor suspected, since a site's name is its home page's title.
func peerSuspects(pages []*HostPage) map[*HostPage]bool {
	type host struct {
		titles map[string]map[string]bool // title → page keys
		sizes  map[string]int64           // page key → size
	}
	hosts := make(map[string]*host)
	for _, pg := range pages {
		key := hostKey(pg.shape.u)
		h := hosts[key]
		if h == nil {
			h = &host{titles: make(map[string]map[string]bool), sizes: make(map[string]int64)}
			hosts[key] = h
		}
		page := pageKey(pg)
		if pg.shape.size >= 0 {
			h.sizes[page] = pg.shape.size
		}
		if t := titleKey(pg.shape.title); t != "" && !isHomePath(pagePath(pg.shape.u.Path)) {
			if h.titles[t] == nil {
				h.titles[t] = make(map[string]bool)
			}
			h.titles[t][page] = true
		}
	}
	out := make(map[*HostPage]bool)
	for _, pg := range pages {
		if pg.decided || isHomePath(pagePath(pg.shape.u.Path)) {
			continue
		}
		h := hosts[hostKey(pg.shape.u)]
		if len(h.titles[titleKey(pg.shape.title)]) >= minSharedTitleAt || shortBody(pg, h.sizes) {
			out[pg] = true
		}
	}
	return out
}

// shortBody reports a page much shorter than its host's other pages.
func shortBody(pg *HostPage, sizes map[string]int64) bool {
	if pg.shape.size < 0 {
		return false
	}
	self := pageKey(pg)
	var others []int64
	for k, n := range sizes {
		if k != self {
			others = append(others, n)
		}
	}
	if len(others) < minPeersForSize {
		return false
	}
	slices.Sort(others)
	median := others[len(others)/2]
	if len(others)%2 == 0 {
		median = (others[len(others)/2-1] + median) / 2
	}
	return shortBodyRatio*pg.shape.size < median
}

// pageKey names the page a URL ended on, whichever scheme reached it: two
// links redirected to one page are one page.
func pageKey(pg *HostPage) string {
	u := pg.shape.u
	return hostKey(u) + "/" + pagePath(u.Path) + "?" + u.RawQuery
}

// titleKey is a title compared across pages: lower case, spaces squashed.
func titleKey(title string) string {
	return strings.ToLower(strings.Join(strings.Fields(title), " "))
}
