package checker

import (
	"net"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"

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
// proxy off.
func TestTransportDefaults(t *testing.T) {
	fromEnv := reflect.ValueOf(http.ProxyFromEnvironment).Pointer()
	tests := []struct {
		name      string
		opts      Options
		wantProxy bool
	}{
		{"default dialer", Options{}, true},
		{"replacement dialer", Options{DialContext: (&net.Dialer{}).DialContext}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newChecker(t, tt.opts)
			tr := c.transport
			gotProxy := tr.Proxy != nil && reflect.ValueOf(tr.Proxy).Pointer() == fromEnv
			if gotProxy != tt.wantProxy {
				t.Errorf("transport proxy from environment = %v, want %v", gotProxy, tt.wantProxy)
			}
			if tr.TLSClientConfig != nil && tr.TLSClientConfig.RootCAs != nil {
				t.Errorf("transport has its own root CAs, want the system's (SSL_CERT_FILE)")
			}
			if !tr.ForceAttemptHTTP2 || tr.DisableKeepAlives || tr.MaxResponseHeaderBytes != maxHeaderBytes {
				t.Errorf("transport: HTTP/2 %v, keep-alives %v, header cap %d; want true, true, %d",
					tr.ForceAttemptHTTP2, !tr.DisableKeepAlives, tr.MaxResponseHeaderBytes, maxHeaderBytes)
			}
			if c.client.Transport != tr {
				t.Errorf("client does not use the checker's transport")
			}
		})
	}
}

// TestProxyAddrs reads the proxies the private-address guard lets through:
// with a proxy, the proxy resolves and connects.
func TestProxyAddrs(t *testing.T) {
	tests := []struct {
		http, https string
		want        []string
	}{
		{"", "", nil},
		{"http://proxy.internal:3128", "", []string{"proxy.internal:3128"}},
		{"10.0.0.5", "https://secure.proxy", []string{"10.0.0.5:80", "secure.proxy:443"}},
		{"socks5://[fd00::1]", "", []string{"[fd00::1]:1080"}},
		{"http://%zz", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.http+" "+tt.https, func(t *testing.T) {
			for _, k := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "REQUEST_METHOD"} {
				t.Setenv(k, "")
			}
			t.Setenv("HTTP_PROXY", tt.http)
			t.Setenv("HTTPS_PROXY", tt.https)
			got := proxyAddrs()
			if len(got) != len(tt.want) {
				t.Errorf("proxyAddrs() = %v, want %v", got, tt.want)
			}
			for _, a := range tt.want {
				if !got[a] {
					t.Errorf("proxyAddrs() = %v, want it to hold %s", got, a)
				}
			}
		})
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
