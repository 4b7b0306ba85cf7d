package fakeweb

import (
	"crypto/tls"
	"crypto/x509"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// TestProxy reaches the fake web the way a separate process does: through
// the proxy, trusting the CA from its PEM, over https (CONNECT) and http.
func TestProxy(t *testing.T) {
	w := New(t)
	w.Handle("example.com", Page("Example", "<h1>Example</h1>"))
	proxyURL, stop := w.StartProxy()
	defer stop()
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(w.CACertPEM()) {
		t.Fatal("CACertPEM gave no certificate")
	}
	pu, err := url.Parse(proxyURL)
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{Proxy: http.ProxyURL(pu), TLSClientConfig: &tls.Config{RootCAs: pool}}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	for _, u := range []string{"https://example.com/", "http://example.com/"} {
		resp, err := client.Get(u)
		if err != nil {
			t.Fatalf("GET %s through the proxy: %v", u, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "<title>Example</title>") {
			t.Errorf("GET %s = %d %q, want the page", u, resp.StatusCode, body)
		}
	}
	resp, err := client.Get("https://unknown.example/")
	if err == nil {
		resp.Body.Close()
		t.Errorf("GET of an unknown host through the proxy succeeded, want a failure")
	}
	if n := w.Requests("example.com"); n != 2 {
		t.Errorf("example.com got %d requests, want 2", n)
	}
	want := []string{"example.com:443", "example.com", "unknown.example:443"}
	if got := w.Proxied(); !slices.Equal(got, want) {
		t.Errorf("Proxied() = %q, want %q", got, want)
	}
}
