package catalog

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"
	"time"
)

// validator collects semantic problems.
type validator struct {
	problemList
	c *Catalog
}

// Validate reports every semantic problem of the catalog as of now, sorted
// by position: the rules (ValidateRules) and the ignores that have expired
// (ExpiredIgnores). It is the gate for a change to the catalog.
func (c *Catalog) Validate(now time.Time) Problems {
	ps := append(c.ValidateRules(), c.ExpiredIgnores(now)...)
	ps = ps.sorted()
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// ValidateRules reports every semantic problem of the catalog that does
// not depend on the date, sorted by position: what makes a catalog
// uncheckable. Values Parse already reported as unreadable are not
// reported again.
func (c *Catalog) ValidateRules() Problems {
	v := &validator{problemList: problemList{file: c.File}, c: c}
	if p, ok := c.Fields["version"]; ok && c.Version != SchemaVersion {
		v.add(p, "unsupported version %d: this linkcheck reads version %d", c.Version, SchemaVersion)
	}
	v.settings(&c.Settings)
	v.sections()
	out := v.items[:0]
	for _, p := range v.items {
		if _, dup := c.malformed[Pos{p.Line, p.Column}]; !dup {
			out = append(out, p)
		}
	}
	out = out.sorted()
	if len(out) == 0 {
		return nil
	}
	return out
}

// fieldPos returns where key's value sits, or fallback when the mapping did
// not come from a file (or has no such key).
func fieldPos(fields map[string]Pos, key string, fallback Pos) Pos {
	if p, ok := fields[key]; ok {
		return p
	}
	return fallback
}

// has reports whether key was written in the mapping; when the mapping was
// built in code rather than parsed, a non-zero value counts as written.
func has(fields map[string]Pos, key string, nonZero bool) bool {
	if fields == nil {
		return nonZero
	}
	_, ok := fields[key]
	return ok
}

// settings checks the ranges of the settings and per-host limits.
func (v *validator) settings(s *Settings) {
	atLeast1 := func(fields map[string]Pos, fallback Pos, key string, n int) {
		if has(fields, key, n != 0) && n < 1 {
			v.add(fieldPos(fields, key, fallback), "%s must be at least 1, got %d", key, n)
		}
	}
	positiveRate := func(fields map[string]Pos, fallback Pos, key string, r float64) {
		if has(fields, key, r != 0) && (!(r > 0) || math.IsInf(r, 0)) {
			v.add(fieldPos(fields, key, fallback), "%s must be a positive rate such as \"2/s\" or \"1/3s\"", key)
		}
	}
	atLeast1(s.Fields, s.Pos, "concurrency", s.Concurrency)
	atLeast1(s.Fields, s.Pos, "host_concurrency", s.HostConcurrency)
	positiveRate(s.Fields, s.Pos, "host_rate", s.HostRate)
	if has(s.Fields, "request_timeout", s.RequestTimeout != 0) && s.RequestTimeout <= 0 {
		v.add(fieldPos(s.Fields, "request_timeout", s.Pos), "request_timeout must be positive, got %v", s.RequestTimeout)
	}
	if _, ok := s.Fields["state"]; ok && strings.TrimSpace(s.State) == "" {
		v.add(fieldPos(s.Fields, "state", s.Pos), "state must be a file name, such as \".linkcheck-state.json\"")
	}
	if has(s.Fields, "stale_after", s.StaleAfter != 0) && s.StaleAfter <= 0 {
		// Zero would make every repository stale, or be read as "the
		// default" further down: neither is what the key says.
		v.add(fieldPos(s.Fields, "stale_after", s.Pos), "stale_after must be a positive age, got %s", FormatAge(s.StaleAfter))
	}
	if s.Retries < 0 {
		v.add(fieldPos(s.Fields, "retries", s.Pos), "retries must not be negative, got %d", s.Retries)
	}
	// Limits apply per host group, so two names of one group (arxiv.org
	// and export.arxiv.org, or a name with and without its trailing dot)
	// would be two answers to one question; the later one is the problem.
	hosts := slices.SortedFunc(maps.Keys(s.Hosts), func(a, b string) int {
		return cmp.Or(cmp.Compare(s.Hosts[a].Pos.Line, s.Hosts[b].Pos.Line), cmp.Compare(s.Hosts[a].Pos.Column, s.Hosts[b].Pos.Column), strings.Compare(a, b))
	})
	groups := make(map[string]string, len(hosts))
	for _, host := range hosts {
		h := s.Hosts[host]
		if !validHostName(host) {
			v.add(h.Pos, "host %q must be a lower-case host name without scheme, port or path, such as \"arxiv.org\"", host)
		}
		g := HostGroup(host)
		if first, dup := groups[g]; dup {
			v.add(h.Pos, "hosts %q and %q both set the limits of %s (line %d): keep one", first, host, g, s.Hosts[first].Pos.Line)
		} else {
			groups[g] = host
		}
		positiveRate(h.Fields, h.Pos, "rate", h.Rate)
		atLeast1(h.Fields, h.Pos, "burst", h.Burst)
		atLeast1(h.Fields, h.Pos, "concurrency", h.Concurrency)
	}
}

// validHostName accepts what the checker compares hosts against:
// url.URL.Hostname() lower-cased.
func validHostName(h string) bool {
	if h == "" || h != strings.ToLower(h) {
		return false
	}
	return !strings.ContainsAny(h, ":/?#@ \t\n[]")
}
