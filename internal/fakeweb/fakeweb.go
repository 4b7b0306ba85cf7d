// Package fakeweb serves many hostnames from two local test servers (one
// plain HTTP, one TLS) so that tests and benchmarks can check links to
// "https://example.com/..." without touching the real network.
//
// Clients reach it through Web.DialContext, which stands in for name
// resolution and dialling: every registered host, on any port, is mapped to
// the local servers, and unknown hosts fail like a DNS "no such host". The
// TLS server mints a certificate for each name on demand from a fake CA that
// Web.TLSConfig trusts.
package fakeweb

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// Request is one request the fake web answered, for tests to inspect.
type Request struct {
	Method string
	Host   string
	Path   string
	Code   int
}

// Web is a set of fake hosts. Its methods are safe for concurrent use.
type Web struct {
	plain   *httptest.Server
	secure  *httptest.Server
	ca      *authority
	closing chan struct{}
	once    sync.Once

	mu       sync.Mutex
	handlers map[string]http.Handler
	badTLS   map[string]bool
	log      []Request
	counts   map[string]int
	bytes    map[string]int64
	proxied  []string // the host:port of every request a proxy received
}

// New starts a fake web that is closed when the test ends.
func New(t testing.TB) *Web {
	t.Helper()
	w, closeFn, err := start()
	if err != nil {
		t.Fatalf("fakeweb: %v", err)
	}
	t.Cleanup(closeFn)
	return w
}

// NewServer starts a fake web for callers without a testing.TB (programs
// such as the benchmark driver); call the returned func to close it.
func NewServer() (*Web, func(), error) {
	w, closeFn, err := start()
	if err != nil {
		return nil, nil, fmt.Errorf("fakeweb: %w", err)
	}
	return w, closeFn, nil
}

func start() (*Web, func(), error) {
	if err := CheckLoopback(); err != nil {
		return nil, nil, err
	}
	ca, err := newAuthority()
	if err != nil {
		return nil, nil, err
	}
	w := &Web{
		ca:       ca,
		closing:  make(chan struct{}),
		handlers: make(map[string]http.Handler),
		badTLS:   make(map[string]bool),
		counts:   make(map[string]int),
		bytes:    make(map[string]int64),
	}
	w.plain = httptest.NewServer(http.HandlerFunc(w.serve))
	w.secure = httptest.NewUnstartedServer(http.HandlerFunc(w.serve))
	w.secure.EnableHTTP2 = true
	w.secure.TLS = &tls.Config{GetCertificate: w.certificate}
	// Handshakes that clients reject on purpose (BadTLS) are not news.
	w.secure.Config.ErrorLog = log.New(io.Discard, "", 0)
	w.secure.StartTLS()
	return w, w.close, nil
}

// close unblocks hanging handlers first: httptest.Server.Close waits for
// every outstanding request.
func (w *Web) close() {
	w.once.Do(func() {
		close(w.closing)
		w.plain.CloseClientConnections()
		w.secure.CloseClientConnections()
		w.plain.Close()
		w.secure.Close()
	})
}

// Handle serves host (a name like "example.com", without port) with h, over
// both http and https. A handler wrapped in BadTLS makes the host present a
// certificate no client trusts.
func (w *Web) Handle(host string, h http.Handler) {
	host = strings.ToLower(host)
	w.mu.Lock()
	defer w.mu.Unlock()
	if b, ok := h.(badTLSHandler); ok {
		w.badTLS[host] = true
		h = b.Handler
	}
	w.handlers[host] = h
}

// DialContext connects to the local server standing in for addr's host:
// port 443 reaches the TLS server, any other port the plain one. Unknown
// hosts fail with a *net.DNSError whose IsNotFound is true.
func (w *Web) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, &net.OpError{Op: "dial", Net: network, Err: err}
	}
	host = strings.ToLower(host)
	w.mu.Lock()
	_, known := w.handlers[host]
	w.mu.Unlock()
	if !known {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	target := w.plain.Listener.Addr().String()
	if port == "443" {
		target = w.secure.Listener.Addr().String()
	}
	var d net.Dialer
	return d.DialContext(ctx, network, target)
}

// TLSConfig returns a client configuration that trusts the fake CA.
func (w *Web) TLSConfig() *tls.Config {
	pool := x509.NewCertPool()
	pool.AddCert(w.ca.cert)
	return &tls.Config{RootCAs: pool}
}

// Client returns an *http.Client wired to the fake web, for tests of code
// that takes a client.
func (w *Web) Client() *http.Client {
	return &http.Client{Transport: &http.Transport{
		DialContext:       w.DialContext,
		TLSClientConfig:   w.TLSConfig(),
		ForceAttemptHTTP2: true,
	}}
}

// Requests returns how many requests host has received.
func (w *Web) Requests(host string) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.counts[strings.ToLower(host)]
}

// BytesSent returns how many body bytes host's handlers have written.
func (w *Web) BytesSent(host string) int64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.bytes[strings.ToLower(host)]
}

// Log returns every request received so far, in order of arrival. Code
// is 0 while a request is still being answered.
func (w *Web) Log() []Request {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]Request(nil), w.log...)
}

// CountCode returns how many answers carried code, over all hosts.
func (w *Web) CountCode(code int) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for _, r := range w.log {
		if r.Code == code {
			n++
		}
	}
	return n
}

func (w *Web) serve(rw http.ResponseWriter, r *http.Request) {
	host := strings.ToLower(r.Host)
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	w.mu.Lock()
	h, ok := w.handlers[host]
	w.counts[host]++
	// Logged on arrival, so that requests still streaming are visible;
	// the code is filled in when the handler returns.
	i := len(w.log)
	w.log = append(w.log, Request{Method: r.Method, Host: host, Path: r.URL.Path})
	w.mu.Unlock()
	if !ok {
		http.Error(rw, "unknown host", http.StatusMisdirectedRequest)
		return
	}
	rec := &recorder{ResponseWriter: rw, code: http.StatusOK}
	// Deferred so that handlers which abort (Reset) are logged too.
	defer func() {
		w.mu.Lock()
		w.log[i].Code = rec.code
		w.bytes[host] += rec.n
		w.mu.Unlock()
	}()
	ctx := context.WithValue(r.Context(), closingKey{}, w.closing)
	h.ServeHTTP(rec, r.WithContext(ctx))
}

func (w *Web) certificate(hello *tls.ClientHelloInfo) (*tls.Certificate, error) {
	name := strings.ToLower(hello.ServerName)
	w.mu.Lock()
	bad := w.badTLS[name]
	w.mu.Unlock()
	return w.ca.leaf(name, bad)
}
