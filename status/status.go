// Package status defines linkcheck's closed vocabulary of check outcomes.
//
// Every result linkcheck reports carries exactly one Status. The set is
// closed on purpose: CI policies (--fail-on), the catalog's accept lists and
// the JSON report all name statuses by their String form, so adding a value
// is a change of the tool's contract and is documented in docs/checks.md.
package status

import (
	"fmt"
	"strings"
)

// Status is the outcome of checking one target.
type Status uint8

// The values are ordered by severity for reports: lower is more urgent.
// Unknown is the zero value so that a forgotten assignment is visible.
const (
	// Unknown means no check produced a verdict; it never appears in a
	// finished report.
	Unknown Status = iota
	// Broken: the resource is gone (404/410, DNS "no such host", redirect
	// loop, soft 404, redirect to a site's home page, a parked or for-sale
	// domain, unknown or withdrawn arXiv paper, a repository that is gone,
	// disabled or private, a failing Space).
	Broken
	// Moved: a permanent redirect (301/308, or http to https), or a renamed
	// or transferred repository; the result's final URL is the new address.
	Moved
	// Retitled: arXiv's current title differs from the catalog's title.
	Retitled
	// Updated: the catalog pins an arXiv version older than the latest.
	Updated
	// Stale: the resource exists but is no longer maintained or running
	// (an archived repository, one with no push for longer than the stale
	// threshold, a paused or stopped Hugging Face Space). It asks the
	// maintainers to decide whether the entry still belongs; unlike Broken
	// the reader can still open it.
	Stale
	// Archived: the link is gone, and the catalog's archive key names an
	// archived copy of the live page that still plays back. Readers are
	// served by the copy, so it fails nothing by default and needs no
	// attention until the original answers again (then the result is OK,
	// with a note that the archive key can go).
	Archived
	// Blocked: the site refused an automated client (401, 403, 429 after
	// retries, 999, or a bot challenge). It could not be verified.
	Blocked
	// Timeout: no answer within the request timeout, after retries.
	Timeout
	// Error: TLS failure, connection refused or reset, or 5xx after retries.
	Error
	// Redirected: only temporary redirects (302/303/307, meta refresh).
	Redirected
	// OK: the resource answered as expected.
	OK
	// Skipped: excluded by a filter, ignored in the catalog, or refused by a
	// safety rule (private address); the result's message says which.
	Skipped
)

var names = [...]string{
	Unknown:    "unknown",
	Broken:     "broken",
	Moved:      "moved",
	Retitled:   "retitled",
	Updated:    "updated",
	Stale:      "stale",
	Archived:   "archived",
	Blocked:    "blocked",
	Timeout:    "timeout",
	Error:      "error",
	Redirected: "redirected",
	OK:         "ok",
	Skipped:    "skipped",
}

// All lists every valid status (Unknown excluded) in severity order.
func All() []Status {
	return []Status{Broken, Moved, Retitled, Updated, Stale, Archived, Blocked, Timeout, Error, Redirected, OK, Skipped}
}

// String returns the status's stable lower-case name.
func (s Status) String() string {
	if int(s) < len(names) {
		return names[s]
	}
	return fmt.Sprintf("status(%d)", uint8(s))
}

// Parse returns the status named name (case-insensitive).
func Parse(name string) (Status, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, s := range All() {
		if names[s] == n {
			return s, nil
		}
	}
	return Unknown, fmt.Errorf("unknown status %q (want one of %s)", name, strings.Join(Names(), ", "))
}

// Names returns the names of All, in order.
func Names() []string {
	all := All()
	out := make([]string, len(all))
	for i, s := range all {
		out[i] = s.String()
	}
	return out
}

// MarshalText implements encoding.TextMarshaler (and so JSON and YAML).
func (s Status) MarshalText() ([]byte, error) {
	if s == Unknown || int(s) >= len(names) {
		return nil, fmt.Errorf("cannot marshal %v", s)
	}
	return []byte(names[s]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Status) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Set is a set of statuses, such as a --fail-on policy.
type Set uint32

// NewSet returns the set holding the given statuses.
func NewSet(ss ...Status) Set {
	var set Set
	for _, s := range ss {
		set |= 1 << s
	}
	return set
}

// ParseSet parses a comma-separated list of status names ("broken,moved").
// An empty string is the empty set.
func ParseSet(list string) (Set, error) {
	var set Set
	for _, f := range strings.Split(list, ",") {
		if strings.TrimSpace(f) == "" {
			continue
		}
		s, err := Parse(f)
		if err != nil {
			return 0, err
		}
		set |= 1 << s
	}
	return set, nil
}

// Has reports whether s is in the set.
func (set Set) Has(s Status) bool { return set&(1<<s) != 0 }

// String lists the set's names in severity order, comma-separated.
func (set Set) String() string {
	var out []string
	for _, s := range All() {
		if set.Has(s) {
			out = append(out, s.String())
		}
	}
	return strings.Join(out, ",")
}

// DefaultFailOn is the statuses that fail a CI run unless told otherwise.
const DefaultFailOn = Set(1 << Broken)

// Attention reports whether a result with this status needs a maintainer's
// attention: everything but OK, Skipped and Archived, a dead link the
// catalog already points at an archived copy of.
func (s Status) Attention() bool {
	return s != OK && s != Skipped && s != Archived && s != Unknown
}
