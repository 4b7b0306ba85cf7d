package checker

import (
	"context"
	"errors"
	"fmt"
	"net"
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
