package state

import (
	"fmt"
	"time"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
	"github.com/ai-reading-list/linkcheck/titles"
)

// Options tune a merge.
type Options struct {
	// FailAfter is how many consecutive runs a transient failure must last
	// before it counts; until then it is pending. 0 and 1 count it at once.
	FailAfter int
}

// Resolved is a target that needed attention in the last run and is fine
// now, or that the entry replaced by one that is fine (URL, Arxiv and Repo
// name the target that needed attention).
type Resolved struct {
	ID      string
	Section string
	Title   string
	Line    int
	Target  result.TargetKind
	URL     string
	Arxiv   string
	Repo    string // the repository, for a platform target
	// Previous is the status it had; Since and Runs describe that streak.
	Previous status.Status
	Since    time.Time
	Runs     int
}

// Merged is a run folded into the history.
type Merged struct {
	Results  []result.Result // the run's results, in order, with History set
	State    *State          // what the next run will read
	Resolved []Resolved      // in the order of Results
}

// Merge folds the results of a finished run, started at now, into prev (nil
// is a fresh history). It does not modify its arguments.
//
// Each checked target gets its History: a status that differs from the
// last run's (or has no history) is new and starts a streak; the same
// status extends it. A target is the entry's URL, paper or repository (see
// Key): an entry whose URL changed starts a new history, and a target the
// entry replaced while it needed attention is resolved when its
// replacement is ok. A transient failure (see Transient) that has not yet
// lasted FailAfter runs is pending. A page whose title changed
// substantially says so in its message. A skipped result was not checked:
// it learns nothing, gets no History, and its target's history is kept as
// it was. Targets with no result (entries gone from the catalog, targets
// replaced) are dropped. The run's counts by status are added to the
// trend.
func Merge(prev *State, results []result.Result, now time.Time, opts Options) Merged {
	if prev == nil {
		prev = New()
	}
	now = now.UTC().Truncate(time.Second)
	m := Merged{
		Results: make([]result.Result, len(results)),
		State: &State{UpdatedAt: now, Targets: make(map[Key]Target, len(results)),
			Trend: appendTrend(prev.Trend, Summarize(results, now))},
	}
	past := recall(prev, results)
	for i, r := range results {
		k := KeyOf(r)
		old, had := past.targets[i], past.had[i]
		if r.Status == status.Skipped {
			if had {
				// A repository remembered before its name was recorded
				// gains it.
				old.Repo = orElse(old.Repo, r.Repo)
				m.State.Targets[k] = old
			}
			m.Results[i] = r
			continue
		}
		t := observe(r, old, had, now)
		r.History = result.History{Change: result.ChangeNew, Since: t.Since, Runs: t.Runs, FailingRuns: t.FailingRuns}
		if t.Runs > 1 {
			r.History.Change = result.ChangeSame
		}
		if t.FailingRuns > 0 && t.FailingRuns < opts.FailAfter {
			r.History.Pending = true
			r.History.FailAfter = opts.FailAfter
		}
		if had && titleChanged(r, old) {
			r.History.PreviousTitle = old.PageTitle
			r.Message = join(r.Message, fmt.Sprintf("page title changed: “%s” → “%s”", old.PageTitle, r.PageTitle))
		}
		if r.Status == status.OK {
			was, ok := old, had
			if !had {
				was, ok = past.replaced[i]
			}
			if ok && was.Status.Attention() {
				m.Resolved = append(m.Resolved, Resolved{
					ID: r.ID, Section: r.Section, Title: r.Title, Line: r.Line,
					Target: r.Target, URL: was.URL, Arxiv: was.Arxiv, Repo: was.Repo,
					Previous: was.Status, Since: was.Since, Runs: was.Runs,
				})
			}
		}
		m.State.Targets[k] = t
		m.Results[i] = r
	}
	return m
}

// observe is the target's history after this run's result r.
func observe(r result.Result, old Target, had bool, now time.Time) Target {
	t := Target{
		Status:      r.Status,
		Since:       now,
		Runs:        1,
		LastChecked: now,
		LastOK:      old.LastOK,
		URL:         r.URL,
		FinalURL:    r.FinalURL,
		PageTitle:   r.PageTitle,
		Repo:        r.Repo,
		Arxiv:       r.Arxiv,
		// What arXiv said lasts until arXiv says otherwise: an API outage
		// does not forget the version and title last seen.
		ArxivVersion: orElse(r.Version, old.ArxivVersion),
		ArxivTitle:   orElse(r.CurrentTitle, old.ArxivTitle),
	}
	if had && old.Status == r.Status {
		t.Since, t.Runs = old.Since, old.Runs+1
	}
	if Transient(r) {
		t.FailingRuns = old.FailingRuns + 1
	}
	if r.Status == status.OK {
		t.LastOK = now
	}
	// A page that could not be read this time (or answered with an error
	// page, whose title is not the page's) keeps its last title, so that a
	// change is still noticed when it answers again. So does a page judged
	// dead although it answered 2xx (a soft 404, a catch-all redirect, a
	// parked domain): the title that night is the site's template's; the
	// night's message says so, and the page's next good night is compared
	// with the title it had.
	if t.PageTitle == "" || r.Status == status.Broken {
		t.PageTitle = old.PageTitle
	}
	return t
}

// Transient reports whether r is a failure that may well pass by itself:
// a timeout, an error (5xx, reset, TLS, an API outage), or broken without
// an HTTP answer (DNS said no such host). An answer that says the page or
// paper is gone (404, 410, a soft 404, a catch-all redirect, a withdrawn
// paper) is not.
func Transient(r result.Result) bool {
	switch r.Status {
	case status.Timeout, status.Error:
		return true
	case status.Broken:
		return r.NetworkFailure
	}
	return false
}

// titleChanged reports whether the page of the same target now has a title
// that reads as another work's, by the rule that tells a retitled arXiv
// paper from another paper. Small rewordings are not worth a word.
func titleChanged(r result.Result, old Target) bool {
	if r.Target != result.TargetURL || old.PageTitle == "" || r.PageTitle == "" {
		return false
	}
	return titles.Similarity(old.PageTitle, r.PageTitle) < titles.AnotherWork
}

func orElse[T comparable](v, fallback T) T {
	var zero T
	if v == zero {
		return fallback
	}
	return v
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}
