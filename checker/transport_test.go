package checker

import (
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/ai-reading-list/linkcheck/checker/netguard"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

// TestRequestHeaders: every request names linkcheck and asks for pages in
// English, and https goes over HTTP/2 on the shared transport.
func TestRequestHeaders(t *testing.T) {
	w := fakeweb.New(t)
	var (
		mu  sync.Mutex
		got []string
	)
	w.Handle("example.com", http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, strings.Join([]string{r.Proto, r.Header.Get("User-Agent"), r.Header.Get("Accept"), r.Header.Get("Accept-Language")}, "|"))
		mu.Unlock()
		fakeweb.Page("Hi", "").ServeHTTP(rw, r)
	}))
	o := testOptions(w)
	o.UserAgent = "" // the default
	checkOne(t, newChecker(t, o), "https://example.com/")
	mu.Lock()
	defer mu.Unlock()
	want := "HTTP/2.0|linkcheck/dev (+https://github.com/ai-reading-list/linkcheck)|" +
		"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8|en"
	if len(got) != 1 || got[0] != want {
		t.Errorf("requests = %q, want one %q", got, want)
	}
}

// TestTransportDefaults: the transport is Go's default one, adjusted, so
// that HTTP_PROXY, HTTPS_PROXY, NO_PROXY and SSL_CERT_FILE keep working;
// only a replacement dialer (which routes connections itself) turns the
// proxy off. With a proxy, requests go through the proxy guard unless
// private addresses are allowed.
func TestTransportDefaults(t *testing.T) {
	clearProxyEnv(t)
	t.Setenv("HTTPS_PROXY", "http://127.0.0.1:9")
	t.Setenv("NO_PROXY", "direct.example")
	tests := []struct {
		name      string
		opts      Options
		wantProxy bool
		wantGuard bool
	}{
		{"default dialer", Options{}, true, true},
		{"default dialer, private allowed", Options{AllowPrivate: true}, true, false},
		{"replacement dialer", Options{DialContext: (&net.Dialer{}).DialContext}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newChecker(t, tt.opts)
			tr := c.transport
			if got := proxyOf(t, tr, "https://example.com/"); got != map[bool]string{true: "http://127.0.0.1:9"}[tt.wantProxy] {
				t.Errorf("proxy for https://example.com/ = %q, want one: %v", got, tt.wantProxy)
			}
			if got := proxyOf(t, tr, "https://direct.example/"); got != "" {
				t.Errorf("proxy for a NO_PROXY host = %q, want none", got)
			}
			if tr.TLSClientConfig != nil && tr.TLSClientConfig.RootCAs != nil {
				t.Errorf("transport has its own root CAs, want the system's (SSL_CERT_FILE)")
			}
			if !tr.ForceAttemptHTTP2 || tr.DisableKeepAlives || tr.MaxResponseHeaderBytes != maxHeaderBytes {
				t.Errorf("transport: HTTP/2 %v, keep-alives %v, header cap %d; want true, true, %d",
					tr.ForceAttemptHTTP2, !tr.DisableKeepAlives, tr.MaxResponseHeaderBytes, maxHeaderBytes)
			}
			_, guard := c.client.Transport.(*netguard.Guard)
			if guard != tt.wantGuard || (!guard && c.client.Transport != tr) {
				t.Errorf("client transport %T, want the proxy guard: %v, else the checker's transport", c.client.Transport, tt.wantGuard)
			}
		})
	}
}

// proxyOf returns the proxy tr sends raw through, "" for none.
func proxyOf(t *testing.T, tr *http.Transport, raw string) string {
	t.Helper()
	if tr.Proxy == nil {
		return ""
	}
	req, err := http.NewRequest(http.MethodGet, raw, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := tr.Proxy(req)
	if err != nil || p == nil {
		return ""
	}
	return p.String()
}

// clearProxyEnv empties every proxy variable for the test.
func clearProxyEnv(t *testing.T) {
	t.Helper()
	for _, k := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy", "REQUEST_METHOD"} {
		t.Setenv(k, "")
	}
}

// TestResponseHeadersBounded: a server that sends endless headers gets an
// error, not the checker's memory.
func TestResponseHeadersBounded(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("headers.example", http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		big := strings.Repeat("x", 8<<10)
		for i := range maxHeaderBytes / len(big) * 2 {
			rw.Header().Add("X-Filler", big+string(rune('a'+i%26)))
		}
		rw.WriteHeader(http.StatusOK)
	}))
	c := newChecker(t, testOptions(w))
	for _, u := range []string{"http://headers.example/", "https://headers.example/"} {
		r := checkOne(t, c, u)
		if r.Status != status.Error || r.Code != 0 {
			t.Errorf("check(%s) with %d KiB of headers = %v, HTTP %d (%s); want an error", u, 2*maxHeaderBytes>>10, r.Status, r.Code, r.Message)
		}
	}
}
