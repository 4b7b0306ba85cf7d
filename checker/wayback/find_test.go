package wayback

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker/verifier"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

const post = "https://notes.example/posts/tidy-logs"

var (
	live    = func(at time.Time) fakeweb.Capture { return fakeweb.Capture{At: at, Title: "Notes on tidy logs"} }
	soft404 = func(at time.Time) fakeweb.Capture { return fakeweb.Capture{At: at, Title: "404 Not Found"} }
	parked  = func(at time.Time) fakeweb.Capture { return fakeweb.Capture{At: at, Title: "This domain is for sale!"} }
	dead    = func(at time.Time) fakeweb.Capture { return fakeweb.Capture{At: at, Code: 404, Title: "Not Found"} }
)

// lastOK is when the page was last seen alive in the tests below.
var lastOK = day(2024, 3, 1)

// TestFind: the newest capture of the live page up to the last moment it
// was seen alive, never a capture recorded after it died, never a
// capture of a not-found or parking page, within the playback budget.
func TestFind(t *testing.T) {
	tests := []struct {
		name      string
		captures  []fakeweb.Capture
		cdx       http.Handler // a scripted CDX answer
		lastOK    time.Time
		want      time.Time // zero: none
		playbacks int
	}{
		{"newest live capture before the death", []fakeweb.Capture{live(day(2022, 1, 5)), live(day(2023, 6, 1)), soft404(day(2024, 6, 1)), dead(day(2025, 1, 1))}, nil, lastOK, day(2023, 6, 1), 1},
		{"a soft 404 recorded before the last check", []fakeweb.Capture{live(day(2023, 1, 2)), soft404(day(2023, 9, 9))}, nil, lastOK, day(2023, 1, 2), 2},
		{"a parking page recorded before the last check", []fakeweb.Capture{live(day(2021, 3, 3)), parked(day(2023, 12, 1))}, nil, lastOK, day(2021, 3, 3), 2},
		{"only captures of the 404", []fakeweb.Capture{dead(day(2023, 1, 1)), dead(day(2024, 1, 1))}, nil, lastOK, time.Time{}, 0},
		{"no capture", nil, nil, lastOK, time.Time{}, 0},
		{"budget spent on dead captures", []fakeweb.Capture{live(day(2019, 1, 1)), soft404(day(2020, 1, 1)), parked(day(2021, 1, 1)), soft404(day(2022, 1, 1)), soft404(day(2023, 1, 1))}, nil, lastOK, time.Time{}, MaxPlaybacks},
		{"no history: up to now", []fakeweb.Capture{live(day(2023, 1, 1)), live(day(2025, 8, 1))}, nil, time.Time{}, day(2025, 8, 1), 1},
		{"empty list", []fakeweb.Capture{live(day(2023, 1, 1))}, jsonAnswer("[]"), lastOK, time.Time{}, 0},
		{"header row only", []fakeweb.Capture{live(day(2023, 1, 1))}, jsonAnswer(`[["timestamp","original","statuscode"]]`), lastOK, time.Time{}, 0},
		// The CDX server lists a moment the playback has no exact
		// capture for; the nearest one is after the last check, so the
		// next candidate is played.
		{"nearest capture after the last check", []fakeweb.Capture{live(day(2023, 1, 2)), live(day(2024, 4, 1))},
			jsonAnswer(`[["timestamp","original","statuscode"],["20230102083000","` + post + `","200"],["20240228000000","` + post + `","200"]]`),
			lastOK, day(2023, 1, 2), 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newArchive(t)
			a.Add(post, tt.captures...)
			if tt.cdx != nil {
				a.AnswerCDX(post, tt.cdx)
			}
			got, err := a.client(t).Find(context.Background(), post, tt.lastOK)
			switch {
			case tt.want.IsZero() && !errors.Is(err, ErrNoCopy):
				t.Errorf("Find = %v, %v; want ErrNoCopy", got, err)
			case !tt.want.IsZero() && (err != nil || !got.At.Equal(tt.want) || got.Original != post):
				t.Errorf("Find = %v, %v; want the capture of %s", got, err, tt.want)
			}
			if cdx, plays := a.count(); cdx != 1 || plays != tt.playbacks {
				t.Errorf("requests: %d to the CDX server, %d playbacks; want 1 and %d", cdx, plays, tt.playbacks)
			}
		})
	}
}

// TestFindQuery: the CDX query is the one the issue and the CDX server's
// README give, up to the last moment the page was seen alive.
func TestFindQuery(t *testing.T) {
	a := newArchive(t)
	a.Add(post+"?x=1&y=2", live(day(2023, 1, 1)))
	if _, err := a.client(t).Find(context.Background(), post+"?x=1&y=2", lastOK); err != nil {
		t.Fatalf("Find: %v", err)
	}
	want := "url=https%3A%2F%2Fnotes.example%2Fposts%2Ftidy-logs%3Fx%3D1%26y%3D2&output=json&fl=timestamp,original,statuscode&filter=statuscode:200&to=20240301083000&limit=-5"
	if q := a.Queries(); len(q) != 1 || q[0] != want {
		t.Errorf("CDX queries = %q, want [%q]", q, want)
	}
}

// TestFindFailures: an answer of the archive that cannot be used is a
// failed lookup, never "no copy".
func TestFindFailures(t *testing.T) {
	tests := []struct {
		name string
		cdx  http.Handler
		want string
	}{
		{"HTML", fakeweb.Page("Wayback Machine is down for maintenance", ""), "CDX server: answered HTML, not JSON"},
		{"truncated JSON", jsonAnswer(`[["timestamp","original","statuscode"],["2023010208`), "CDX server: unreadable JSON: unexpected end of JSON input"},
		{"not a list of rows", jsonAnswer(`{"error": "bad"}`), "CDX server: unreadable JSON"},
		{"429 with a long Retry-After", fakeweb.WithHeader("Retry-After", "3600", fakeweb.Status(http.StatusTooManyRequests)), "CDX server answered HTTP 429"},
		{"server error", fakeweb.Status(http.StatusBadGateway), "CDX server answered HTTP 502"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newArchive(t)
			a.Add(post, live(day(2023, 1, 1)))
			a.AnswerCDX(post, tt.cdx)
			_, err := a.client(t).Find(context.Background(), post, lastOK)
			var ae *AnswerError
			if !errors.As(err, &ae) || len(err.Error()) < len(tt.want) || err.Error()[:len(tt.want)] != tt.want {
				t.Errorf("Find = %v, want an *AnswerError %q", err, tt.want)
			}
			if _, plays := a.count(); plays != 0 {
				t.Errorf("playbacks = %d after a failed CDX query, want 0", plays)
			}
		})
	}
}

// TestVerify: an archive key's capture is played back, through the
// archive's redirect to the nearest capture.
func TestVerify(t *testing.T) {
	tests := []struct {
		name     string
		captures []fakeweb.Capture
		key      time.Time
		rejected string // "" when it plays back the live page
	}{
		{"plays back", []fakeweb.Capture{live(day(2023, 5, 12))}, day(2023, 5, 12), ""},
		{"nearest capture plays back", []fakeweb.Capture{live(day(2023, 5, 10))}, day(2023, 5, 12), ""},
		{"recorded a soft 404", []fakeweb.Capture{soft404(day(2023, 5, 12))}, day(2023, 5, 12), `the capture recorded soft 404: the page says "404 Not Found"`},
		{"recorded a 404", []fakeweb.Capture{dead(day(2023, 5, 12))}, day(2023, 5, 12), "the capture recorded HTTP 404"},
		{"not in the archive", nil, day(2023, 5, 12), "the archive does not play it back (HTTP 404, ResourceNotInArchiveException)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newArchive(t)
			a.Add(post, tt.captures...)
			err := a.client(t).Verify(context.Background(), catalog.Capture{Original: post, At: tt.key})
			var rej *RejectedError
			switch {
			case tt.rejected == "" && err != nil:
				t.Errorf("Verify = %v, want nil", err)
			case tt.rejected != "" && (!errors.As(err, &rej) || rej.Why != tt.rejected):
				t.Errorf("Verify = %v, want rejected: %s", err, tt.rejected)
			}
			if cdx, _ := a.count(); cdx != 0 {
				t.Errorf("CDX requests = %d, want none for a key's capture", cdx)
			}
		})
	}
}

// TestPlayReportsThePlayedCapture: a redirect to the nearest capture makes
// that capture the one reported.
func TestPlayReportsThePlayedCapture(t *testing.T) {
	a := newArchive(t)
	a.Add(post, live(day(2023, 5, 10)))
	got, err := a.client(t).Play(context.Background(), catalog.Capture{Original: post, At: day(2023, 5, 12)})
	if err != nil || !got.At.Equal(day(2023, 5, 10)) {
		t.Errorf("Play = %v, %v; want the capture of %v", got, err, day(2023, 5, 10))
	}
}

// TestNearest: a playback redirect names the capture it leads to, the
// original whole, and any other redirect is what a capture recorded.
func TestNearest(t *testing.T) {
	from, _ := url.Parse("https://web.archive.org/web/20230512000000id_/https://notes.example/p?a=1")
	tests := []struct {
		location string
		want     catalog.Capture
		ok       bool
	}{
		{"/web/20230510083000id_/https://notes.example/p?a=1", catalog.Capture{Original: "https://notes.example/p?a=1", At: day(2023, 5, 10)}, true},
		{"https://web.archive.org/web/20230510083000/http://notes.example/p", catalog.Capture{Original: "http://notes.example/p", At: day(2023, 5, 10)}, true},
		{"/web/20230510083000id_/https:/notes.example/p", catalog.Capture{Original: "https://notes.example/p", At: day(2023, 5, 10)}, true},
		{"/web/2023/https://notes.example/p", catalog.Capture{}, false},
		{"https://notes.example/elsewhere", catalog.Capture{}, false},
		{"/about", catalog.Capture{}, false},
	}
	for _, tt := range tests {
		r := verifier.Reply{Code: http.StatusFound, Header: http.Header{"Location": {tt.location}}}
		got, ok := nearest(from, r)
		if ok != tt.ok || got.Original != tt.want.Original || !got.At.Equal(tt.want.At) {
			t.Errorf("nearest(%q) = %v, %v; want %v, %v", tt.location, got, ok, tt.want, tt.ok)
		}
	}
}

func jsonAnswer(body string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(body))
	})
}
