package main

import (
	"fmt"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// progress shows done/total, failures so far and an ETA on stderr, only when
// stderr is a terminal: CI logs get no animation.
type progress struct {
	bar      *progressbar.ProgressBar
	failOn   status.Set
	failures int
}

func newProgress(e env, total int, failOn status.Set) *progress {
	p := &progress{failOn: failOn}
	if !e.ErrIsTTY || total == 0 {
		return p
	}
	p.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(e.Err),
		progressbar.OptionSetDescription("checking"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionUseANSICodes(true),
	)
	return p
}

// add counts one result; calls are serialized by the checker.
func (p *progress) add(r result.Result) {
	if p.failOn.Has(r.Status) {
		p.failures++
	}
	if p.bar == nil {
		return
	}
	p.bar.Describe(fmt.Sprintf("checking (%d failing)", p.failures))
	_ = p.bar.Add(1)
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
