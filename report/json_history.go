package report

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/state"
	"github.com/ai-reading-list/linkcheck/status"
)

// jsonHistory is a result's place in the history, present when the run
// kept a state file. It is embedded in jsonResult, so its fields are the
// result's own.
type jsonHistory struct {
	Change        string `json:"change,omitempty"`
	Since         string `json:"since,omitempty"`
	Runs          int    `json:"runs,omitempty"`
	FailingRuns   int    `json:"failing_runs,omitempty"`
	Pending       bool   `json:"pending,omitempty"`
	FailAfter     int    `json:"fail_after,omitempty"`
	PreviousTitle string `json:"previous_page_title,omitempty"`
}

// jsonResolved is a target fixed since the last run.
type jsonResolved struct {
	ID             string `json:"id"`
	Section        string `json:"section,omitempty"`
	Title          string `json:"title,omitempty"`
	Line           int    `json:"line,omitempty"`
	Target         string `json:"target"`
	URL            string `json:"url,omitempty"`
	Arxiv          string `json:"arxiv,omitempty"`
	Repo           string `json:"repo,omitempty"`
	PreviousStatus string `json:"previous_status"`
	Since          string `json:"since"`
	Runs           int    `json:"runs"`
}

// historyLayout writes times of the history in UTC to the second, as the
// state file keeps them.
const historyLayout = time.RFC3339

func historyToJSON(h result.History) jsonHistory {
	if !h.Kept() {
		return jsonHistory{}
	}
	return jsonHistory{
		Change:        string(h.Change),
		Since:         h.Since.UTC().Format(historyLayout),
		Runs:          h.Runs,
		FailingRuns:   h.FailingRuns,
		Pending:       h.Pending,
		FailAfter:     h.FailAfter,
		PreviousTitle: h.PreviousTitle,
	}
}

func historyFromJSON(j jsonHistory) (result.History, error) {
	if j.Change == "" {
		if j != (jsonHistory{}) {
			return result.History{}, errors.New("change: missing, though other history fields are set")
		}
		return result.History{}, nil
	}
	change := result.Change(j.Change)
	if change != result.ChangeNew && change != result.ChangeSame {
		return result.History{}, fmt.Errorf("change: %q is neither %q nor %q", j.Change, result.ChangeNew, result.ChangeSame)
	}
	since, err := time.Parse(time.RFC3339, j.Since)
	if err != nil {
		return result.History{}, fmt.Errorf("since: want an RFC 3339 time: %w", err)
	}
	if j.Runs < 1 || j.FailingRuns < 0 || (j.Pending && j.FailAfter <= j.FailingRuns) {
		return result.History{}, fmt.Errorf("runs %d, failing_runs %d, fail_after %d do not add up", j.Runs, j.FailingRuns, j.FailAfter)
	}
	return result.History{
		Change:        change,
		Since:         since,
		Runs:          j.Runs,
		FailingRuns:   j.FailingRuns,
		Pending:       j.Pending,
		FailAfter:     j.FailAfter,
		PreviousTitle: j.PreviousTitle,
	}, nil
}

func resolvedToJSON(rs []state.Resolved) []jsonResolved {
	var out []jsonResolved
	for _, r := range rs {
		out = append(out, jsonResolved{
			ID:             r.ID,
			Section:        r.Section,
			Title:          r.Title,
			Line:           r.Line,
			Target:         string(r.Target),
			URL:            r.URL,
			Arxiv:          r.Arxiv,
			Repo:           r.Repo,
			PreviousStatus: r.Previous.String(),
			Since:          r.Since.UTC().Format(historyLayout),
			Runs:           r.Runs,
		})
	}
	return out
}

func resolvedFromJSON(js []jsonResolved) ([]state.Resolved, error) {
	var out []state.Resolved
	var errs []error
	for i, j := range js {
		st, err := status.Parse(j.PreviousStatus)
		if err != nil || j.PreviousStatus != st.String() {
			errs = append(errs, fmt.Errorf("resolved %d (%s): previous_status: unknown status %q", i+1, j.ID, j.PreviousStatus))
			continue
		}
		target := result.TargetKind(j.Target)
		if !slices.Contains(result.TargetKinds(), target) {
			errs = append(errs, fmt.Errorf("resolved %d (%s): target: unknown target %q", i+1, j.ID, j.Target))
			continue
		}
		since, err := time.Parse(time.RFC3339, j.Since)
		if err != nil {
			errs = append(errs, fmt.Errorf("resolved %d (%s): since: want an RFC 3339 time: %w", i+1, j.ID, err))
			continue
		}
		out = append(out, state.Resolved{
			ID: j.ID, Section: j.Section, Title: j.Title, Line: j.Line,
			Target: target, URL: j.URL, Arxiv: j.Arxiv, Repo: j.Repo,
			Previous: st, Since: since, Runs: j.Runs,
		})
	}
	return out, errors.Join(errs...)
}
