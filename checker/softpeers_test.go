package checker

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

// TestSoftNotFoundByTheHostsOtherPages: a dead page that says nothing of
// its own (no not-found words, a one-word slug) is found by what the
// host's other pages show, a title several of them bear or a body much
// shorter than theirs, and then judged by the site's answer to a made-up
// path like any suspicious page.
func TestSoftNotFoundByTheHostsOtherPages(t *testing.T) {
	w := fakeweb.New(t)
	welcome := fakeweb.Page("Welcome – Acme Blog", "<h1>Welcome</h1><p>Read our latest posts.</p>")
	blog := &fakeSite{unknown: welcome, pages: map[string]http.Handler{
		"/":               fakeweb.Page("Acme Blog", "<h1>Acme Blog</h1>"),
		"/posts/launch":   fakeweb.Page("Launching Acme 2.0 – Acme Blog", "<h1>Launching Acme 2.0</h1>"),
		"/posts/pricing":  fakeweb.Page("Simpler pricing – Acme Blog", "<h1>Simpler pricing</h1>"),
		"/posts/gone":     welcome,
		"/posts/retired":  welcome,
		"/posts/vanished": welcome,
	}}
	w.Handle("blog.acme.example", blog)
	docs := &fakeSite{unknown: fakeweb.Status(http.StatusNotFound), pages: map[string]http.Handler{
		"/guide/install": fakeweb.Page("Acme Docs", "<h1>Install</h1>"),
		"/guide/config":  fakeweb.Page("Acme Docs", "<h1>Configure</h1>"),
		"/guide/deploy":  fakeweb.Page("Acme Docs", "<h1>Deploy</h1>"),
	}}
	w.Handle("docs.acme.example", docs)
	// A made-up path gets a 200 page of the same title, but another
	// heading: a shared title alone is no verdict.
	wiki := &fakeSite{unknown: fakeweb.Page("Acme Wiki", "<h1>Create this page?</h1>"), pages: map[string]http.Handler{
		"/wiki/alpha": fakeweb.Page("Acme Wiki", "<h1>Alpha</h1>"),
		"/wiki/beta":  fakeweb.Page("Acme Wiki", "<h1>Beta</h1>"),
	}}
	w.Handle("wiki.acme.example", wiki)
	long := strings.Repeat("<p>A long and careful note on keeping field journals.</p>", 100)
	stub := fakeweb.Page("Nothing here yet", "<p>Try the index.</p>")
	notes := &fakeSite{unknown: stub, pages: map[string]http.Handler{
		"/":              fakeweb.Page("Field Journal", "<h1>Field Journal</h1>"),
		"/notes/rivers":  fakeweb.Page("Rivers – Field Journal", "<h1>Rivers</h1>"+long),
		"/notes/forests": fakeweb.Page("Forests – Field Journal", "<h1>Forests</h1>"+long),
		"/notes/coasts":  fakeweb.Page("Coasts – Field Journal", "<h1>Coasts</h1>"+long),
		"/notes/deserts": stub,
	}}
	w.Handle("notes.example", notes)
	// A short page of a site whose made-up paths get a real 404.
	brief := &fakeSite{unknown: fakeweb.Status(http.StatusGone), pages: map[string]http.Handler{
		"/notes/rivers":  fakeweb.Page("Rivers – Brief Journal", "<h1>Rivers</h1>"+long),
		"/notes/forests": fakeweb.Page("Forests – Brief Journal", "<h1>Forests</h1>"+long),
		"/notes/coasts":  fakeweb.Page("Coasts – Brief Journal", "<h1>Coasts</h1>"+long),
		"/notes/index":   fakeweb.Page("Index – Brief Journal", "<p>Three notes.</p>"),
	}}
	w.Handle("brief.example", brief)
	// Every path, the home page included, answers one page: a single-page
	// app, which its HTML cannot judge.
	shell := fakeweb.Page("Acme App", `<div id="root"></div>`)
	app := &fakeSite{unknown: shell, pages: map[string]http.Handler{"/": shell, "/app/settings": shell, "/app/profile": shell}}
	w.Handle("app.acme.example", app)
	// Links that lead to one page are one page, not a title shared.
	one := &fakeSite{unknown: fakeweb.Page("Lost", "<h1>Lost</h1>"), pages: map[string]http.Handler{
		"/essay": fakeweb.Page("An essay – One Page", "<h1>An essay</h1>"),
		"/old":   fakeweb.Redirect(http.StatusMovedPermanently, "/essay"),
	}}
	w.Handle("one.example", one)
	c := newChecker(t, testOptions(w))

	cat := catalogOf(
		entry("launch", "https://blog.acme.example/posts/launch"),
		entry("pricing", "https://blog.acme.example/posts/pricing"),
		entry("gone", "https://blog.acme.example/posts/gone"),
		entry("retired", "https://blog.acme.example/posts/retired"),
		entry("vanished", "https://blog.acme.example/posts/vanished"),
		entry("install", "https://docs.acme.example/guide/install"),
		entry("config", "https://docs.acme.example/guide/config"),
		entry("deploy", "https://docs.acme.example/guide/deploy"),
		entry("alpha", "https://wiki.acme.example/wiki/alpha"),
		entry("beta", "https://wiki.acme.example/wiki/beta"),
		entry("rivers", "https://notes.example/notes/rivers"),
		entry("forests", "https://notes.example/notes/forests"),
		entry("coasts", "https://notes.example/notes/coasts"),
		entry("deserts", "https://notes.example/notes/deserts"),
		entry("brief-rivers", "https://brief.example/notes/rivers"),
		entry("brief-forests", "https://brief.example/notes/forests"),
		entry("brief-coasts", "https://brief.example/notes/coasts"),
		entry("brief-index", "https://brief.example/notes/index"),
		entry("settings", "https://app.acme.example/app/settings"),
		entry("profile", "https://app.acme.example/app/profile"),
		entry("essay", "https://one.example/essay"),
		entry("essay-old", "https://one.example/old"),
		entry("essay-http", "http://one.example/essay"),
	)
	results, err := run(t, c, cat)
	if err != nil {
		t.Fatal(err)
	}
	template := `soft 404: the site answers a made-up path with this same page (%q)`
	expectVerdicts(t, results, equal, map[string]verdict{
		"launch":        {status.OK, "HTTP 200"},
		"pricing":       {status.OK, "HTTP 200"},
		"gone":          {status.Broken, fmt.Sprintf(template, "Welcome – Acme Blog")},
		"retired":       {status.Broken, fmt.Sprintf(template, "Welcome – Acme Blog")},
		"vanished":      {status.Broken, fmt.Sprintf(template, "Welcome – Acme Blog")},
		"install":       {status.OK, "HTTP 200"},
		"config":        {status.OK, "HTTP 200"},
		"deploy":        {status.OK, "HTTP 200"},
		"alpha":         {status.OK, "HTTP 200"},
		"beta":          {status.OK, "HTTP 200"},
		"rivers":        {status.OK, "HTTP 200"},
		"forests":       {status.OK, "HTTP 200"},
		"coasts":        {status.OK, "HTTP 200"},
		"deserts":       {status.Broken, fmt.Sprintf(template, "Nothing here yet")},
		"brief-rivers":  {status.OK, "HTTP 200"},
		"brief-forests": {status.OK, "HTTP 200"},
		"brief-coasts":  {status.OK, "HTTP 200"},
		"brief-index":   {status.OK, "HTTP 200"},
		"settings":      {status.OK, "HTTP 200"},
		"profile":       {status.OK, "HTTP 200"},
		"essay":         {status.OK, "HTTP 200"},
		"essay-old":     {status.Moved, "moved permanently (301) to https://one.example/essay"},
		"essay-http":    {status.OK, "HTTP 200"},
	})
	// One made-up path per host whose pages share a title or have a much
	// shorter one, however many such pages it has; none for the others.
	// The home page is asked only to tell a template from a single-page
	// app, once a page matched the template.
	for _, tt := range []struct {
		host        string
		s           *fakeSite
		probe, home int
	}{
		{"blog.acme.example", blog, 1, 1},
		{"docs.acme.example", docs, 1, 0},
		{"wiki.acme.example", wiki, 1, 0},
		{"notes.example", notes, 1, 1},
		{"brief.example", brief, 1, 0},
		{"app.acme.example", app, 1, 1},
		{"one.example", one, 0, 0},
	} {
		if got := tt.s.probed(); got != tt.probe {
			t.Errorf("%s was asked for %d unknown paths, want %d", tt.host, got, tt.probe)
		}
		if got := homeRequests(w, tt.host); got != tt.home {
			t.Errorf("%s's home page was asked %d times, want %d", tt.host, got, tt.home)
		}
	}
}

// TestSharedTitleWithoutSizes: pages too long to be read to their end,
// served without a length, that share a title with a made-up path's page
// are judged by nothing but that title: they stay ok.
func TestSharedTitleWithoutSizes(t *testing.T) {
	w := fakeweb.New(t)
	long := http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		// Longer than a server buffers: sent without a Content-Length.
		fmt.Fprint(rw, "<!DOCTYPE html>\n<html><head><title>Acme</title></head><body>",
			strings.Repeat("<p>A long page of the Acme reference.</p>", 400), "</body></html>")
	})
	s := &fakeSite{unknown: long, pages: map[string]http.Handler{
		"/":          fakeweb.Page("Acme – Home", "<h1>Acme</h1>"),
		"/ref/one":   long,
		"/ref/two":   long,
		"/ref/three": long,
	}}
	w.Handle("ref.acme.example", s)
	o := testOptions(w)
	o.MaxBodyBytes = 1024
	c := newChecker(t, o)
	results, err := run(t, c, catalogOf(
		entry("one", "https://ref.acme.example/ref/one"),
		entry("two", "https://ref.acme.example/ref/two"),
		entry("three", "https://ref.acme.example/ref/three"),
	))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Status != status.OK || r.Message != "HTTP 200" {
			t.Errorf("check(%s) = %v %q, want ok %q", r.URL, r.Status, r.Message, "HTTP 200")
		}
	}
	if got := s.probed(); got != 1 {
		t.Errorf("ref.acme.example was asked for %d unknown paths, want 1 (its pages share a title)", got)
	}
}
