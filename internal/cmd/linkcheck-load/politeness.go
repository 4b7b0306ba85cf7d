package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

// violation is an arrival that a host enforcing its rate and burst exactly
// (the generic cell rate algorithm: a token bucket of burst tokens,
// starting full) refuses, with the arrivals before it.
type violation struct {
	host   string
	i      int
	recent []arrival
}

// violations checks every host's arrivals against rate and burst, as the
// servers saw them (the archive against its own pace, one a second): the
// 429s count the same arrivals, this says which.
func (w *web) violations(rate float64, burst int) []violation {
	w.mu.Lock()
	defer w.mu.Unlock()
	var vs []violation
	for host, as := range w.arrived {
		interval := time.Duration(float64(time.Second) / rate)
		tolerance := time.Duration(burst-1) * interval
		if host == fakeweb.WaybackHost {
			interval, tolerance = archiveInterval, 0
		}
		var tat time.Time
		for i, a := range as {
			if a.at.Before(tat.Add(-tolerance)) {
				vs = append(vs, violation{host: host, i: i, recent: as[max(0, i-4) : i+1]})
				continue
			}
			if a.at.After(tat) {
				tat = a.at
			}
			tat = tat.Add(interval)
		}
	}
	sort.Slice(vs, func(a, b int) bool {
		return vs[a].recent[len(vs[a].recent)-1].at.Before(vs[b].recent[len(vs[b].recent)-1].at)
	})
	return vs
}

// describe says when each of v's recent arrivals came, relative to the
// refused one, and what its URL does.
func (w *web) describe(v violation) string {
	last := v.recent[len(v.recent)-1].at
	var parts []string
	for _, a := range v.recent {
		parts = append(parts, fmt.Sprintf("%s %s %v", a.path, w.kindOf(a.path), a.at.Sub(last).Round(time.Millisecond)))
	}
	return fmt.Sprintf("%s arrival %d: %s", v.host, v.i, strings.Join(parts, ", "))
}

func (w *web) kindOf(path string) string {
	n, ok := strings.CutPrefix(path, "/p/")
	if !ok {
		return "target"
	}
	i, err := strconv.Atoi(n)
	if err != nil || i < 0 || i >= len(w.links) {
		return "?"
	}
	return [...]string{"page", "hang", "reset", "404", "soft404", "moved", "flaky"}[w.links[i].kind]
}
