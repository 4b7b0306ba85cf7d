package main

import (
	"fmt"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker"
)

// A check's limits come in three layers: a flag given on the command line,
// then the catalog's settings, then the defaults (the flags' own default
// values). A layer counts when it was written, whatever its value: the
// catalog's settings are told set from absent by their keys, never by a
// zero value, so "retries: 0" means no retries.

// settingFlags maps each key of the catalog's settings to the flag that
// overrides it; "" for a key no flag overrides.
var settingFlags = map[string]string{
	"concurrency":      "concurrency",
	"host_concurrency": "host-concurrency",
	"host_rate":        "host-rate",
	"request_timeout":  "request-timeout",
	"retries":          "retries",
	"stale_after":      "stale-after",
	"hosts":            "", // per-host limits: no flag
	"state":            "state",
	"archive":          "archive",
}

// layered is flagVal when the flag was given or the settings do not name
// key, and the settings' value otherwise.
func layered[T any](f *checkFlags, s catalog.Settings, key string, flagVal, setVal T) T {
	if flag := settingFlags[key]; flag != "" && f.flags.Changed(flag) {
		return flagVal
	}
	if _, set := s.Fields[key]; set {
		return setVal
	}
	return flagVal
}

// limitOptions fills opts' limits from the flags and the settings.
func (f *checkFlags) limitOptions(opts *checker.Options, s catalog.Settings) {
	opts.Concurrency = layered(f, s, "concurrency", f.concurrency, s.Concurrency)
	opts.HostConcurrency = layered(f, s, "host_concurrency", f.hostConcurrency, s.HostConcurrency)
	opts.HostRate = layered(f, s, "host_rate", f.hostRate, s.HostRate)
	opts.RequestTimeout = layered(f, s, "request_timeout", f.requestTimeout, s.RequestTimeout)
	opts.StaleAfter = layered(f, s, "stale_after", time.Duration(f.staleAfter), s.StaleAfter)
	opts.Retries = layered(f, s, "retries", f.retries, s.Retries)
	opts.Archive = layered(f, s, "archive", f.archive, s.Archive)
	if len(s.Hosts) > 0 {
		opts.Hosts = make(map[string]checker.HostLimit, len(s.Hosts))
		for host, h := range s.Hosts {
			opts.Hosts[host] = checker.HostLimit{Rate: h.Rate, Burst: h.Burst, Concurrency: h.Concurrency}
		}
	}
}

// checkLimitFlags refuses limits that would otherwise be read as "the
// default" further down (zero) or make no sense (negative): every value
// given is honoured or refused, never replaced.
func (f *checkFlags) checkLimitFlags() error {
	type limit struct {
		name     string
		bad      bool
		given    any
		positive string
	}
	for _, l := range []limit{
		{"concurrency", f.concurrency < 1, f.concurrency, "at least 1"},
		{"host-concurrency", f.hostConcurrency < 1, f.hostConcurrency, "at least 1"},
		{"host-rate", !(f.hostRate > 0), f.hostRate, "a positive number of requests per second"},
		{"request-timeout", f.requestTimeout <= 0, f.requestTimeout, "a positive duration"},
		{"timeout", f.timeout < 0, f.timeout, "a positive duration, or 0 for none"},
		{"retries", f.retries < 0, f.retries, "0 (none) or more"},
		{"max-retry-wait", f.maxRetryWait <= 0, f.maxRetryWait, "a positive duration"},
		{"max-body", f.maxBody < 1, f.maxBody, "at least 1 byte"},
		{"stale-after", f.staleAfter <= 0, &f.staleAfter, "a positive age"},
	} {
		if l.bad && f.flags.Changed(l.name) {
			return usageError(fmt.Errorf("invalid --%s %v: want %s", l.name, l.given, l.positive))
		}
	}
	return nil
}
