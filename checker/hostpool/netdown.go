package hostpool

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"sort"
	"syscall"
)

// ErrNetworkUnavailable is returned (wrapped, see NetworkError) when no
// host could be reached at all: the machine is offline, so the run's
// results say nothing about the links.
var ErrNetworkUnavailable = errors.New("network unavailable")

// ErrRefusedLocally marks a request this machine refused to send, such as
// a connection to a private address: it says nothing about the network
// and is never retried. Errors of such refusals make errors.Is(err,
// ErrRefusedLocally) true.
var ErrRefusedLocally = errors.New("refused locally")

// NetworkError reports a run in which every host attempted failed at the
// network level. errors.Is(err, ErrNetworkUnavailable) holds.
type NetworkError struct {
	Unreachable int   // host groups that failed at the network level
	Attempted   int   // host groups a request was attempted to
	First       error // the first such failure
}

func (e *NetworkError) Error() string {
	first := "none"
	if err := e.First; err != nil {
		// The request's URL is no news here, and could carry userinfo.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		first = err.Error()
	}
	return fmt.Sprintf("network unavailable: %d of %d hosts unreachable (first error: %s)",
		e.Unreachable, e.Attempted, first)
}

// Is makes errors.Is(err, ErrNetworkUnavailable) true.
func (e *NetworkError) Is(target error) bool { return target == ErrNetworkUnavailable }

func (e *NetworkError) Unwrap() error { return e.First }

// reachability is what a group's requests say about the network path to it.
type reachability struct {
	attempted bool
	reached   bool // some request got an answer from the host itself
	notFound  bool // DNS said "no such host"
	first     error
}

// allNotFoundQuorum is how many hosts must all be "no such host", with no
// host answering at all, before that says more about the resolver than
// about the links: one or two dead domains happen; every domain of a real
// catalog vanishing at once is a resolver that knows nothing (a sandbox, a
// captive or broken DNS).
const allNotFoundQuorum = 3

func isNotFound(err error) bool {
	var dnsErr *net.DNSError
	return errors.As(err, &dnsErr) && dnsErr.IsNotFound
}

// networkLevel reports failures that say more about this machine's network
// than about the link: DNS failing without a definite answer, no route,
// a refused or timed-out connection. "No such host" is a definite answer
// from a working resolver, so it does not count.
func networkLevel(err error) bool {
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return !dnsErr.IsNotFound
	}
	var op *net.OpError
	return errors.Is(err, syscall.ENETUNREACH) || errors.Is(err, syscall.EHOSTUNREACH) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ENETDOWN) ||
		(errors.As(err, &op) && op.Op == "dial" && op.Timeout())
}

// record notes what one try of a request to h says about the network.
// Local refusals and cancellations say nothing and are not counted.
func (h *host) record(err error) {
	if errors.Is(err, ErrRefusedLocally) || errors.Is(err, context.Canceled) {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.reach.attempted = true
	switch {
	case isNotFound(err):
		h.reach.notFound = true
	case err == nil || !networkLevel(err):
		h.reach.reached = true
		return
	}
	if h.reach.first == nil {
		h.reach.first = err
	}
}

// NetworkDown returns a *NetworkError when every host group attempted
// failed at the network level, and nil otherwise. It takes at least two
// groups to decide: one dead host is a dead link, not a dead network. "No
// such host" is a definite answer and makes a group count as reached,
// unless no group at all answered and at least allNotFoundQuorum were
// tried.
func (p *Pool) NetworkDown() error {
	p.mu.Lock()
	hosts := make([]*host, 0, len(p.hosts))
	for _, h := range p.hosts {
		hosts = append(hosts, h)
	}
	p.mu.Unlock()
	sort.Slice(hosts, func(i, j int) bool { return hosts[i].name < hosts[j].name })
	ne := &NetworkError{}
	notFound := 0
	for _, h := range hosts {
		h.mu.Lock()
		r := h.reach
		h.mu.Unlock()
		if !r.attempted {
			continue
		}
		ne.Attempted++
		if r.reached {
			return nil
		}
		if r.notFound {
			notFound++
		}
		ne.Unreachable++
		if ne.First == nil {
			ne.First = r.first
		}
	}
	switch {
	case ne.Attempted < 2:
		return nil
	case notFound > 0 && ne.Attempted < allNotFoundQuorum:
		return nil
	}
	return ne
}
