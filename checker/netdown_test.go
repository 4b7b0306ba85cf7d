package checker

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

// refuseAll dials nothing: every host "refuses", as on a machine whose
// network is down.
func refuseAll(ctx context.Context, network, addr string) (net.Conn, error) {
	return nil, &net.OpError{Op: "dial", Net: network, Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
}

func TestNetworkDown(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("up.example", fakeweb.Page("Up", ""))
	tests := []struct {
		name string
		dial func(context.Context, string, string) (net.Conn, error)
		urls []string
		down bool
	}{
		{"all refused", refuseAll, []string{"https://a.example/", "https://b.example/", "https://c.example/"}, true},
		{"one host decides nothing", refuseAll, []string{"https://a.example/", "https://a.example/2"}, false},
		{"one host up", func(ctx context.Context, network, addr string) (net.Conn, error) {
			if strings.HasPrefix(addr, "up.example") {
				return w.DialContext(ctx, network, addr)
			}
			return refuseAll(ctx, network, addr)
		}, []string{"https://a.example/", "https://up.example/"}, false},
		{"no such host is an answer", w.DialContext, []string{"https://a.example/", "https://b.example/"}, false},
		{"no such host next to a live host", w.DialContext, []string{"https://a.example/", "https://b.example/", "https://c.example/", "https://up.example/"}, false},
		{"a resolver that knows no host at all", w.DialContext, []string{"https://a.example/", "https://b.example/", "https://c.example/"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := testOptions(w)
			o.DialContext = tt.dial
			var rs []catalog.Resource
			for i, u := range tt.urls {
				rs = append(rs, entry(fmt.Sprint("e", i), u))
			}
			results, err := run(t, newChecker(t, o), catalogOf(rs...))
			if got := errors.Is(err, ErrNetworkUnavailable); got != tt.down {
				t.Fatalf("Check error = %v, want network unavailable: %v", err, tt.down)
			}
			var ne *NetworkError
			if tt.down && (!errors.As(err, &ne) || !strings.HasPrefix(err.Error(), fmt.Sprintf("network unavailable: %d of %d hosts unreachable (first error: ", len(tt.urls), len(tt.urls)))) {
				t.Errorf("Check error = %q, want a *NetworkError saying all %d hosts are unreachable", err, len(tt.urls))
			}
			if len(results) != len(tt.urls) {
				t.Errorf("got %d results, want %d even so", len(results), len(tt.urls))
			}
		})
	}
}

// TestNetworkDownCountsEveryRequest: the arXiv API's requests feed the
// network-down detection like link checks do, so an offline run of one
// link and one paper is a network outage, not two error results; and a
// refusal to connect to a private address counts neither as an answer nor
// as an attempt.
func TestNetworkDownCountsEveryRequest(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("export.arxiv.org", fakeweb.Status(http.StatusServiceUnavailable))
	arxivUp := func(ctx context.Context, network, addr string) (net.Conn, error) {
		if strings.HasPrefix(addr, "export.arxiv.org:") {
			return w.DialContext(ctx, network, addr)
		}
		return refuseAll(ctx, network, addr)
	}
	paper := catalog.Resource{ID: "attention", Title: "Attention Is All You Need", Kind: catalog.KindPaper,
		Arxiv: "1706.03762", Section: "s", Pos: catalog.Pos{Line: 1}}
	tests := []struct {
		name string
		dial func(context.Context, string, string) (net.Conn, error)
		// guard refuses private addresses; off, the fake web (on
		// loopback) can answer.
		guard bool
		rs    []catalog.Resource
		down  bool
	}{
		{"one link and one paper, offline", refuseAll, true, []catalog.Resource{entry("a", "https://a.example/"), paper}, true},
		{"arXiv answering is the network", arxivUp, false, []catalog.Resource{entry("a", "https://a.example/"), entry("b", "https://b.example/"), paper}, false},
		{"a private address is no answer", refuseAll, true, []catalog.Resource{
			entry("a", "https://a.example/"), entry("b", "https://b.example/"), entry("p", "https://10.1.2.3/")}, true},
		{"a private address is no attempt", refuseAll, true, []catalog.Resource{entry("a", "https://a.example/"), entry("p", "https://10.1.2.3/")}, false},
		{"arXiv on a private address is no attempt", arxivUp, true, []catalog.Resource{entry("a", "https://a.example/"), paper}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := testOptions(w)
			o.DialContext = tt.dial
			o.AllowPrivate = !tt.guard
			o.Arxiv = nil // the real client, through the run's pool
			o.ArxivAPI, o.ArxivOAI = "https://export.arxiv.org/api/query", "https://export.arxiv.org/oai"
			results, err := run(t, newChecker(t, o), catalogOf(tt.rs...))
			if got := errors.Is(err, ErrNetworkUnavailable); got != tt.down {
				t.Errorf("Check error = %v, want network unavailable: %v", err, tt.down)
			}
			if len(results) != len(tt.rs) {
				t.Errorf("got %d results, want %d even so", len(results), len(tt.rs))
			}
		})
	}
}
