package fakeweb

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestWayback: the fake archive's CDX server and playback answer as the
// real ones do.
func TestWayback(t *testing.T) {
	w := New(t)
	wb := NewWayback()
	const page = "https://notes.example/p?a=1"
	at := func(m time.Month) time.Time { return time.Date(2023, m, 1, 8, 0, 0, 0, time.UTC) }
	wb.Add(page, Capture{At: at(1), Title: "Notes"}, Capture{At: at(3), Title: "Notes"},
		Capture{At: at(5), Code: 404, Title: "Not Found"}, Capture{At: at(7), Title: "Notes"})
	w.Handle(WaybackHost, wb)
	c := w.Client()
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	tests := []struct {
		name     string
		path     string
		code     int
		body     string // a part of the body
		header   string // a header that must be set
		location string
	}{
		{"CDX: newest 200s up to a moment", "/cdx/search/cdx?url=https%3A%2F%2Fnotes.example%2Fp%3Fa%3D1&output=json&fl=timestamp,original,statuscode&filter=statuscode:200&to=20230601000000&limit=-1",
			200, `[["timestamp","original","statuscode"],["20230301080000","https://notes.example/p?a=1","200"]]`, "", ""},
		{"CDX: none", "/cdx/search/cdx?url=https%3A%2F%2Fother.example%2F&output=json&filter=statuscode:200", 200, "[]", "", ""},
		{"playback of a capture", "/web/20230301080000id_/" + page, 200, "<title>Notes</title>", "Memento-Datetime", ""},
		{"playback of a recorded 404", "/web/20230501080000id_/" + page, 404, "Not Found", "Memento-Datetime", ""},
		{"nearest capture", "/web/20230302000000id_/" + page, 302, "", "", "/web/20230301080000id_/" + page},
		{"never archived", "/web/20230302000000id_/https://other.example/", 404, "", "X-Archive-Wayback-Runtime-Error", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := get(t, c, http.MethodGet, "https://"+WaybackHost+tt.path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.code || !strings.Contains(string(b), tt.body) ||
				(tt.header != "" && resp.Header.Get(tt.header) == "") || resp.Header.Get("Location") != tt.location {
				t.Errorf("GET %s = %d %q (Location %q, headers %v); want %d with %q, header %s, Location %q",
					tt.path, resp.StatusCode, b, resp.Header.Get("Location"), resp.Header, tt.code, tt.body, tt.header, tt.location)
			}
		})
	}
	wb.Throttle(1, "7")
	resp, err := get(t, c, http.MethodGet, "https://"+WaybackHost+"/web/20230301080000id_/"+page)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") != "7" {
		t.Errorf("throttled playback = %d, Retry-After %q; want 429, 7", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
}
