package webpage

import (
	"net/url"
	"testing"
)

func TestPeerSuspects(t *testing.T) {
	page := func(raw, title string, size int64) *HostPage {
		return &HostPage{shape: shapeOf(t, raw, title, size)}
	}
	tests := []struct {
		name    string
		pages   []*HostPage
		suspect []bool
	}{
		{"distinct titles", []*HostPage{
			page("https://a.example/x", "X – A", 100), page("https://a.example/y", "Y – A", 100),
		}, []bool{false, false}},
		{"one title on two pages", []*HostPage{
			page("https://a.example/x", "Welcome – A", 100), page("https://a.example/y", "welcome  –  a", 100), page("https://a.example/z", "Z – A", 100),
		}, []bool{true, true, false}},
		{"one title on two hosts", []*HostPage{
			page("https://a.example/x", "Welcome", 100), page("https://b.example/y", "Welcome", 100),
		}, []bool{false, false}},
		{"one page by two schemes", []*HostPage{
			page("https://a.example/x", "Welcome", 100), page("http://a.example/x/", "Welcome", 100),
		}, []bool{false, false}},
		{"the home page's title", []*HostPage{
			page("https://a.example/", "A", 100), page("https://a.example/x", "A", 100),
		}, []bool{false, false}},
		{"no title", []*HostPage{
			page("https://a.example/x", "", 100), page("https://a.example/y", "", 100),
		}, []bool{false, false}},
		{"a short body among three", []*HostPage{
			page("https://a.example/x", "X", 4000), page("https://a.example/y", "Y", 5000), page("https://a.example/z", "Z", 6000), page("https://a.example/s", "S", 999),
		}, []bool{false, false, false, true}},
		{"a quarter of the median is not much shorter", []*HostPage{
			page("https://a.example/x", "X", 4000), page("https://a.example/y", "Y", 5000), page("https://a.example/z", "Z", 6000), page("https://a.example/s", "S", 1250),
		}, []bool{false, false, false, false}},
		{"a short body among two", []*HostPage{
			page("https://a.example/x", "X", 4000), page("https://a.example/y", "Y", 5000), page("https://a.example/s", "S", 100),
		}, []bool{false, false, false}},
		{"unknown sizes", []*HostPage{
			page("https://a.example/x", "X", 4000), page("https://a.example/y", "Y", 5000), page("https://a.example/z", "Z", -1), page("https://a.example/s", "S", 100),
		}, []bool{false, false, false, false}},
	}
	for _, tt := range tests {
		got := peerSuspects(tt.pages)
		for i, pg := range tt.pages {
			if got[pg] != tt.suspect[i] {
				t.Errorf("%s: peerSuspects says %s (%q, %d bytes) is suspicious: %v, want %v",
					tt.name, pg.shape.u, pg.shape.title, pg.shape.size, got[pg], tt.suspect[i])
			}
		}
	}
	decided := page("https://a.example/y", "Welcome", 100)
	decided.decided = true
	other := page("https://a.example/x", "Welcome", 100)
	if got := peerSuspects([]*HostPage{other, decided}); got[decided] || !got[other] {
		t.Errorf("peerSuspects = %v, want only the page not yet decided", got)
	}
}

func shapeOf(t *testing.T, raw, title string, size int64) pageShape {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return pageShape{u: u, title: title, size: size}
}
