package state

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// week is the first run's start; run i starts i weeks later.
var week = time.Date(2026, 11, 2, 6, 0, 0, 0, time.UTC)

func runAt(i int) time.Time { return week.Add(time.Duration(i) * 7 * 24 * time.Hour) }

// link is a URL result of entry id.
func link(id string, st status.Status, opts ...func(*result.Result)) result.Result {
	r := result.Result{ID: id, Section: "s", Line: 7, Target: result.TargetURL, URL: "https://" + id + ".test/page", Status: st}
	for _, o := range opts {
		o(&r)
	}
	return r
}

func paper(id string, st status.Status, opts ...func(*result.Result)) result.Result {
	r := result.Result{ID: id, Target: result.TargetArxiv, Arxiv: "1706.03762", Status: st}
	for _, o := range opts {
		o(&r)
	}
	return r
}

func network(r *result.Result) { r.NetworkFailure = true }
func titled(title string) func(*result.Result) {
	return func(r *result.Result) { r.PageTitle = title }
}
func at(url string) func(*result.Result) { return func(r *result.Result) { r.URL = url } }

// replay merges each run in turn, run i at runAt(i), and returns the last.
func replay(failAfter int, runs ...[]result.Result) Merged {
	var prev *State
	var m Merged
	for i, results := range runs {
		m = Merge(prev, results, runAt(i), Options{FailAfter: failAfter})
		prev = m.State
	}
	return m
}

func TestMergeTransitions(t *testing.T) {
	type want struct {
		change      result.Change
		since       int // run index
		runs        int
		failingRuns int
		pending     bool
	}
	tests := []struct {
		name      string
		failAfter int
		runs      [][]result.Result
		want      want
	}{
		{"no history is new", 1,
			[][]result.Result{{link("a", status.Broken)}},
			want{result.ChangeNew, 0, 1, 0, false}},
		{"same status extends the streak", 1,
			[][]result.Result{{link("a", status.Broken)}, {link("a", status.Broken)}, {link("a", status.Broken)}},
			want{result.ChangeSame, 0, 3, 0, false}},
		{"a status change mid-streak starts a new one", 1,
			[][]result.Result{{link("a", status.Moved)}, {link("a", status.Moved)}, {link("a", status.Broken)}},
			want{result.ChangeNew, 2, 1, 0, false}},
		{"ok after broken is new", 1,
			[][]result.Result{{link("a", status.Broken)}, {link("a", status.OK)}},
			want{result.ChangeNew, 1, 1, 0, false}},
		{"fail-after 2: a first DNS failure is pending", 2,
			[][]result.Result{{link("a", status.OK)}, {link("a", status.Broken, network)}},
			want{result.ChangeNew, 1, 1, 1, true}},
		{"fail-after 2: a second DNS failure counts", 2,
			[][]result.Result{{link("a", status.Broken, network)}, {link("a", status.Broken, network)}},
			want{result.ChangeSame, 0, 2, 2, false}},
		{"fail-after 2: a 404 counts at once", 2,
			[][]result.Result{{link("a", status.Broken)}},
			want{result.ChangeNew, 0, 1, 0, false}},
		{"fail-after 3: timeout then error are two failing runs", 3,
			[][]result.Result{{link("a", status.Timeout)}, {link("a", status.Error)}},
			want{result.ChangeNew, 1, 1, 2, true}},
		{"fail-after 3: the third transient run counts", 3,
			[][]result.Result{{link("a", status.Timeout)}, {link("a", status.Error)}, {link("a", status.Error)}},
			want{result.ChangeSame, 1, 2, 3, false}},
		{"fail-after 2: an ok run resets the count", 2,
			[][]result.Result{{link("a", status.Timeout)}, {link("a", status.OK)}, {link("a", status.Timeout)}},
			want{result.ChangeNew, 2, 1, 1, true}},
		{"fail-after 1 never waits", 1,
			[][]result.Result{{link("a", status.Timeout)}},
			want{result.ChangeNew, 0, 1, 1, false}},
		{"fail-after 2: a 404 after a DNS failure counts at once", 2,
			[][]result.Result{{link("a", status.Broken, network)}, {link("a", status.Broken)}},
			want{result.ChangeSame, 0, 2, 0, false}},
		{"a renamed entry starts fresh", 1,
			[][]result.Result{{link("a", status.Broken)}, {link("b", status.Broken)}},
			want{result.ChangeNew, 1, 1, 0, false}},
		{"a skipped run keeps the streak", 1,
			[][]result.Result{{link("a", status.Broken)}, {link("a", status.Skipped)}, {link("a", status.Broken)}},
			want{result.ChangeSame, 0, 2, 0, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := replay(tt.failAfter, tt.runs...)
			h := m.Results[0].History
			got := want{h.Change, -1, h.Runs, h.FailingRuns, h.Pending}
			for i := range tt.runs {
				if h.Since.Equal(runAt(i)) {
					got.since = i
				}
			}
			if got != tt.want {
				t.Errorf("history = %+v, want %+v", got, tt.want)
			}
			if h.Pending && h.FailAfter != tt.failAfter {
				t.Errorf("FailAfter = %d, want %d", h.FailAfter, tt.failAfter)
			}
			k := KeyOf(m.Results[0])
			if st := m.State.Targets[k]; st.Runs != h.Runs || !st.Since.Equal(h.Since) || st.Status != m.Results[0].Status {
				t.Errorf("state of %s = %+v, want it to agree with the result's history %+v", k, st, h)
			}
		})
	}
}

func TestMergeResolved(t *testing.T) {
	tests := []struct {
		name string
		runs [][]result.Result
		want []Resolved
	}{
		{"broken then ok is resolved",
			[][]result.Result{{link("a", status.Broken)}, {link("a", status.Broken)}, {link("a", status.OK)}},
			[]Resolved{{ID: "a", Section: "s", Line: 7, Target: result.TargetURL, URL: "https://a.test/page",
				Previous: status.Broken, Since: runAt(0), Runs: 2}}},
		{"a retitled paper fixed is resolved",
			[][]result.Result{{paper("p", status.Retitled)}, {paper("p", status.OK)}},
			[]Resolved{{ID: "p", Target: result.TargetArxiv, Arxiv: "1706.03762", Previous: status.Retitled, Since: runAt(0), Runs: 1}}},
		{"a repository back from stale is resolved, named",
			[][]result.Result{{toolRepo("t", status.Stale)}, {toolRepo("t", status.OK)}},
			[]Resolved{{ID: "t", Section: "s", Line: 9, Target: result.TargetGitHub, URL: "https://t.test/", Repo: "o/t",
				Previous: status.Stale, Since: runAt(0), Runs: 1}}},
		{"ok then ok is not", [][]result.Result{{link("a", status.OK)}, {link("a", status.OK)}}, nil},
		{"broken then skipped is not", [][]result.Result{{link("a", status.Broken)}, {link("a", status.Skipped)}}, nil},
		{"broken then timeout is not", [][]result.Result{{link("a", status.Broken)}, {link("a", status.Timeout)}}, nil},
		{"a first ok run is not", [][]result.Result{{link("a", status.OK)}}, nil},
		{"a renamed entry is not", [][]result.Result{{link("a", status.Broken)}, {link("b", status.OK)}}, nil},
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

func TestMergeDropsRemovedTargets(t *testing.T) {
	m := replay(1,
		[]result.Result{link("a", status.Broken), paper("a", status.OK), link("b", status.OK), link("c", status.Skipped)},
		// b left the catalog, a lost its arXiv ID; c is still ignored.
		[]result.Result{link("a", status.Broken), link("c", status.Skipped)},
	)
	var keys []string
	for k := range m.State.Targets {
		keys = append(keys, k.String())
	}
	if len(keys) != 1 || keys[0] != "a/url" {
		t.Errorf("state keys = %v, want [a/url] (b and a's paper dropped, c never checked)", keys)
	}
}

func TestMergeSkippedKeepsHistory(t *testing.T) {
	m := replay(1, []result.Result{link("a", status.Moved, titled("A"))}, []result.Result{link("a", status.Skipped)})
	if h := m.Results[0].History; h.Kept() {
		t.Errorf("skipped result History = %+v, want none", h)
	}
	want := Target{Status: status.Moved, Since: runAt(0), Runs: 1, LastChecked: runAt(0), URL: "https://a.test/page", PageTitle: "A"}
	if got := m.State.Targets[KeyOf(link("a", status.OK))]; !reflect.DeepEqual(got, want) {
		t.Errorf("state after a skipped run = %+v, want %+v", got, want)
	}
}

func TestMergePageTitle(t *testing.T) {
	tests := []struct {
		name        string
		before      result.Result
		after       result.Result
		wantMessage string // "" means no title note
	}{
		{"domain for sale", link("a", status.OK, titled("SWE-bench")), link("a", status.OK, titled("Domain for sale")),
			"page title changed: “SWE-bench” → “Domain for sale”"},
		{"a reworded title", link("a", status.OK, titled("GPT-4 Technical Report | OpenAI")), link("a", status.OK, titled("GPT-4 | OpenAI")), ""},
		{"the same title", link("a", status.OK, titled("SWE-bench")), link("a", status.OK, titled("SWE-bench")), ""},
		{"another URL", link("a", status.OK, titled("SWE-bench")), link("a", status.OK, titled("Domain for sale"), at("https://new.test/")), ""},
		{"no title read this time", link("a", status.OK, titled("SWE-bench")), link("a", status.Timeout), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := replay(1, []result.Result{tt.before}, []result.Result{tt.after})
			r := m.Results[0]
			if tt.wantMessage == "" {
				if strings.Contains(r.Message, "page title changed") || r.History.PreviousTitle != "" {
					t.Errorf("message %q, previous title %q: want no title change", r.Message, r.History.PreviousTitle)
				}
				return
			}
			if !strings.Contains(r.Message, tt.wantMessage) || r.History.PreviousTitle != tt.before.PageTitle {
				t.Errorf("message %q, previous title %q: want %q, %q", r.Message, r.History.PreviousTitle, tt.wantMessage, tt.before.PageTitle)
			}
		})
	}
}

// A page that failed for a week is compared, when it answers again, with
// the title it had before.
func TestMergeTitleSurvivesAFailedRun(t *testing.T) {
	m := replay(1,
		[]result.Result{link("a", status.OK, titled("SWE-bench"))},
		[]result.Result{link("a", status.Timeout)},
		[]result.Result{link("a", status.OK, titled("Domain for sale"))})
	if !strings.Contains(m.Results[0].Message, "“SWE-bench” → “Domain for sale”") {
		t.Errorf("message = %q, want the title change since the last title seen", m.Results[0].Message)
	}
}

// A page judged dead although it answered 2xx (a soft 404, a catch-all
// redirect to the home page, a parked domain) shows a page that is not
// the link's: its title is reported that night, but the good night after
// is compared with the title the page had before, not with the dead one's.
func TestMergeTitleOfADeadPageIsNotKept(t *testing.T) {
	m := replay(1,
		[]result.Result{link("a", status.OK, titled("Agents Weekly"))},
		[]result.Result{link("a", status.Broken, titled("Welcome to Example Corp"))},
		[]result.Result{link("a", status.OK, titled("Agents Weekly"))})
	if r := m.Results[0]; strings.Contains(r.Message, "page title changed") || r.History.PreviousTitle != "" {
		t.Errorf("good night after a dead page: message %q, previous title %q: want no title change", r.Message, r.History.PreviousTitle)
	}
	if got := m.State.Targets[KeyOf(link("a", status.OK))].PageTitle; got != "Agents Weekly" {
		t.Errorf("state's page title = %q, want “Agents Weekly”", got)
	}
}

func TestMergeRemembers(t *testing.T) {
	m := replay(1,
		[]result.Result{paper("p", status.OK, func(r *result.Result) { r.Version, r.CurrentTitle = 7, "Attention" })},
		[]result.Result{paper("p", status.Error)})
	got := m.State.Targets[KeyOf(paper("p", status.OK))]
	if got.ArxivVersion != 7 || got.ArxivTitle != "Attention" || !got.LastOK.Equal(runAt(0)) || !got.LastChecked.Equal(runAt(1)) {
		t.Errorf("state after an arXiv outage = %+v, want v7, “Attention”, last ok at run 0, last checked at run 1", got)
	}
}

// Merge is pure: the previous state and the results are left as they were.
func TestMergeDoesNotModifyItsInputs(t *testing.T) {
	prev := Merge(nil, []result.Result{link("a", status.OK, titled("SWE-bench"))}, runAt(0), Options{}).State
	before, _ := Marshal(prev)
	results := []result.Result{link("a", status.OK, titled("Domain for sale"))}
	Merge(prev, results, runAt(1), Options{FailAfter: 2})
	after, _ := Marshal(prev)
	if string(before) != string(after) {
		t.Errorf("Merge changed the previous state:\n%s\nto\n%s", before, after)
	}
	if results[0].Message != "" || results[0].History.Kept() {
		t.Errorf("Merge changed its input result: %+v", results[0])
	}
}

// toolRepo is entry id's result for the GitHub repository o/t; the entry's url
// is the tool's website.
func toolRepo(id string, st status.Status) result.Result {
	return result.Result{ID: id, Section: "s", Line: 9, Target: result.TargetGitHub, URL: "https://t.test/", Repo: "o/t", Status: st}
}
