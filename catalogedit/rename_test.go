package catalogedit

import (
	"cmp"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// renameCatalog names renamed repositories in every way an entry can: in
// its github field, in its url (the root, or a page below it), in both,
// and beside another repository that was not renamed.
const renameCatalog = `version: 1
sections:
  - id: tools
    title: Tools
    resources:
      - id: tool
        title: Tool
        kind: tool
        url: https://fine.test/
        github: old-owner/tool # the code
      - {id: lib, title: Lib, kind: repo, url: "https://github.com/old-owner/lib"}
      - id: both
        title: Both
        kind: repo
        url: https://github.com/Old-Owner/both/tree/main/docs
        github: old-owner/both
      - id: two-repos
        title: Two repositories
        kind: tool
        url: https://github.com/old-owner/moved-lib
        github: kept/tool
      - id: board
        title: Board
        kind: leaderboard
        url: https://huggingface.co/spaces/old/board
`

// renameWeb adds GitHub's and the Hub's APIs, with the renames of
// renameCatalog, and github.com's pages to sites.
func renameWeb(sites map[string]http.Handler) {
	pushed := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	gh := fakeweb.NewGitHubAPI()
	gh.Add(fakeweb.GitHubRepo{FullName: "new-owner/tool", PushedAt: pushed}, "old-owner/tool")
	gh.Add(fakeweb.GitHubRepo{FullName: "new-owner/lib", PushedAt: pushed}, "old-owner/lib")
	gh.Add(fakeweb.GitHubRepo{FullName: "new-owner/both", PushedAt: pushed}, "old-owner/both")
	gh.Add(fakeweb.GitHubRepo{FullName: "new-owner/moved-lib", PushedAt: pushed}, "old-owner/moved-lib")
	gh.Add(fakeweb.GitHubRepo{FullName: "kept/tool", PushedAt: pushed})
	sites["api.github.com"] = gh
	// github.com sends a renamed repository's pages on to the new name.
	pages := http.NewServeMux()
	pages.Handle("/Old-Owner/both/", http.StripPrefix("/Old-Owner/both/", fakeweb.Redirect(http.StatusMovedPermanently, "/new-owner/both/tree/main/docs")))
	pages.Handle("/new-owner/", fakeweb.Page("new-owner", "<h1>repository</h1>"))
	sites["github.com"] = pages
	hub := fakeweb.NewHubAPI()
	hub.Add(fakeweb.HubRepo{Kind: "spaces", ID: "new/board", Stage: "RUNNING"}, "old/board")
	hub.Pages = fakeweb.Page("Board", "<h1>board</h1>")
	sites["huggingface.co"] = hub
}

// A renamed repository's new name, as the platform's API gives it, goes
// into the github field and into a url that names the repository; a
// repository that was not renamed, and an entry's website, stay.
func TestPlanRenamedRepositories(t *testing.T) {
	results := checkOnFakeWeb(t, renameCatalog, renameWeb)
	p := PlanFixes(mustLoad(t, renameCatalog), results, Kinds)
	want := []string{
		"tool github old-owner/tool → new-owner/tool",
		"lib url https://github.com/old-owner/lib → https://github.com/new-owner/lib",
		// The page's own 301 says the same as the API: one fix.
		"both url https://github.com/Old-Owner/both/tree/main/docs → https://github.com/new-owner/both/tree/main/docs",
		"both github old-owner/both → new-owner/both",
		"two-repos url https://github.com/old-owner/moved-lib → https://github.com/new-owner/moved-lib",
		"board url https://huggingface.co/spaces/old/board → https://huggingface.co/spaces/new/board",
	}
	var got []string
	for _, f := range p.Fixes {
		got = append(got, f.ID+" "+string(f.Field)+" "+f.Old+" → "+f.New)
		if f.Status != status.Moved || !strings.Contains(f.Evidence, "API answers for") && !strings.HasPrefix(f.Evidence, "301 ") {
			t.Errorf("fix %s: status %s, evidence %q; want moved on the API's word", f.Describe(), f.Status, f.Evidence)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("fixes:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(p.Human) != 0 || len(p.Stale) != 0 {
		t.Errorf("needs a human %+v, stale %+v; want none", p.Human, p.Stale)
	}

	out, applied, skipped, err := Apply("resources.yaml", []byte(renameCatalog), p.Fixes)
	if err != nil || len(applied) != len(want) || len(skipped) != 0 {
		t.Fatalf("Apply: applied %d of %d, skipped %+v, err %v", len(applied), len(want), skipped, err)
	}
	fixed := strings.NewReplacer(
		"github: old-owner/tool # the code", "github: new-owner/tool # the code",
		`"https://github.com/old-owner/lib"`, `"https://github.com/new-owner/lib"`,
		"github.com/Old-Owner/both/tree", "github.com/new-owner/both/tree",
		"github: old-owner/both", "github: new-owner/both",
		"github.com/old-owner/moved-lib", "github.com/new-owner/moved-lib",
		"spaces/old/board", "spaces/new/board",
	).Replace(renameCatalog)
	if string(out) != fixed {
		t.Fatalf("fixed catalog =\n%s\nwant\n%s", out, fixed)
	}
	again := PlanFixes(mustLoad(t, fixed), checkOnFakeWeb(t, fixed, renameWeb), Kinds)
	if len(again.Fixes) != 0 || len(again.Human) != 0 {
		t.Errorf("the fixed catalog still has fixes:\n%s\nor needs a human: %+v", describeAll(again.Fixes), again.Human)
	}
}

// Each rule of a rename, on results as a saved run may hold them.
func TestPlanRenameRules(t *testing.T) {
	entry := "      - id: a\n        title: A\n        kind: tool\n        url: URL\n        github: old/a\n"
	gh := func(repo, current, final string, code int) result.Result {
		return result.Result{Target: result.TargetGitHub, Repo: repo, CurrentRepo: current, FinalURL: final, Code: code}
	}
	tests := []struct {
		name    string
		url     string
		res     result.Result
		fixes   []string // "field new"
		human   string
		stale   string
		catalog string // the entry, when not entry
	}{
		{"github field", "https://a.test/", gh("old/a", "new/a", "", 200), []string{"github new/a"}, "", "", ""},
		{"github field already fixed", "https://a.test/", gh("old/a", "new/a", "", 200), nil, "", "",
			strings.Replace(entry, "github: old/a", "github: new/a", 1)},
		{"github field edited since", "https://a.test/", gh("old/a", "new/a", "", 200), nil, "", `its github is now "other/a", not "old/a"`,
			strings.Replace(entry, "github: old/a", "github: other/a", 1)},
		{"no new name", "https://a.test/", gh("old/a", "", "", 200), nil, "no new name", "", ""},
		{"no API answer", "https://a.test/", gh("old/a", "new/a", "", 0), nil, "the API's answer was 0", "", ""},
		{"url and field", "https://github.com/old/a", gh("old/a", "new/a", "https://github.com/new/a", 200),
			[]string{"github new/a", "url https://github.com/new/a"}, "", "", ""},
		{"an http url gets the https address", "http://github.com/old/a", gh("old/a", "new/a", "https://github.com/new/a", 200),
			[]string{"github new/a", "url https://github.com/new/a"}, "", "", ""},
		{"never http in place of https", "https://github.com/old/a", gh("old/a", "new/a", "http://github.com/new/a", 200),
			[]string{"github new/a"}, "which is not https", "", ""},
		{"another repository in the url", "https://github.com/other/b", gh("other/b", "new/b", "https://github.com/new/b", 200),
			[]string{"url https://github.com/new/b"}, "", "", ""},
		{"Hub without a new address", "https://huggingface.co/old/m",
			result.Result{Target: result.TargetHuggingFace, Repo: "old/m", CurrentRepo: "new/m", Code: 200}, nil, "recorded no new address", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(cmp.Or(tt.catalog, entry), "URL", tt.url, 1)
			res := tt.res
			res.ID, res.URL, res.Status = "a", tt.url, status.Moved
			p := PlanFixes(mustLoad(t, doc(src)), []result.Result{res}, Kinds)
			var got []string
			for _, f := range p.Fixes {
				got = append(got, string(f.Field)+" "+f.New)
			}
			if strings.Join(got, ",") != strings.Join(tt.fixes, ",") {
				t.Errorf("fixes %v, want %v", got, tt.fixes)
			}
			if tt.human == "" && len(p.Human) > 0 || tt.human != "" && (len(p.Human) != 1 || !strings.Contains(p.Human[0].Reason, tt.human)) {
				t.Errorf("needs a human %+v, want %q", p.Human, tt.human)
			}
			if tt.stale == "" && len(p.Stale) > 0 || tt.stale != "" && (len(p.Stale) != 1 || !strings.Contains(p.Stale[0].Reason, tt.stale)) {
				t.Errorf("stale %+v, want %q", p.Stale, tt.stale)
			}
		})
	}
}

// Two findings that would write one value differently leave it to a
// human; the values they agree on are still fixed.
func TestPlanDisagreeingFindings(t *testing.T) {
	const u = "https://github.com/old/a/tree/main"
	cat := mustLoad(t, doc("      - {id: a, title: A, kind: repo, url: \""+u+"\", github: old/a}\n"))
	page := result.Result{ID: "a", Target: result.TargetURL, URL: u, Status: status.Moved, Code: 200,
		FinalURL: "https://elsewhere.test/a", Redirects: []result.Hop{{URL: u, Code: 301}}}
	api := result.Result{ID: "a", Target: result.TargetGitHub, URL: u, Status: status.Moved, Code: 200,
		Repo: "old/a", CurrentRepo: "new/a", FinalURL: "https://github.com/new/a/tree/main"}
	for _, order := range [][]result.Result{{page, api}, {api, page}, {page, api, page}} {
		p := PlanFixes(cat, order, Kinds)
		if len(p.Fixes) != 1 || p.Fixes[0].Field != FieldGitHub || p.Fixes[0].New != "new/a" {
			t.Errorf("fixes %s, want only github → new/a", describeAll(p.Fixes))
		}
		if len(p.Human) != 1 || !strings.Contains(p.Human[0].Reason, "two findings disagree on the new url") {
			t.Errorf("needs a human %+v, want the url, saying the findings disagree", p.Human)
		}
	}
}
