package fakeweb

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"time"
)

// LoopbackTimeout bounds the loopback probe. A loopback round trip takes
// microseconds; the margin is for a loaded machine, and is still far
// shorter than the minutes tests would spend timing out request by request
// against a loopback that silently drops connections.
const LoopbackTimeout = 5 * time.Second

// CheckLoopback reports whether this machine can listen on 127.0.0.1 and
// reach itself there, which the fake web (and every test using it) needs.
// The error says what failed and what to do; call it from a TestMain so a
// sandbox without loopback fails the whole package at once.
func CheckLoopback() error {
	return probeLoopback(context.Background(), net.Listen, (&net.Dialer{}).DialContext, LoopbackTimeout)
}

type listenFunc func(network, addr string) (net.Listener, error)
type dialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

func probeLoopback(ctx context.Context, listen listenFunc, dial dialFunc, timeout time.Duration) error {
	const hint = "the tests serve their fake web on 127.0.0.1; enable the loopback interface (or run them where it works)"
	ln, err := listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("loopback unavailable: cannot listen on 127.0.0.1: %w; %s", err, hint)
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	accepted := make(chan error, 1)
	go func() {
		c, err := ln.Accept()
		if err == nil {
			_, err = c.Write([]byte{1})
			c.Close()
		}
		accepted <- err
	}()
	// Closing the listener ends the Accept above whatever happens below.
	defer func() { ln.Close(); <-accepted }()

	addr := ln.Addr().String()
	c, err := dial(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("loopback unavailable: cannot connect to %s within %v: %w; %s", addr, timeout, err, hint)
	}
	defer c.Close()
	if d, ok := ctx.Deadline(); ok {
		c.SetReadDeadline(d)
	}
	if _, err := io.ReadFull(c, make([]byte, 1)); err != nil {
		return fmt.Errorf("loopback unavailable: no data from %s within %v: %w; %s", addr, timeout, err, hint)
	}
	return nil
}

// RequireLoopback is for a TestMain: when loopback is unavailable it prints
// why on stderr and exits 1 before any test starts, instead of leaving each
// test to time out on its own.
func RequireLoopback() {
	if err := CheckLoopback(); err != nil {
		fmt.Fprintf(os.Stderr, "fakeweb: %v\n", err)
		os.Exit(1)
	}
}
