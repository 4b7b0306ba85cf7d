package report

import (
	"time"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/state"
	"github.com/ai-reading-list/linkcheck/status"
)

// historyRun is fixtureRun as its third weekly run with a state file and
// --fail-after 2, made by the real merge: the 404 and the move are old
// news, the soft 404 is new, the timeout is watched, a retitled paper was
// fixed and a page changed its title.
func historyRun() Run {
	run := fixtureRun()
	before := fixtureRun().Results
	for i := range before {
		r := &before[i]
		switch r.ID {
		case "toolformer":
			r.Status = status.Retitled
		case "agentbench", "agent-survey-zh":
			r.Status, r.Message = status.OK, ""
		}
		if r.ID == "attention" && r.Target == result.TargetURL {
			r.PageTitle = "Domain for sale"
		}
	}
	var prev *state.State
	for week := 2; week > 0; week-- {
		prev = state.Merge(prev, before, run.StartedAt.Add(-time.Duration(week)*7*24*time.Hour), state.Options{FailAfter: 2}).State
	}
	m := state.Merge(prev, run.Results, run.StartedAt, state.Options{FailAfter: 2})
	run.Results, run.Resolved = m.Results, m.Resolved
	return run
}
