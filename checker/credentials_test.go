package checker

import (
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

// TestCredentialsStayWithTheirHost: a host-scoped header and the userinfo
// of a catalog URL reach their own host only, exactly, and never follow a
// redirect to another host.
func TestCredentialsStayWithTheirHost(t *testing.T) {
	w := fakeweb.New(t)
	var (
		mu   sync.Mutex
		seen = map[string][]string{} // host -> Authorization of each request
	)
	record := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			mu.Lock()
			host, _, _ := strings.Cut(r.Host, ":")
			seen[host] = append(seen[host], r.Header.Get("Authorization"))
			mu.Unlock()
			h.ServeHTTP(rw, r)
		})
	}
	w.Handle("api.example", record(fakeweb.Redirect(302, "https://cdn.example/x")))
	w.Handle("sub.api.example", record(fakeweb.Page("Sub", "")))
	w.Handle("cdn.example", record(fakeweb.Page("CDN", "")))
	mux := http.NewServeMux()
	mux.Handle("/same", fakeweb.Redirect(302, "/landing"))
	mux.Handle("/away", fakeweb.Redirect(302, "https://cdn.example/y"))
	mux.Handle("/landing", fakeweb.Page("Landing", ""))
	w.Handle("private.example", record(mux))
	o := testOptions(w)
	o.Headers = []Header{{Host: "api.example", Name: "Authorization", Value: "token s3cret"}}
	c := newChecker(t, o)

	const basic = "Basic dXNlcjpwdw==" // user:pw
	tests := []struct {
		url  string
		want map[string]string // host -> the Authorization values it saw
	}{
		{"https://api.example/doc", map[string]string{"api.example": "token s3cret", "cdn.example": ""}},
		{"https://sub.api.example/doc", map[string]string{"sub.api.example": ""}},
		{"http://api.example/plain", map[string]string{"api.example": "", "cdn.example": ""}},
		{"https://user:pw@private.example/same", map[string]string{"private.example": basic + "," + basic}},
		{"https://user:pw@private.example/away", map[string]string{"private.example": basic, "cdn.example": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			mu.Lock()
			clear(seen)
			mu.Unlock()
			checkOne(t, c, tt.url)
			mu.Lock()
			defer mu.Unlock()
			if len(seen) != len(tt.want) {
				t.Errorf("check(%s) reached %v, want %v", tt.url, seen, tt.want)
			}
			for host, want := range tt.want {
				if got := strings.Join(seen[host], ","); got != want {
					t.Errorf("check(%s): %s saw Authorization %q, want %q", tt.url, host, got, want)
				}
			}
		})
	}
}
