package state

import (
	"errors"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// An entry with two repositories writes a name for each; an entry with one
// target of a kind keeps the ID/TARGET name every v1 state has.
func TestMarshalNamesEachRepository(t *testing.T) {
	s := Merge(nil, []result.Result{
		link("a", status.OK), paper("a", status.OK), repo("a", "acme/tool", status.OK),
		repo("e", "acme/tool", status.OK), repo("e", "Acme/Old-Tool", status.Broken),
	}, runAt(0), Options{}).State
	data, err := Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"a/url": {`, `"a/arxiv": {`, `"a/github": {`, `"e/github/acme/tool": {`, `"e/github/acme/old-tool": {`, `"repo": "Acme/Old-Tool"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("state file lacks %s:\n%s", want, data)
		}
	}
	back, err := parse("state.json", data)
	if err != nil {
		t.Fatalf("parse(Marshal(s)): %v", err)
	}
	for k := range s.Targets {
		if _, ok := back.Targets[k]; !ok {
			t.Errorf("%s (%s) lost in the round trip", k, k.Subject)
		}
	}
}

// stateV1 is a state written before targets named their repository: a
// repository's history is keyed by entry and kind alone.
const stateV1 = `{
  "schema": "linkcheck.state/v1",
  "targets": {
    "a/url": {"last_checked": "2026-11-02T06:00:00Z", "runs": 1, "since": "2026-11-02T06:00:00Z", "status": "broken", "url": "https://a.test/page"},
    "r/github": {"last_checked": "2026-11-02T06:00:00Z", "runs": 1, "since": "2026-11-02T06:00:00Z", "status": "error", "failing_runs": 1, "url": "https://github.com/acme/tool"}
  },
  "updated_at": "2026-11-02T06:00:00Z"
}`

// A state of an earlier version keeps its history where its target still
// matches: a URL by its url, a repository when the entry has only one of
// the kind and its url is unchanged.
func TestMergeOldState(t *testing.T) {
	tests := []struct {
		name    string
		results []result.Result
		want    map[string]int // ID/TARGET/SUBJECT → runs
	}{
		{"unchanged targets keep their history",
			[]result.Result{link("a", status.Broken), repo("r", "acme/tool", status.Error)},
			map[string]int{"a/url": 2, "r/github/acme/tool": 2}},
		{"a changed URL starts afresh",
			[]result.Result{link("a", status.Broken, at("https://a.test/new")), repo("r", "acme/tool", status.Error)},
			map[string]int{"a/url": 1, "r/github/acme/tool": 2}},
		{"an entry now naming two repositories starts both afresh",
			[]result.Result{link("a", status.Broken), repo("r", "acme/tool", status.Error), repo("r", "acme/other", status.Error)},
			map[string]int{"a/url": 2, "r/github/acme/tool": 1, "r/github/acme/other": 1}},
		{"a repository whose entry's url changed starts afresh",
			[]result.Result{link("a", status.Broken), repo("r", "acme/tool", status.Error, at("https://tool.test/"))},
			map[string]int{"a/url": 2, "r/github/acme/tool": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prev, err := parse("state.json", []byte(stateV1))
			if err != nil {
				t.Fatalf("an earlier version's state: %v", err)
			}
			m := Merge(prev, tt.results, runAt(1), Options{})
			got := map[string]int{}
			for _, r := range m.Results {
				name := r.ID + "/" + string(r.Target)
				if r.Target == result.TargetGitHub {
					name += "/" + r.Repo
				}
				got[name] = r.History.Runs
			}
			for name, runs := range tt.want {
				if got[name] != runs {
					t.Errorf("%s: %d runs, want %d", name, got[name], runs)
				}
			}
			for k, tg := range m.State.Targets {
				if k.Target == result.TargetGitHub && (k.Subject == "" || tg.Repo == "") {
					t.Errorf("%s: the new state does not name its repository", k)
				}
			}
		})
	}
}

func TestLoadRepositoryNames(t *testing.T) {
	target := `{"last_checked": "2026-11-02T06:00:00Z", "runs": 1, "since": "2026-11-02T06:00:00Z", "status": "ok"%s}`
	doc := func(targets ...string) string {
		return `{"schema": "linkcheck.state/v1", "targets": {` + strings.Join(targets, ", ") + `}}`
	}
	tests := []struct {
		name string
		data string
		want string // "" for a state that loads, else part of the error
	}{
		{"a name and its repository", doc(`"e/github/acme/tool": ` + strings.Replace(target, "%s", `, "repo": "Acme/Tool"`, 1)), ""},
		{"a name without its repository field", doc(`"e/github/acme/tool": ` + strings.Replace(target, "%s", "", 1)), ""},
		{"a name that is not its repository", doc(`"e/github/acme/tool": ` + strings.Replace(target, "%s", `, "repo": "acme/other"`, 1)), `names "acme/tool"`},
		{"a repository twice", doc(`"e/github": `+strings.Replace(target, "%s", `, "repo": "acme/tool"`, 1),
			`"e/github/acme/tool": `+strings.Replace(target, "%s", "", 1)), "the same target twice"},
		{"an empty name", doc(`"e/github/": ` + strings.Replace(target, "%s", "", 1)), "want a key of the form"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := parse("state.json", []byte(tt.data))
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("parse = %v, want a state", err)
			case tt.want == "" && s.Targets[Key{ID: "e", Target: result.TargetGitHub, Subject: "acme/tool"}].Repo == "":
				t.Errorf("targets = %+v, want e's acme/tool with its repository", s.Targets)
			case tt.want != "":
				var ce *CorruptError
				if !errors.As(err, &ce) || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("parse = %v, want a *CorruptError saying %q", err, tt.want)
				}
			}
		})
	}
}
