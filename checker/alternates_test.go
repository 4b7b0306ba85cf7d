package checker

import (
	"net/http"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

// TestAlternatesExcuseOnlyTheMove: landing on one of the entry's
// alternates makes a move ok, but whatever the page there is (a soft 404,
// an error, a catch-all page, a refusal) is judged as usual.
func TestAlternatesExcuseOnlyTheMove(t *testing.T) {
	w := fakeweb.New(t)
	alt := http.NewServeMux()
	alt.Handle("/fine", fakeweb.Page("Post", "<h1>Post</h1>"))
	alt.Handle("/soft", fakeweb.SoftNotFound())
	alt.Handle("/gone", fakeweb.Status(404))
	alt.Handle("/boom", fakeweb.Status(500))
	alt.Handle("/wall", fakeweb.Challenge())
	alt.Handle("/", fakeweb.Page("Home", ""))
	w.Handle("new.example", alt)
	old := http.NewServeMux()
	for _, p := range []string{"fine", "soft", "gone", "boom", "wall"} {
		old.Handle("/perm/"+p, fakeweb.Redirect(301, "https://new.example/"+p))
		old.Handle("/temp/"+p, fakeweb.Redirect(302, "https://new.example/"+p))
	}
	old.Handle("/posts/retired", fakeweb.Redirect(301, "https://new.example/"))
	w.Handle("old.example", old)
	c := newChecker(t, testOptions(w))

	tests := []struct {
		url, alt string
		want     status.Status
		msg      string
	}{
		{"https://old.example/perm/fine", "https://new.example/fine", status.OK, "redirected to alternate https://new.example/fine"},
		{"https://old.example/temp/fine", "https://new.example/fine#x", status.OK, "redirected to alternate https://new.example/fine#x"},
		{"https://old.example/perm/soft", "https://new.example/soft", status.Broken, "soft 404"},
		{"https://old.example/temp/soft", "https://new.example/soft", status.Broken, "soft 404"},
		{"https://old.example/perm/gone", "https://new.example/gone", status.Broken, "HTTP 404"},
		{"https://old.example/perm/boom", "https://new.example/boom", status.Error, "HTTP 500"},
		{"https://old.example/perm/wall", "https://new.example/wall", status.Blocked, "bot challenge"},
		{"https://old.example/posts/retired", "https://new.example/", status.Broken, "home page"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			e := entry("e", tt.url)
			e.Alternates = []string{tt.alt}
			results, err := run(t, c, catalogOf(e))
			if err != nil || len(results) != 1 {
				t.Fatalf("check(%s) = %d results, %v; want 1, nil", tt.url, len(results), err)
			}
			r := results[0]
			if r.Status != tt.want || !strings.Contains(r.Message, tt.msg) {
				t.Errorf("check(%s) with alternate %s = %v (%s), want %v (%s)", tt.url, tt.alt, r.Status, r.Message, tt.want, tt.msg)
			}
		})
	}
}
