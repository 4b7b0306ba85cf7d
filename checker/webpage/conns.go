package webpage

import (
	"net/http"
	"sync"

	"github.com/ai-reading-list/linkcheck/checker/hostpool"
)

// Conns gives every host group of a run its own connection pool, a
// clone of the checker's transport, so that the run can close a group's
// keep-alive connections as soon as its queue is done. With one shared
// pool, the idle connections to the hundreds of hosts a large catalog has
// already finished (TLS state, HTTP/2 buffers and a goroutine each) stay
// open until the idle timeout and dominate the run's memory.
type Conns struct {
	base *http.Transport

	mu     sync.Mutex
	groups map[string]*http.Transport
}

// NewConns returns a run's connections, each host group's a clone of base.
func NewConns(base *http.Transport) *Conns {
	return &Conns{base: base, groups: make(map[string]*http.Transport)}
}

// RoundTrip sends req over its host group's connections.
func (c *Conns) RoundTrip(req *http.Request) (*http.Response, error) {
	return c.transport(hostpool.GroupOf(req.URL.Hostname())).RoundTrip(req)
}

func (c *Conns) transport(group string) *http.Transport {
	c.mu.Lock()
	defer c.mu.Unlock()
	t, ok := c.groups[group]
	if !ok {
		t = c.base.Clone()
		c.groups[group] = t
	}
	return t
}

// Done closes group's idle connections. The group's pool stays: a redirect
// from another host may still lead there, and simply connects again.
func (c *Conns) Done(group string) {
	c.mu.Lock()
	t := c.groups[group]
	c.mu.Unlock()
	if t != nil {
		t.CloseIdleConnections()
	}
}

// CloseIdleConnections closes every group's idle connections, at the end
// of a run: they would otherwise outlive it as goroutines.
func (c *Conns) CloseIdleConnections() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, t := range c.groups {
		t.CloseIdleConnections()
	}
}
