package fakeweb

import (
	"fmt"
	"html"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Status answers every request with code and a short plain-text body.
func Status(code int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(code)
		fmt.Fprintf(w, "%d %s\n", code, http.StatusText(code))
	})
}

// Redirect answers every request with code and a Location of to.
func Redirect(code int, to string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", to)
		w.WriteHeader(code)
	})
}

// HeadRefused answers HEAD with code and every other method with an HTML
// page, like servers that never implemented HEAD.
func HeadRefused(code int) http.Handler {
	page := Page("Works with GET", "<p>fine</p>")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(code)
			return
		}
		page.ServeHTTP(w, r)
	})
}

// Page serves an HTML page with the given title and raw body markup.
func Page(title, body string) http.Handler {
	return document(title, "", body)
}

func document(title, head, body string) http.Handler {
	doc := fmt.Sprintf("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%s</title>%s</head>\n<body>%s</body></html>\n",
		html.EscapeString(title), head, body)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Length", fmt.Sprint(len(doc)))
		if r.Method == http.MethodHead {
			return
		}
		fmt.Fprint(w, doc)
	})
}

// MetaRefresh serves a 200 HTML page that sends browsers on to to.
func MetaRefresh(to string) http.Handler {
	return document("Redirecting",
		fmt.Sprintf(`<meta http-equiv="refresh" content="0; url=%s">`, html.EscapeString(to)), "<p>moved</p>")
}

// Challenge answers like a bot-protection front: 403 with the
// cf-mitigated: challenge header and an interstitial page.
func Challenge() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cf-Mitigated", "challenge")
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>checking your browser</body></html>")
	})
}

// ChallengePage answers code with a challenge interstitial but no
// cf-mitigated header, so only the body tells.
func ChallengePage(code int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(code)
		fmt.Fprint(w, `<!DOCTYPE html><html><head><title>Just a moment...</title>`+
			`<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script></head><body></body></html>`)
	})
}

// SoftNotFound answers 200 with a page whose title says it is missing.
func SoftNotFound() http.Handler {
	return Page("Page Not Found | Example", "<h1>Sorry, this page does not exist</h1>")
}

// Latency delays h by d, or until the client or the web gives up.
func Latency(d time.Duration, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
			h.ServeHTTP(w, r)
		case <-r.Context().Done():
		case <-closed(r):
		}
	})
}

// Hang never answers: it blocks until the client gives up or the web
// closes.
func Hang() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-closed(r):
		}
	})
}

// Reset drops the connection without answering (a TCP reset where the
// connection can be hijacked, a stream reset on HTTP/2).
func Reset() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			panic(http.ErrAbortHandler)
		}
		if tc, ok := conn.(interface{ NetConn() net.Conn }); ok {
			conn = tc.NetConn()
		}
		if tcp, ok := conn.(*net.TCPConn); ok {
			_ = tcp.SetLinger(0)
		}
		_ = conn.Close()
	})
}

// HugeBody streams an endless body of contentType until the client hangs
// up, to prove readers stop early.
func HugeBody(contentType string) http.Handler {
	chunk := []byte(strings.Repeat("<p>lorem ipsum dolor sit amet</p>\n", 1024))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		if r.Method == http.MethodHead {
			return
		}
		for {
			select {
			case <-r.Context().Done():
				return
			case <-closed(r):
				return
			default:
			}
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
}

// BadTLS marks h's host as serving a self-signed certificate that clients
// do not trust. Plain http still reaches h.
func BadTLS(h http.Handler) http.Handler { return badTLSHandler{h} }

type badTLSHandler struct{ http.Handler }

// RateLimited serves h at up to rps requests per second per host (a token
// bucket with a burst of rps) and answers 429 with Retry-After beyond it.
func RateLimited(rps float64, h http.Handler) http.Handler {
	burst := max(1, int(rps))
	var mu sync.Mutex
	limiters := make(map[string]*rate.Limiter)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		l, ok := limiters[r.Host]
		if !ok {
			l = rate.NewLimiter(rate.Limit(rps), burst)
			limiters[r.Host] = l
		}
		mu.Unlock()
		if !l.Allow() {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// Sequence answers the n-th request with hs[n], repeating the last one
// once they are used up: scripted flakiness for retry tests.
func Sequence(hs ...http.Handler) http.Handler {
	var mu sync.Mutex
	n := 0
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		h := hs[min(n, len(hs)-1)]
		n++
		mu.Unlock()
		h.ServeHTTP(w, r)
	})
}

// WithHeader sets a response header before h runs.
func WithHeader(name, value string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set(name, value)
		h.ServeHTTP(w, r)
	})
}
