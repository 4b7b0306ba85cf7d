package catalogedit

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

func TestPlanArchived(t *testing.T) {
	const cat = `version: 1
sections:
  - id: posts
    title: Posts
    resources:
      - {id: dead, title: A, kind: post, url: "https://dead.test/a?x=1"}
      - {id: kept, title: B, kind: post, url: https://kept.test/b, archive: "https://web.archive.org/web/20200101000000/https://kept.test/b"}
      - {id: edited, title: C, kind: post, url: https://edited.test/new}
`
	const copyA = "https://web.archive.org/web/20230512083000/https://dead.test/a?x=1"
	gone := func(id, url, archive string) result.Result {
		return result.Result{ID: id, Target: result.TargetURL, URL: url, Status: status.Broken, Code: 404,
			Message: "HTTP 404", ArchiveURL: archive, ArchivedAt: time.Date(2023, 5, 12, 8, 30, 0, 0, time.UTC)}
	}
	tests := []struct {
		name              string
		res               result.Result
		fix, human, stale string // the one fix's New, or what the Attention says
	}{
		{"a gone link with a copy", gone("dead", "https://dead.test/a?x=1", copyA), copyA, "", ""},
		{"a copy filed under another spelling", gone("dead", "https://dead.test/a?x=1", "https://web.archive.org/web/20230512083000/http://dead.test:80/a?x=1"), copyA, "", ""},
		{"no copy", gone("dead", "https://dead.test/a?x=1", ""), "", "", ""},
		{"not gone", result.Result{ID: "dead", Target: result.TargetURL, URL: "https://dead.test/a?x=1", Status: status.OK, ArchiveURL: copyA}, "", "", ""},
		{"already archived: its copy is gone too", gone("kept", "https://kept.test/b", "https://web.archive.org/web/20200101000000/https://kept.test/b"), "", "", ""},
		{"already archived: another copy found", gone("kept", "https://kept.test/b", "https://web.archive.org/web/20230512083000/https://kept.test/b"),
			"", "the newest capture of the live page is https://web.archive.org/web/20230512083000/https://kept.test/b: check it and replace archive", ""},
		{"a copy that is no capture", gone("dead", "https://dead.test/a?x=1", "https://archive.ph/abcd"), "", "no Wayback Machine capture", ""},
		{"the url changed since", gone("edited", "https://edited.test/old", "https://web.archive.org/web/20230512083000/https://edited.test/old"), "", "", "run the check again"},
		{"the entry is gone", gone("removed", "https://removed.test/", "https://web.archive.org/web/20230512083000/https://removed.test/"), "", "", ""},
		{"a paper's result", result.Result{ID: "dead", Target: result.TargetArxiv, Status: status.Broken, ArchiveURL: copyA}, "", "", ""},
	}
	c, err := catalog.Parse("c.yaml", strings.NewReader(cat))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p Plan
			p.PlanArchived(c, []result.Result{tt.res})
			switch {
			case tt.fix != "" && (len(p.Fixes) != 1 || p.Fixes[0].New != tt.fix || p.Fixes[0].Old != "" || p.Fixes[0].Field != FieldArchive):
				t.Errorf("fixes = %+v, want one adding archive %s", p.Fixes, tt.fix)
			case tt.fix == "" && len(p.Fixes) != 0:
				t.Errorf("fixes = %+v, want none", p.Fixes)
			}
			if got := attentions(p.Human); (tt.human == "") != (got == "") || !strings.Contains(got, tt.human) {
				t.Errorf("human = %q, want %q", got, tt.human)
			}
			if got := attentions(p.Stale); (tt.stale == "") != (got == "") || !strings.Contains(got, tt.stale) {
				t.Errorf("stale = %q, want %q", got, tt.stale)
			}
		})
	}
}

// Every case adds an archive to entry a and wants the file byte for byte:
// one new key right after url, in the entry's own style.
func TestApplyInsertsArchive(t *testing.T) {
	const copyURL = "https://web.archive.org/web/20230512083000/https://e.test/a"
	add := Fix{ID: "a", Field: FieldArchive, New: copyURL}
	tests := []struct {
		name     string
		in, want string
	}{
		{"block mapping, after url",
			doc("      - id: a\n        title: A\n        kind: post\n        url: https://e.test/a\n        tags: [x]\n"),
			doc("      - id: a\n        title: A\n        kind: post\n        url: https://e.test/a\n        archive: " + copyURL + "\n        tags: [x]\n")},
		{"after a quoted url with a comment",
			doc("      - id: a\n        url: \"https://e.test/a\" # the author's blog\n        title: A\n        kind: post\n"),
			doc("      - id: a\n        url: \"https://e.test/a\" # the author's blog\n        archive: " + copyURL + "\n        title: A\n        kind: post\n")},
		{"flow mapping",
			doc("      - {id: a, title: A, kind: post, url: https://e.test/a, tags: [x]}\n"),
			doc("      - {id: a, title: A, kind: post, url: https://e.test/a, archive: " + copyURL + ", tags: [x]}\n")},
		{"CRLF line endings, last line",
			strings.ReplaceAll(doc("      - id: a\n        title: A\n        kind: post\n        url: https://e.test/a"), "\n", "\r\n"),
			strings.ReplaceAll(doc("      - id: a\n        title: A\n        kind: post\n        url: https://e.test/a\n        archive: "+copyURL), "\n", "\r\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, applied, skipped, err := Apply("c.yaml", []byte(tt.in), []Fix{add})
			if err != nil {
				t.Fatalf("Apply: %v", err)
			}
			if len(skipped) > 0 || len(applied) != 1 {
				t.Fatalf("Apply applied %d, skipped %+v; want it applied", len(applied), skipped)
			}
			if string(out) != tt.want {
				t.Errorf("Apply =\n%q\nwant\n%q", out, tt.want)
			}
		})
	}
	// Without a url there is nothing to write it after (nor is it valid).
	in := doc("      - id: a\n        title: A\n        kind: paper\n        arxiv: 2303.11366\n")
	_, applied, skipped, err := Apply("c.yaml", []byte(in), []Fix{add})
	if err != nil || len(applied) != 0 || len(skipped) != 1 || !strings.Contains(skipped[0].Reason, "no single-line url") {
		t.Errorf("Apply without url = applied %v, skipped %+v, %v; want it skipped for want of a url", applied, skipped, err)
	}
}

// Run with Archived writes the copy, and the gone link it settles no
// longer needs a human; without it, the summary counts what --only left
// out, published DOIs included.
func TestRunArchived(t *testing.T) {
	const copyURL = "https://web.archive.org/web/20230512083000/https://dead.test/x"
	const paper = "      - id: paper\n        title: P\n        kind: paper\n        arxiv: 2303.11366\n"
	results := append(runResults("https://new.test/post"),
		result.Result{ID: "paper", Target: result.TargetArxiv, Arxiv: "2303.11366", Status: status.OK, DOI: "10.5555/1"})
	for i := range results {
		if results[i].ID == "dead" {
			results[i].ArchiveURL, results[i].ArchivedAt = copyURL, time.Date(2023, 5, 12, 8, 30, 0, 0, time.UTC)
		}
	}
	tests := []struct {
		name    string
		opts    Options
		err     string
		archive bool
	}{
		{"only archived", Options{Archived: true},
			"resources.yaml:11: dead: archive added: " + copyURL + " (archived: HTTP 404; the newest capture of the live page (2023-05-12) plays back)\n",
			true},
		{"archived left out", Options{Only: status.NewSet(status.Moved)},
			"1 change to resources.yaml; 1 published, 1 archived not applied: --only moved; 1 entry needs a human\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			src := runCatalog + paper
			if err := os.WriteFile("resources.yaml", []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			var out, errb bytes.Buffer
			opts := tt.opts
			opts.Out, opts.Err = &out, &errb
			o, err := Run(context.Background(), "resources.yaml", mustLoad(t, src), results, opts)
			if err != nil {
				t.Fatalf("Run = %v", err)
			}
			printed := out.String() + errb.String()
			if !strings.Contains(printed, tt.err) {
				t.Errorf("printed:\n%s\nwant it to hold:\n%s", printed, tt.err)
			}
			data, _ := os.ReadFile("resources.yaml")
			added := strings.Contains(string(data), "        url: https://dead.test/x\n        archive: "+copyURL+"\n")
			if added != tt.archive {
				t.Errorf("the catalog after Run:\n%s\nwant archive added: %v", data, tt.archive)
			}
			for _, h := range o.Human {
				if h.ID == "dead" && tt.archive {
					t.Errorf("Run's outcome still sends dead to a human: %+v", h)
				}
			}
		})
	}
}

// A gone link whose entry already names the copy its check found needs no
// human (the catalog was fixed since the check), unless the check had
// something to say about that copy.
func TestSettledByAHeldCopy(t *testing.T) {
	const cat = `version: 1
sections:
  - id: posts
    title: Posts
    resources:
      - {id: kept, title: B, kind: post, url: https://kept.test/b, archive: "https://web.archive.org/web/20200101000000/https://kept.test/b"}
`
	c, err := catalog.Parse("c.yaml", strings.NewReader(cat))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		note  string
		human int
	}{{"", 0}, {"the archived copy no longer plays back", 1}} {
		res := result.Result{ID: "kept", Target: result.TargetURL, URL: "https://kept.test/b", Status: status.Broken, Code: 404,
			ArchiveURL: "https://web.archive.org/web/20200101000000/https://kept.test/b", ArchiveNote: tt.note}
		p := PlanFixes(c, []result.Result{res}, Kinds)
		p.PlanArchived(c, []result.Result{res})
		if got := p.settled(nil); len(got) != tt.human {
			t.Errorf("note %q: needs a human %+v, want %d", tt.note, got, tt.human)
		}
	}
}

// A moved link whose entry has an archive is left to a human: the archive
// is a copy of the old url (validate holds them together), and the
// original answering again means the copy can go.
func TestPlanMoveWithArchive(t *testing.T) {
	cat := mustLoad(t, doc("      - {id: a, title: A, kind: post, url: https://old.test/p, archive: \"https://web.archive.org/web/20230512083000/https://old.test/p\"}\n"))
	res := result.Result{ID: "a", Target: result.TargetURL, URL: "https://old.test/p", Status: status.Moved, Code: 200,
		FinalURL: "https://new.test/p", Redirects: []result.Hop{{URL: "https://old.test/p", Code: 301}}}
	p := PlanFixes(cat, []result.Result{res}, Kinds)
	if len(p.Fixes) != 0 || len(p.Human) != 1 || !strings.Contains(p.Human[0].Reason, "remove archive and replace url") {
		t.Errorf("PlanFixes = fixes %s, human %+v; want it left to a human", describeAll(p.Fixes), p.Human)
	}
}

// The same holds for a renamed repository whose url names it.
func TestPlanRenameWithArchive(t *testing.T) {
	const old = "https://github.com/old-owner/lib"
	cat := mustLoad(t, doc("      - {id: a, title: A, kind: repo, url: \""+old+"\", archive: \"https://web.archive.org/web/20230512083000/"+old+"\"}\n"))
	res := result.Result{ID: "a", Target: result.TargetGitHub, URL: old, Repo: "old-owner/lib", CurrentRepo: "new-owner/lib",
		Status: status.Moved, Code: 200, FinalURL: "https://github.com/new-owner/lib"}
	p := PlanFixes(cat, []result.Result{res}, Kinds)
	if len(p.Fixes) != 0 || len(p.Human) != 1 || !strings.Contains(p.Human[0].Reason, "remove archive and replace url") {
		t.Errorf("PlanFixes = fixes %s, human %+v; want it left to a human", describeAll(p.Fixes), p.Human)
	}
}
