package catalogedit

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// runCatalog has a moved post, a dead one and a fine one whose address the
// moved post could collide with.
const runCatalog = `version: 1
sections:
  - id: posts
    title: Posts
    resources:
      - id: moved
        title: Moved # since spring
        kind: post
        url: https://old.test/post
      - {id: fine, title: Fine, kind: post, url: "https://fine.test/page"}
      - id: dead
        title: Dead
        kind: post
        url: https://dead.test/x
`

// moved is a result of the check: the entry's url answered 301 to, and
// 200 at, to.
func moved(id, from, to string) result.Result {
	return result.Result{ID: id, Target: result.TargetURL, URL: from, Status: status.Moved,
		Code: 200, FinalURL: to, Redirects: []result.Hop{{Code: 301, URL: from}}}
}

func runResults(to string) []result.Result {
	return []result.Result{
		moved("moved", "https://old.test/post", to),
		{ID: "fine", Target: result.TargetURL, URL: "https://fine.test/page", Status: status.OK, Code: 200},
		{ID: "dead", Target: result.TargetURL, URL: "https://dead.test/x", Status: status.Broken, Code: 404, Message: "HTTP 404"},
		{ID: "removed", Target: result.TargetURL, URL: "https://gone.test/", Status: status.Broken, Code: 404, Message: "HTTP 404"},
	}
}

// Run prints, writes and refuses as its options say: the catalog is
// rewritten only when asked and allowed, what is printed goes to Out or to
// Output, and what is for people to Err, in the order a terminal shows it.
func TestRun(t *testing.T) {
	const fixedURL = "url: https://new.test/post\n"
	const changes = "resources.yaml:6: moved: url https://old.test/post → https://new.test/post (moved: 301 https://old.test/post → https://new.test/post (200))\n"
	const human = "needs a human (1):\n  resources.yaml:11: dead (broken): HTTP 404\n"
	const headline = "1 change to resources.yaml; 1 entry needs a human\n"
	const warn = "skipped removed (broken): no entry with this id in the catalog any more\n"
	tests := []struct {
		name    string
		opts    Options
		to      string // where the moved post went
		output  bool   // print to a file rather than Out
		out     string // printed, on Out or in the output file
		err     string // on Err
		changed bool   // the catalog was rewritten
		refused bool
	}{
		{name: "fix", to: "https://new.test/post",
			out: changes + human, err: headline, changed: true},
		{name: "fix to a file", to: "https://new.test/post", output: true,
			out: changes + human, err: headline, changed: true},
		{name: "dry run", opts: Options{DryRun: true}, to: "https://new.test/post",
			out: "--- a/resources.yaml\n+++ b/resources.yaml\n@@ -6,7 +6,7 @@\n       - id: moved\n         title: Moved # since spring\n         kind: post\n-        url: https://old.test/post\n+        " + fixedURL + "       - {id: fine, title: Fine, kind: post, url: \"https://fine.test/page\"}\n       - id: dead\n         title: Dead\n",
			err: human + "1 change to resources.yaml (dry run: nothing written); 1 entry needs a human\n"},
		{name: "markdown", opts: Options{Format: FormatMarkdown}, to: "https://new.test/post",
			out:     "## linkcheck fix: " + strings.TrimSuffix(headline, "\n") + "\n\n| Entry | Line | Field | Old | New | Evidence |\n|---|---|---|---|---|---|\n| moved | 6 | url | https://old.test/post | https://new.test/post | moved: 301 https://old.test/post → https://new.test/post (200) |\n\n### Needs a human (1)\n\n| Entry | Line | Status | Why |\n|---|---|---|---|\n| dead | 11 | broken | HTTP 404 |\n\n",
			changed: true},
		{name: "only what is not found", opts: Options{Only: status.NewSet(status.Retitled)}, to: "https://new.test/post",
			out: human, err: "nothing to fix in resources.yaml; 1 moved not applied: --only retitled; 1 entry needs a human\n"},
		{name: "a move onto another entry's address", to: "https://fine.test/page",
			err: "after the fix: resources.yaml:10:50: duplicate url (same as \"moved\" at line 9)\n", refused: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if err := os.WriteFile("resources.yaml", []byte(runCatalog), 0o644); err != nil {
				t.Fatal(err)
			}
			var out, errb bytes.Buffer
			var warned []string
			opts := tt.opts
			opts.Out, opts.Err = &out, &errb
			opts.Warn = func(msg string) { warned = append(warned, msg+"\n") }
			if tt.output {
				opts.Output = "pr-body.txt"
			}
			o, err := Run(context.Background(), "resources.yaml", mustLoad(t, runCatalog), runResults(tt.to), opts)
			var refused *RefusedError
			switch {
			case tt.refused && !errors.As(err, &refused):
				t.Fatalf("Run = %v, want a *RefusedError", err)
			case !tt.refused && err != nil:
				t.Fatalf("Run = %v", err)
			case tt.refused && (len(refused.Problems) != 1 || !strings.Contains(err.Error(), "would be invalid (1 problem); nothing was written")):
				t.Errorf("Run = %v with problems %v, want the one problem the fix would cause", err, refused.Problems)
			}
			printed := out.String()
			if tt.output {
				if printed != "" {
					t.Errorf("Out got %q, want nothing when printing to a file", printed)
				}
				data, _ := os.ReadFile(opts.Output)
				printed = string(data)
			}
			if printed != tt.out {
				t.Errorf("printed:\n%s\nwant:\n%s", printed, tt.out)
			}
			if errb.String() != tt.err {
				t.Errorf("Err:\n%s\nwant:\n%s", errb.String(), tt.err)
			}
			if strings.Join(warned, "") != warn {
				t.Errorf("warned %q, want %q", warned, warn)
			}
			data, _ := os.ReadFile("resources.yaml")
			want := runCatalog
			if tt.changed {
				want = strings.Replace(runCatalog, "url: https://old.test/post\n", fixedURL, 1)
			}
			if string(data) != want {
				t.Errorf("the catalog after Run:\n%s\nwant:\n%s", data, want)
			}
			if !tt.refused && (o.Catalog != "resources.yaml" || len(o.Human) != 1) {
				t.Errorf("Run's outcome = %+v, want resources.yaml's with one finding for a human", o)
			}
			if left, _ := filepath.Glob(".*"); len(left) > 0 {
				t.Errorf("temporary files left behind: %v", left)
			}
		})
	}
}

// The catalog is written last: an Output that cannot be written, or a run
// stopped before writing, leaves it byte for byte as it was, with nothing
// printed and nothing left beside it.
func TestRunWritesTheCatalogLast(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name   string
		ctx    context.Context
		output string
		want   func(error) bool
	}{
		{"an output in a missing directory", context.Background(), filepath.Join("missing", "pr-body.md"),
			func(err error) bool { var w *WriteError; return errors.As(err, &w) }},
		{"an output that is a directory", context.Background(), ".",
			func(err error) bool { var w *WriteError; return errors.As(err, &w) }},
		{"stopped before writing", cancelled, "pr-body.md",
			func(err error) bool { return errors.Is(err, context.Canceled) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			if err := os.WriteFile("resources.yaml", []byte(runCatalog), 0o644); err != nil {
				t.Fatal(err)
			}
			var out, errb bytes.Buffer
			_, err := Run(tt.ctx, "resources.yaml", mustLoad(t, runCatalog), runResults("https://new.test/post"),
				Options{Output: tt.output, Out: &out, Err: &errb})
			if !tt.want(err) {
				t.Errorf("Run = %v (%T), not the error wanted", err, err)
			}
			if data, _ := os.ReadFile("resources.yaml"); string(data) != runCatalog {
				t.Errorf("the catalog changed:\n%s", data)
			}
			if out.Len() > 0 || errb.Len() > 0 {
				t.Errorf("Run printed %q and %q, want nothing", out.String(), errb.String())
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("files beside the catalog: %v, want none", entries)
			}
		})
	}
}

// A catalog Run cannot read or edit is refused, naming it.
func TestRunRefusesWhatItCannotRead(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "resources.yaml")
	_, err := Run(context.Background(), path, mustLoad(t, runCatalog), runResults("https://new.test/post"), Options{})
	var refused *RefusedError
	if !errors.As(err, &refused) || !strings.Contains(err.Error(), "read catalog "+path) {
		t.Errorf("Run of a missing file = %v, want a *RefusedError naming it", err)
	}
	if err := os.WriteFile(path, []byte("version: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Run(context.Background(), path, mustLoad(t, runCatalog), runResults("https://new.test/post"), Options{})
	if !errors.As(err, &refused) || !strings.HasSuffix(err.Error(), "; nothing was written") {
		t.Errorf("Run of a file that is no longer YAML = %v, want a *RefusedError saying nothing was written", err)
	}
}
