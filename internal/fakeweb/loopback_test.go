package fakeweb

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"
)

func TestCheckLoopbackHere(t *testing.T) {
	if err := CheckLoopback(); err != nil {
		t.Fatalf("CheckLoopback() = %v on a machine whose fake web works", err)
	}
}

func TestProbeLoopbackFailsFast(t *testing.T) {
	refused := func(string, string) (net.Listener, error) {
		return nil, errors.New("cannot assign requested address")
	}
	hanging := func(ctx context.Context, _, _ string) (net.Conn, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	silent := func(ctx context.Context, _, _ string) (net.Conn, error) {
		client, server := net.Pipe()
		context.AfterFunc(ctx, func() { server.Close() })
		return client, nil
	}
	tests := []struct {
		name   string
		listen listenFunc
		dial   dialFunc
		want   string
	}{
		{"no listener", refused, nil, "cannot listen on 127.0.0.1"},
		{"dial hangs", net.Listen, hanging, "cannot connect to 127.0.0.1:"},
		{"no data", net.Listen, silent, "no data from 127.0.0.1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() { done <- probeLoopback(context.Background(), tt.listen, tt.dial, 50*time.Millisecond) }()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "loopback unavailable") {
					t.Errorf("probeLoopback = %v, want an error saying %q", err, tt.want)
				}
			case <-time.After(time.Minute):
				t.Fatal("probeLoopback did not return: a missing loopback must fail at once")
			}
		})
	}
}
