package fakeweb

import (
	"context"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	RequireLoopback()
	goleak.VerifyTestMain(m)
}

func get(t *testing.T, c *http.Client, method, url string) (*http.Response, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c.Do(req)
}

func TestHandlers(t *testing.T) {
	w := New(t)
	w.Handle("example.com", Page("Example", "<h1>hi</h1>"))
	w.Handle("gone.example", Status(http.StatusGone))
	w.Handle("old.example", Redirect(http.StatusMovedPermanently, "https://example.com/"))
	w.Handle("nohead.example", HeadRefused(http.StatusMethodNotAllowed))
	w.Handle("wall.example", Challenge())
	c := w.Client()
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	defer c.CloseIdleConnections()

	tests := []struct {
		method, url string
		code        int
		body        string
	}{
		{"GET", "https://example.com/", 200, "<title>Example</title>"},
		{"GET", "http://example.com/x", 200, "<h1>hi</h1>"},
		{"HEAD", "https://gone.example/", 410, ""},
		{"GET", "https://old.example/a", 301, ""},
		{"HEAD", "https://nohead.example/", 405, ""},
		{"GET", "https://nohead.example/", 200, "Works with GET"},
		{"GET", "https://wall.example/", 403, "Just a moment"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.url, func(t *testing.T) {
			resp, err := get(t, c, tt.method, tt.url)
			if err != nil {
				t.Fatalf("%s %s: %v", tt.method, tt.url, err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.code {
				t.Errorf("%s %s = %d, want %d", tt.method, tt.url, resp.StatusCode, tt.code)
			}
			if !strings.Contains(string(body), tt.body) {
				t.Errorf("%s %s body = %q, want it to contain %q", tt.method, tt.url, body, tt.body)
			}
		})
	}
	if got := w.Requests("nohead.example"); got != 2 {
		t.Errorf("Requests(nohead.example) = %d, want 2", got)
	}
}

func TestUnknownHostIsNotFound(t *testing.T) {
	w := New(t)
	_, err := w.DialContext(context.Background(), "tcp", "nowhere.example:443")
	var dnsErr *net.DNSError
	if !errors.As(err, &dnsErr) || !dnsErr.IsNotFound {
		t.Fatalf("DialContext(nowhere.example) = %v, want a not-found *net.DNSError", err)
	}
}

func TestBadTLS(t *testing.T) {
	w := New(t)
	w.Handle("bad.example", BadTLS(Status(200)))
	c := w.Client()
	defer c.CloseIdleConnections()
	_, err := get(t, c, "GET", "https://bad.example/")
	var unknown x509.UnknownAuthorityError
	if !errors.As(err, &unknown) {
		t.Fatalf("GET https://bad.example/ error = %v, want x509.UnknownAuthorityError", err)
	}
	resp, err := get(t, c, "GET", "http://bad.example/")
	if err != nil {
		t.Fatalf("GET http://bad.example/: %v", err)
	}
	resp.Body.Close()
}

func TestRateLimited(t *testing.T) {
	w := New(t)
	w.Handle("busy.example", RateLimited(2, Status(200)))
	c := w.Client()
	defer c.CloseIdleConnections()
	codes := map[int]int{}
	for range 5 {
		resp, err := get(t, c, "GET", "https://busy.example/")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		codes[resp.StatusCode]++
		if resp.StatusCode == 429 && resp.Header.Get("Retry-After") == "" {
			t.Errorf("429 without Retry-After")
		}
	}
	if codes[429] == 0 || codes[200] < 2 {
		t.Errorf("5 quick requests to a 2 req/s host gave %v, want at least 2 200s and some 429s", codes)
	}
}

func TestHangEndsWithClient(t *testing.T) {
	w := New(t)
	w.Handle("slow.example", Hang())
	c := w.Client()
	defer c.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", "https://slow.example/", nil)
	if _, err := c.Do(req); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("GET hanging host = %v, want deadline exceeded", err)
	}
}

func TestHugeBodyStops(t *testing.T) {
	w := New(t)
	w.Handle("big.example", HugeBody("application/pdf"))
	c := w.Client()
	defer c.CloseIdleConnections()
	resp, err := get(t, c, "GET", "http://big.example/paper.pdf")
	if err != nil {
		t.Fatal(err)
	}
	n, _ := io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
	if n != 1<<20 {
		t.Errorf("read %d bytes of an endless body, want %d", n, 1<<20)
	}
}

func TestReset(t *testing.T) {
	w := New(t)
	w.Handle("reset.example", Reset())
	c := w.Client()
	defer c.CloseIdleConnections()
	if _, err := get(t, c, "GET", "http://reset.example/"); err == nil {
		t.Fatal("GET on a reset connection succeeded, want an error")
	}
}
