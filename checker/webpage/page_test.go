package webpage

import (
	"io"
	"strings"
	"testing"
)

func TestScanPage(t *testing.T) {
	tests := []struct {
		name, html, ct string
		want           pageInfo
	}{
		{"title and h1", "<html><head><title> Hello\n World </title></head><body><h1>Big <b>news</b></h1><h1>second</h1>", "text/html",
			pageInfo{Title: "Hello World", H1: "Big news"}},
		{"entities", "<title>A &amp; B</title>", "text/html", pageInfo{Title: "A & B"}},
		{"meta refresh", `<head><meta http-equiv="Refresh" content="0; URL='/next'"></head>`, "text/html", pageInfo{Refresh: "/next"}},
		{"slow refresh ignored", `<meta http-equiv="refresh" content="300; url=/next">`, "text/html", pageInfo{}},
		{"refresh without url", `<meta http-equiv="refresh" content="30">`, "text/html", pageInfo{}},
		{"challenge script", `<title>Just a moment...</title><script src="/cdn-cgi/challenge-platform/x"></script>`, "text/html",
			pageInfo{Title: "Just a moment...", Challenge: true}},
		{"latin1", "<title>caf\xe9</title>", "text/html; charset=iso-8859-1", pageInfo{Title: "café"}},
		{"title in body ignored after first", "<title>one</title><svg><title>two</title></svg>", "text/html", pageInfo{Title: "one"}},
		{"not html", "just text", "text/html", pageInfo{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scanPage(strings.NewReader(tt.html), tt.ct); got != tt.want {
				t.Errorf("scanPage(%q) = %+v, want %+v", tt.html, got, tt.want)
			}
		})
	}
}

// countingReader counts how much of a page the scanner read.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func TestScanPageStopsAfterH1(t *testing.T) {
	page := "<title>t</title><h1>head</h1>" + strings.Repeat("<p>filler</p>", 1<<16)
	cr := &countingReader{r: strings.NewReader(page)}
	p := scanPage(cr, "text/html")
	if p.H1 != "head" || cr.n > 64<<10 {
		t.Errorf("scanPage read %d bytes of %d and found h1 %q; want h1 \"head\" within 64 KiB", cr.n, len(page), p.H1)
	}
}

func TestParseRefresh(t *testing.T) {
	tests := []struct {
		in    string
		delay int
		url   string
		ok    bool
	}{
		{"0; url=https://example.com/", 0, "https://example.com/", true},
		{"0;URL=/a", 0, "/a", true},
		{"5", 5, "", true},
		{"1.5; url=/b", 1, "/b", true},
		{`0; url="/c d"`, 0, "/c d", true},
		{"0, url=/e", 0, "/e", true},
		{"3; /f", 3, "/f", true},
		{"url=/x", 0, "", false},
		{"", 0, "", false},
		{"0 url=/x", 0, "", false},
	}
	for _, tt := range tests {
		delay, url, ok := parseRefresh(tt.in)
		if delay != tt.delay || url != tt.url || ok != tt.ok {
			t.Errorf("parseRefresh(%q) = %d, %q, %v; want %d, %q, %v", tt.in, delay, url, ok, tt.delay, tt.url, tt.ok)
		}
	}
}

func TestNotFoundPhrase(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Page Not Found", true},
		{"404 - Example", true},
		{"Error 404", true},
		{"This page does not exist", true},
		{"Attention Is All You Need", false},
		{"RFC 1404", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := notFoundPhrase(tt.in); got != tt.want {
			t.Errorf("notFoundPhrase(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzParseRefresh(f *testing.F) {
	for _, s := range []string{"0; url=/a", "5", "1.5;URL='x'", "", ";;", "0; url=\"", "9999999999999999999; url=/x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		delay, url, ok := parseRefresh(s)
		if !ok && (delay != 0 || url != "") {
			t.Errorf("parseRefresh(%q) = %d, %q, false: want zero values when not ok", s, delay, url)
		}
		if delay < 0 {
			t.Errorf("parseRefresh(%q) delay = %d, want >= 0", s, delay)
		}
		if url != strings.TrimSpace(url) {
			t.Errorf("parseRefresh(%q) url = %q, want it trimmed", s, url)
		}
	})
}

func FuzzScanPage(f *testing.F) {
	for _, s := range []string{"<title>x</title>", "<h1>a<h1>b", "<meta http-equiv=refresh content='0;url=/x'>", "<title>", "\xff\xfe<"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := scanPage(strings.NewReader(s), "text/html")
		if p.Title != strings.Join(strings.Fields(p.Title), " ") {
			t.Errorf("scanPage(%q).Title = %q, want whitespace squashed", s, p.Title)
		}
		if len(p.Title) > 4*len(s)+8 {
			t.Errorf("scanPage(%q).Title is %d bytes, longer than the page allows", s, len(p.Title))
		}
	})
}
