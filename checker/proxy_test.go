package checker

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

// proxyWeb is a fake web reached only through its proxy, named in
// HTTP_PROXY and HTTPS_PROXY as on a CI runner, with a resolver that gives
// the test's names their addresses. Nothing but loopback is ever dialled:
// with a proxy the checker dials the proxy alone.
func proxyWeb(t *testing.T) (*fakeweb.Web, Options, string) {
	t.Helper()
	w := fakeweb.New(t)
	proxyURL, stop := w.StartProxy()
	t.Cleanup(stop)
	clearProxyEnv(t)
	t.Setenv("HTTP_PROXY", proxyURL)
	t.Setenv("HTTPS_PROXY", proxyURL)
	o := Options{
		HostRate:       1000,
		HostBurst:      100,
		RequestTimeout: 2 * time.Second,
		Retries:        NoRetries,
		TLSConfig:      w.TLSConfig(),
		Arxiv:          &fakeVerifier{},
		Resolver: fakeweb.Resolver(map[string][]string{
			"public.example":   {"93.184.215.14"},
			"lapsed.example":   {"10.0.0.7"},
			"loopback.example": {"127.0.0.1", "::1"},
			"dual.example":     {"93.184.215.14", "10.0.0.8"},
			"meta.example":     {"93.184.215.14"},
			"admin.example":    {"93.184.215.14"},
			"self.example":     {"93.184.215.14"},
			"internal.example": {"93.184.215.14"},
		}),
	}
	u, err := url.Parse(proxyURL)
	if err != nil {
		t.Fatal(err)
	}
	return w, o, u.Host
}

// TestProxyGuard: with a proxy in the environment, a request is judged by
// its own host before the proxy sees it, and the proxy's address is exempt
// only for the connections that carry requests to the proxy.
func TestProxyGuard(t *testing.T) {
	w, o, proxyHost := proxyWeb(t)
	page := fakeweb.Page("A page", "<h1>A page</h1>")
	for _, h := range []string{"public.example", "unresolved.example", "lapsed.example", "loopback.example", "dual.example"} {
		w.Handle(h, page)
	}
	w.Handle("meta.example", fakeweb.Redirect(302, "http://169.254.169.254/latest/meta-data/"))
	w.Handle("admin.example", fakeweb.Redirect(302, "http://10.1.2.3/admin"))
	w.Handle("self.example", fakeweb.Redirect(302, "http://"+proxyHost+"/"))
	w.Handle("internal.example", fakeweb.Redirect(302, "http://metadata.google.internal/computeMetadata/v1/"))
	c := newChecker(t, o)
	tests := []struct {
		url     string
		want    status.Status
		message string
	}{
		{"https://public.example/", status.OK, "HTTP 200"},
		// A name this machine cannot resolve is left to the proxy.
		{"https://unresolved.example/", status.OK, "HTTP 200"},
		{"https://lapsed.example/", status.Broken, "lapsed.example resolves only to private addresses (10.0.0.7)"},
		{"https://loopback.example/", status.Broken, "loopback.example resolves only to private addresses"},
		{"https://dual.example/", status.Error, "dual.example resolves to private address 10.0.0.8 as well as public ones"},
		{"https://meta.example/", status.Broken, "redirected to a private address: refusing to connect to private address 169.254.169.254"},
		{"https://admin.example/", status.Broken, "redirected to a private address: refusing to connect to private address 10.1.2.3"},
		// The proxy's own address, asked for directly, is judged like any.
		{"https://self.example/", status.Broken, "redirected to a private address: refusing to connect to private address 127.0.0.1"},
		{"https://internal.example/", status.Broken, "metadata.google.internal, a host name of private use"},
		{"http://169.254.169.254/latest/meta-data/", status.Skipped, "refusing to connect to private address 169.254.169.254"},
		{"http://10.1.2.3/admin", status.Skipped, "refusing to connect to private address 10.1.2.3"},
		{"http://" + proxyHost + "/", status.Skipped, "refusing to connect to private address 127.0.0.1"},
	}
	for _, tt := range tests {
		r := checkOne(t, c, tt.url)
		if r.Status != tt.want || !strings.Contains(r.Message, tt.message) {
			t.Errorf("check(%s) through a proxy = %v (%s), want %v: %s", tt.url, r.Status, r.Message, tt.want, tt.message)
		}
	}
	got := w.Proxied()
	for _, want := range []string{"public.example:443", "unresolved.example:443", "meta.example:443", "self.example:443"} {
		if !slices.Contains(got, want) {
			t.Errorf("the proxy received %q, want %s among them", got, want)
		}
	}
	for _, h := range got {
		name := strings.TrimSuffix(strings.TrimSuffix(h, ":443"), ":80")
		if name == proxyHost || slices.Contains([]string{"169.254.169.254", "10.1.2.3", "lapsed.example", "loopback.example", "dual.example", "metadata.google.internal", "127.0.0.1"}, name) {
			t.Errorf("the proxy received a request for %s, want none", h)
		}
	}
}

// TestProxyGuardAllowPrivate: --allow-private lifts the guard through a
// proxy too, without asking the resolver.
func TestProxyGuardAllowPrivate(t *testing.T) {
	w, o, _ := proxyWeb(t)
	w.Handle("lapsed.example", fakeweb.Page("Intranet", ""))
	o.AllowPrivate = true
	c := newChecker(t, o)
	if r := checkOne(t, c, "https://lapsed.example/"); r.Status != status.OK {
		t.Errorf("check(lapsed.example) with AllowPrivate = %v (%s), want ok", r.Status, r.Message)
	}
	if got := w.Proxied(); !slices.Equal(got, []string{"lapsed.example:443"}) {
		t.Errorf("the proxy received %q, want lapsed.example:443", got)
	}
}
