package checker

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

// TestPrivateGuard shows the guard refusing the fake web's loopback address
// when AllowPrivate is off: a link naming a private address is skipped
// without a request; a public name that leads there is broken, since no
// reader can open it.
func TestPrivateGuard(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("example.com", fakeweb.Page("Hi", ""))
	o := testOptions(w)
	o.AllowPrivate = false
	c := newChecker(t, o)
	tests := []struct {
		url     string
		want    status.Status
		message string
	}{
		{"https://example.com/", status.Broken, "example.com resolves only to private addresses (127.0.0.1)"},
		{"http://127.0.0.1/", status.Skipped, "refusing to connect to private address 127.0.0.1"},
		{"http://[::1]:8080/", status.Skipped, "refusing to connect to private address ::1"},
		{"http://169.254.169.254/latest", status.Skipped, "refusing to connect to private address 169.254.169.254"},
		{"http://localhost:8080/", status.Skipped, "localhost, a host name of private use"},
		{"http://metadata.google.internal/", status.Skipped, "metadata.google.internal, a host name of private use"},
		{"http://wiki/start", status.Skipped, "wiki, a host name of private use"},
	}
	for _, tt := range tests {
		r := checkOne(t, c, tt.url)
		if r.Status != tt.want || !strings.Contains(r.Message, tt.message) || !strings.Contains(r.Message, "--allow-private") {
			t.Errorf("check(%s) without AllowPrivate = %v (%s), want %v: %s ... --allow-private", tt.url, r.Status, r.Message, tt.want, tt.message)
		}
		if r.PrivateAddress != (tt.want == status.Skipped) {
			t.Errorf("check(%s): PrivateAddress = %v, want %v", tt.url, r.PrivateAddress, tt.want == status.Skipped)
		}
	}
	if n := w.Requests("example.com"); n != 0 {
		t.Errorf("example.com got %d requests through the guard, want 0", n)
	}
}

// publicConn makes a loopback connection look like one to a public
// address, to test what the guard does after the first hop.
type publicConn struct{ net.Conn }

func (publicConn) RemoteAddr() net.Addr {
	return &net.TCPAddr{IP: net.ParseIP("93.184.215.14"), Port: 443}
}

func TestPrivateGuardOnRedirectAndDNS(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("public.example", fakeweb.Redirect(302, "http://10.0.0.1/admin"))
	w.Handle("rebind.example", fakeweb.Redirect(302, "https://intranet.example/"))
	w.Handle("intranet.example", fakeweb.Page("Intranet", ""))
	o := testOptions(w)
	o.AllowPrivate = false
	o.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := w.DialContext(ctx, network, addr)
		if err != nil || strings.HasPrefix(addr, "intranet.example:") {
			return conn, err // intranet.example "resolves" to loopback
		}
		return publicConn{conn}, nil
	}
	c := newChecker(t, o)
	// A public link that leads to a private address is dead for its
	// readers: broken, not skipped.
	tests := []struct{ url, message string }{
		{"https://public.example/x", "redirected to a private address: refusing to connect to private address 10.0.0.1"},
		{"https://rebind.example/x", "redirected to a private address: intranet.example resolves only to private addresses (127.0.0.1)"},
	}
	for _, tt := range tests {
		r := checkOne(t, c, tt.url)
		if r.Status != status.Broken || !strings.Contains(r.Message, tt.message) || len(r.Redirects) != 1 {
			t.Errorf("check(%s) = %v (%s) after %d hops, want broken: %s after 1 hop", tt.url, r.Status, r.Message, len(r.Redirects), tt.message)
		}
	}
	if n := w.Requests("intranet.example"); n != 0 {
		t.Errorf("intranet.example got %d requests, want 0", n)
	}
}

// TestGuardOnRealDialer: without a replacement dialer the guard runs on the
// address the resolver chose, so a literal IP, a name of private use and a
// public name that resolves to loopback are all refused before any
// connection: the first two skipped (the catalog names an intranet host),
// the last broken (no reader can open it).
func TestGuardOnRealDialer(t *testing.T) {
	clearProxyEnv(t)
	var mu sync.Mutex
	hits := 0
	srv := newLocalServer(t, http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits++
		mu.Unlock()
		fakeweb.Page("Local", "").ServeHTTP(rw, r)
	}))
	_, port, _ := net.SplitHostPort(srv)
	resolver := fakeweb.Resolver(map[string][]string{"lapsed.example": {"127.0.0.1"}})
	tests := []struct {
		url   string
		allow bool
		want  status.Status
	}{
		{"http://" + srv + "/", false, status.Skipped},
		{"http://localhost:" + port + "/", false, status.Skipped},
		{"http://0.0.0.0:" + port + "/", false, status.Skipped},
		{"http://[::1]:" + port + "/", false, status.Skipped},
		{"http://lapsed.example:" + port + "/", false, status.Broken},
		{"http://" + srv + "/", true, status.OK},
		{"http://localhost:" + port + "/", true, status.OK},
		{"http://lapsed.example:" + port + "/", true, status.OK},
	}
	for _, tt := range tests {
		mu.Lock()
		hits = 0
		mu.Unlock()
		o := Options{AllowPrivate: tt.allow, RequestTimeout: 2 * time.Second, Retries: -1, HostRate: 1000, Resolver: resolver, Arxiv: &fakeVerifier{}}
		r := checkOne(t, newChecker(t, o), tt.url)
		if r.Status != tt.want {
			t.Errorf("check(%s) with AllowPrivate %v = %v (%s), want %v", tt.url, tt.allow, r.Status, r.Message, tt.want)
		}
		if tt.want == status.Broken && !strings.Contains(r.Message, "lapsed.example resolves only to private addresses (127.0.0.1)") {
			t.Errorf("check(%s) = %v (%s), want it to say the name resolves only to private addresses", tt.url, r.Status, r.Message)
		}
		mu.Lock()
		if !tt.allow && hits != 0 {
			t.Errorf("check(%s): the local server got %d requests through the guard, want 0", tt.url, hits)
		}
		mu.Unlock()
	}
}

// newLocalServer serves h on a loopback port and returns its host:port.
func newLocalServer(t *testing.T, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	t.Cleanup(func() {
		_ = srv.Shutdown(context.Background())
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("local server: %v", err)
		}
	})
	return ln.Addr().String()
}
