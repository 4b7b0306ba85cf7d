package hostpool

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"syscall"
	"testing"
)

// TestNetworkDown feeds tries of several host groups to a pool and asks
// whether the network is down. A local refusal (a private address the
// tool would not connect to) never counts: not as a host reached, which
// would hide an outage, nor as a host attempted, which would call one
// dead host an outage.
func TestNetworkDown(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	private := &net.OpError{Op: "dial", Net: "tcp", Err: fmt.Errorf("refusing to connect to 10.0.0.1: %w", ErrRefusedLocally)}
	notFound := &net.DNSError{Err: "no such host", Name: "x.example", IsNotFound: true}
	answered := Outcome{Code: http.StatusNotFound}
	tests := []struct {
		name  string
		tries map[string]Outcome
		down  bool
	}{
		{"every group refused", map[string]Outcome{"a": {Err: refused}, "arxiv.org": {Err: refused}}, true},
		{"one group decides nothing", map[string]Outcome{"a": {Err: refused}}, false},
		{"one group answered", map[string]Outcome{"a": {Err: refused}, "b": answered}, false},
		{"a local refusal is no answer", map[string]Outcome{"a": {Err: refused}, "b": {Err: refused}, "private": {Err: private}}, true},
		{"a local refusal is no attempt", map[string]Outcome{"a": {Err: refused}, "private": {Err: private}}, false},
		{"no such host is an answer", map[string]Outcome{"a": {Err: notFound}, "b": {Err: refused}}, false},
		{"a resolver that knows no host", map[string]Outcome{"a": {Err: notFound}, "b": {Err: notFound}, "c": {Err: notFound}}, true},
		{"cancelled says nothing", map[string]Outcome{"a": {Err: refused}, "b": {Err: context.Canceled}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := New(Config{Limit: fixed(Limit{Rate: 1000, Burst: 10, Concurrency: 1}), Jitter: noJitter, Retry: Policy{Retries: -1}})
			for group, o := range tt.tries {
				p.Try(context.Background(), group, func(context.Context) Outcome { return o })
			}
			err := p.NetworkDown()
			if got := errors.Is(err, ErrNetworkUnavailable); got != tt.down {
				t.Errorf("NetworkDown() = %v, want network unavailable: %v", err, tt.down)
			}
			var ne *NetworkError
			if tt.down && (!errors.As(err, &ne) || ne.Attempted != ne.Unreachable || ne.First == nil) {
				t.Errorf("NetworkDown() = %#v, want every attempted group unreachable with its first error", err)
			}
		})
	}
}

// TestAPIRequestsFeedNetworkDown: an API client's requests, sent with Try
// like any other, count for the network-down verdict.
func TestAPIRequestsFeedNetworkDown(t *testing.T) {
	c := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		return nil, &net.OpError{Op: "dial", Net: network, Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	}}}
	p := New(Config{Jitter: noJitter})
	for _, u := range []string{"https://api.github.example/repos/x/y", "https://huggingface.example/api/models/x"} {
		if _, err := send(context.Background(), p, c, u); err == nil {
			t.Fatalf("request to %s on a dead network = nil error", u)
		}
	}
	if err := p.NetworkDown(); !errors.Is(err, ErrNetworkUnavailable) {
		t.Errorf("NetworkDown() after two refused APIs = %v, want network unavailable", err)
	}
}

func TestNetworkLevel(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{&net.DNSError{Err: "no such host", Name: "x", IsNotFound: true}, false},
		{&net.DNSError{Err: "i/o timeout", Name: "x", IsTimeout: true}, true},
		{&net.DNSError{Err: "no servers", Name: "x"}, true},
		{opErr(os.NewSyscallError("connect", syscall.ENETUNREACH)), true},
		{opErr(os.NewSyscallError("connect", syscall.EHOSTUNREACH)), true},
		{opErr(os.NewSyscallError("connect", syscall.ECONNREFUSED)), true},
		{opErr(os.ErrDeadlineExceeded), true},
		{opErr(os.NewSyscallError("read", syscall.ECONNRESET)), false},
		{x509.UnknownAuthorityError{}, false},
		{errors.New("odd"), false},
	}
	for _, tt := range tests {
		if got := networkLevel(tt.err); got != tt.want {
			t.Errorf("networkLevel(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}
