package state

import (
	"reflect"
	"testing"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// repo is a GitHub result of entry id for repository name; like the
// checker's, its URL is the entry's, whatever repository it names.
func repo(id, name string, st status.Status, opts ...func(*result.Result)) result.Result {
	r := result.Result{ID: id, Target: result.TargetGitHub, URL: "https://github.com/acme/tool", Repo: name, Status: st}
	for _, o := range opts {
		o(&r)
	}
	return r
}

func pinned(id string) func(*result.Result) { return func(r *result.Result) { r.Arxiv = id } }

// A target's history follows the target: what the entry names, not only
// the entry.
func TestMergeKeysByTarget(t *testing.T) {
	type want struct {
		change      result.Change
		runs        int
		failingRuns int
		pending     bool
	}
	tests := []struct {
		name string
		runs [][]result.Result
		want want
	}{
		{"a changed URL starts a new history",
			[][]result.Result{{link("a", status.Broken, network)}, {link("a", status.Broken, network, at("https://b.test/other"))}},
			want{result.ChangeNew, 1, 1, true}},
		{"the same URL written otherwise keeps it",
			[][]result.Result{{link("a", status.Broken, network)}, {link("a", status.Broken, network, at("HTTPS://A.test:443/page#top"))}},
			want{result.ChangeSame, 2, 2, false}},
		{"a newer pinned version is the same paper",
			[][]result.Result{{paper("p", status.Error, pinned("1706.03762v5"))}, {paper("p", status.Error, pinned("1706.03762v7"))}},
			want{result.ChangeSame, 2, 2, false}},
		{"another paper starts a new history",
			[][]result.Result{{paper("p", status.Error)}, {paper("p", status.Error, pinned("2303.08774"))}},
			want{result.ChangeNew, 1, 1, true}},
		{"another repository starts a new history",
			[][]result.Result{{repo("r", "acme/tool", status.Error)}, {repo("r", "acme/tool-ng", status.Error)}},
			want{result.ChangeNew, 1, 1, true}},
		{"a repository's name in another case is the same repository",
			[][]result.Result{{repo("r", "acme/tool", status.Error)}, {repo("r", "Acme/Tool", status.Error)}},
			want{result.ChangeSame, 2, 2, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := replay(2, tt.runs...)
			h := m.Results[0].History
			if got := (want{h.Change, h.Runs, h.FailingRuns, h.Pending}); got != tt.want {
				t.Errorf("history = %+v, want %+v", got, tt.want)
			}
			if len(m.State.Targets) != 1 {
				t.Errorf("state holds %d targets, want 1 (the old target dropped)", len(m.State.Targets))
			}
		})
	}
}

// An entry whose github: field names one repository and whose github.com
// url names another has two targets, each with its own history.
func TestMergeTwoRepositoriesOfOneEntry(t *testing.T) {
	both := []result.Result{repo("e", "acme/tool", status.OK), repo("e", "acme/old-tool", status.Broken)}
	m := replay(1, both, both, both)
	for _, r := range m.Results {
		if r.History.Change != result.ChangeSame || r.History.Runs != 3 || !r.History.Since.Equal(runAt(0)) {
			t.Errorf("%s: history %+v, want the same status for 3 runs since the first", r.Repo, r.History)
		}
	}
	if len(m.Resolved) != 0 {
		t.Errorf("resolved %+v, want nothing: neither repository changed", m.Resolved)
	}
	if len(m.State.Targets) != 2 {
		t.Errorf("state holds %d targets, want 2", len(m.State.Targets))
	}

	// The dead one comes back: it alone is resolved, and says which it is.
	m = replay(1, both, []result.Result{repo("e", "acme/tool", status.OK), repo("e", "acme/old-tool", status.OK)})
	want := []Resolved{{ID: "e", Target: result.TargetGitHub, URL: "https://github.com/acme/tool", Repo: "acme/old-tool",
		Previous: status.Broken, Since: runAt(0), Runs: 1}}
	if !reflect.DeepEqual(m.Resolved, want) {
		t.Errorf("Resolved = %+v\nwant       %+v", m.Resolved, want)
	}
}

// A target the entry replaced while it needed attention is resolved when
// its replacement is ok: the maintainer fixed it by naming another.
func TestMergeReplacedTargetResolved(t *testing.T) {
	moved := link("a", status.Moved)
	tests := []struct {
		name string
		runs [][]result.Result
		want []Resolved
	}{
		{"a moved URL replaced by a working one",
			[][]result.Result{{moved}, {link("a", status.OK, at("https://a.test/new"))}},
			[]Resolved{{ID: "a", Section: "s", Line: 7, Target: result.TargetURL, URL: "https://a.test/page",
				Previous: status.Moved, Since: runAt(0), Runs: 1}}},
		{"a replacement that is broken too",
			[][]result.Result{{moved}, {link("a", status.Broken, at("https://a.test/new"))}}, nil},
		{"an ok URL replaced", [][]result.Result{{link("a", status.OK)}, {link("a", status.OK, at("https://a.test/new"))}}, nil},
		{"a renamed repository",
			[][]result.Result{{repo("r", "acme/tool", status.Moved)}, {repo("r", "acme/tool-ng", status.OK)}},
			[]Resolved{{ID: "r", Target: result.TargetGitHub, URL: "https://github.com/acme/tool", Repo: "acme/tool",
				Previous: status.Moved, Since: runAt(0), Runs: 1}}},
		{"one of two repositories replaced, but which is unclear",
			[][]result.Result{{repo("r", "acme/a", status.Broken), repo("r", "acme/b", status.Broken)},
				{repo("r", "acme/c", status.OK), repo("r", "acme/d", status.OK)}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := replay(1, tt.runs...)
			if !reflect.DeepEqual(m.Resolved, tt.want) {
				t.Errorf("Resolved = %+v\nwant       %+v", m.Resolved, tt.want)
			}
		})
	}
}
