package fakeweb

import (
	"encoding/pem"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
)

// CACertPEM returns the fake CA's certificate in PEM form, for a separate
// process to trust the fake web through SSL_CERT_FILE.
func (w *Web) CACertPEM() []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: w.ca.cert.Raw})
}

// StartProxy starts an HTTP proxy on loopback that reaches the fake web:
// CONNECT tunnels (for https) and absolute-form requests (for http) go to
// the host's stand-in server, and unknown hosts fail. A separate process
// (the real linkcheck binary) reaches the whole fake web through it with
// HTTPS_PROXY and HTTP_PROXY, unmodified. Call the returned func to stop it.
func (w *Web) StartProxy() (url string, stop func()) {
	// Every tunnel is counted under mu, and none after the proxy stopped:
	// the race detector sees no order between a handler's Add and stop's
	// Wait through the network, only through mu.
	var (
		mu      sync.Mutex
		stopped bool
		tunnels sync.WaitGroup
	)
	done := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		w.mu.Lock()
		w.proxied = append(w.proxied, r.Host)
		w.mu.Unlock()
		if r.Method != http.MethodConnect {
			w.proxyPlain(rw, r)
			return
		}
		upstream, err := w.DialContext(r.Context(), "tcp", r.Host)
		if err != nil {
			http.Error(rw, err.Error(), http.StatusBadGateway)
			return
		}
		rw.WriteHeader(http.StatusOK)
		client, buf, err := http.NewResponseController(rw).Hijack()
		if err != nil {
			_ = upstream.Close()
			return
		}
		mu.Lock()
		if stopped {
			mu.Unlock()
			_ = client.Close()
			_ = upstream.Close()
			return
		}
		tunnels.Add(1)
		mu.Unlock()
		defer tunnels.Done()
		// Bytes the client sent after CONNECT are already buffered.
		if n := buf.Reader.Buffered(); n > 0 {
			b, _ := buf.Reader.Peek(n)
			if _, err := upstream.Write(b); err != nil {
				_ = client.Close()
				_ = upstream.Close()
				return
			}
		}
		pipe(client, upstream, done)
	}))
	return srv.URL, func() {
		mu.Lock()
		stopped = true
		mu.Unlock()
		close(done)
		srv.CloseClientConnections()
		srv.Close()
		tunnels.Wait()
	}
}

// Proxied returns the host:port of every request the web's proxies
// received, in order: the target of a CONNECT or of an absolute-form
// request, the proxy's own address for a request sent to it directly.
func (w *Web) Proxied() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.proxied...)
}

// pipe copies both ways until either side closes or the proxy stops, then
// closes both, so a reset upstream reaches the client as a closed tunnel.
func pipe(a, b net.Conn, done <-chan struct{}) {
	finished := make(chan struct{}, 2)
	copyHalf := func(dst, src net.Conn) {
		_, _ = io.Copy(dst, src)
		finished <- struct{}{}
	}
	go copyHalf(a, b)
	go copyHalf(b, a)
	select {
	case <-finished:
	case <-done:
	}
	_ = a.Close()
	_ = b.Close()
	<-finished
}

// proxyPlain forwards an absolute-form http request.
func (w *Web) proxyPlain(rw http.ResponseWriter, r *http.Request) {
	tr := &http.Transport{DialContext: w.DialContext, DisableKeepAlives: true}
	defer tr.CloseIdleConnections()
	out := r.Clone(r.Context())
	out.RequestURI = ""
	resp, err := tr.RoundTrip(out)
	if err != nil {
		http.Error(rw, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	for k, vs := range resp.Header {
		for _, v := range vs {
			rw.Header().Add(k, v)
		}
	}
	rw.WriteHeader(resp.StatusCode)
	_, _ = io.Copy(rw, resp.Body)
}
