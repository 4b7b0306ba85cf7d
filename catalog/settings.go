package catalog

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// settings decodes the settings mapping.
func (d *decoder) settings(v *yaml.Node) Settings {
	s := Settings{Pos: posOf(v)}
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return s
	}
	if v.Kind != yaml.MappingNode {
		d.bad(v, "settings must be a mapping")
		return s
	}
	s.Fields = make(map[string]Pos, len(v.Content)/2)
	d.mapping(v, "settings", settingsKeys, func(key string, k, v *yaml.Node) {
		s.Fields[key] = posOf(v)
		switch key {
		case "concurrency":
			s.Concurrency, _ = d.integer(key, v)
		case "host_concurrency":
			s.HostConcurrency, _ = d.integer(key, v)
		case "host_rate":
			s.HostRate = d.rate(key, v)
		case "request_timeout":
			s.RequestTimeout = d.duration(key, v)
		case "retries":
			s.Retries, _ = d.integer(key, v)
		case "stale_after":
			s.StaleAfter = d.age(key, v)
		case "hosts":
			s.Hosts = d.hosts(v)
		case "state":
			s.State = d.str(key, v)
		case "archive":
			s.Archive = d.boolean(key, v)
		}
	})
	return s
}

// hosts decodes the per-host overrides, keyed by host name.
func (d *decoder) hosts(v *yaml.Node) map[string]HostSettings {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		d.bad(v, "hosts must be a mapping of host name to limits")
		return nil
	}
	hosts := make(map[string]HostSettings, len(v.Content)/2)
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, hv := d.resolve(v.Content[i]), d.resolve(v.Content[i+1])
		if k == nil || hv == nil {
			continue
		}
		if k.Kind != yaml.ScalarNode {
			d.addAt(k, "host names in hosts must be strings")
			continue
		}
		if first, ok := hosts[k.Value]; ok {
			d.addAt(k, "duplicate host %q in hosts (first at line %d)", k.Value, first.Pos.Line)
			continue
		}
		h := HostSettings{Pos: posOf(k)}
		if hv.Kind != yaml.MappingNode {
			d.bad(hv, "hosts entry %q must be a mapping of rate, burst and concurrency", k.Value)
			hosts[k.Value] = h
			continue
		}
		h.Fields = make(map[string]Pos, len(hv.Content)/2)
		d.mapping(hv, "hosts entry "+strconv.Quote(k.Value), hostKeys, func(key string, _, fv *yaml.Node) {
			h.Fields[key] = posOf(fv)
			switch key {
			case "rate":
				h.Rate = d.rate(key, fv)
			case "burst":
				h.Burst, _ = d.integer(key, fv)
			case "concurrency":
				h.Concurrency, _ = d.integer(key, fv)
			}
		})
		hosts[k.Value] = h
	}
	return hosts
}

// rate reads a request rate: a plain number of requests per second, or a
// string "N/s", "N/m", "N/h" or "N/<duration>" ("1/3s": one every three
// seconds), which is how politeness policies are usually stated.
func (d *decoder) rate(name string, v *yaml.Node) float64 {
	if v.Kind == yaml.ScalarNode && (v.Tag == "!!int" || v.Tag == "!!float") {
		var f float64
		if v.Decode(&f) == nil {
			return f
		}
	}
	if v.Kind == yaml.ScalarNode {
		if r, err := ParseRate(v.Value); err == nil {
			return r
		}
	}
	d.bad(v, "%s must be requests per second or a rate such as \"2/s\", \"30/m\" or \"1/3s\"", name)
	return 0
}

// ParseRate parses a rate as the catalog writes it ("2", "2/s", "30/m",
// "1/3s", "0.5") into requests per second.
func ParseRate(s string) (float64, error) {
	num, per, found := strings.Cut(strings.TrimSpace(s), "/")
	n, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || math.IsNaN(n) || math.IsInf(n, 0) {
		return 0, fmt.Errorf("invalid rate %q: want a number of requests, optionally per unit (\"2/s\", \"1/3s\")", s)
	}
	if !found {
		return n, nil
	}
	per = strings.TrimSpace(per)
	if per == "s" || per == "m" || per == "h" {
		per = "1" + per
	}
	interval, err := time.ParseDuration(per)
	if err != nil || interval <= 0 {
		return 0, fmt.Errorf("invalid rate %q: %q is not a positive duration", s, per)
	}
	return n / interval.Seconds(), nil
}

// duration reads a Go duration such as "20s".
func (d *decoder) duration(name string, v *yaml.Node) time.Duration {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!str" {
		if dur, err := time.ParseDuration(v.Value); err == nil {
			return dur
		}
	}
	d.bad(v, "%s must be a duration with a unit, such as \"20s\" or \"1m30s\"", name)
	return 0
}
