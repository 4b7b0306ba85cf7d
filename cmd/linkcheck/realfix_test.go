package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// fix on the bundled catalog, from a real check over its scripted fake web
// (realSiteCases, realPaperCases): the one moved link and the one retitled
// paper change, and nothing else in the file does.
func TestRealCatalogFix(t *testing.T) {
	cat, err := catalog.Load(realCatalog)
	if err != nil {
		t.Fatal(err)
	}
	web := serveRealCatalog(t, cat.Resources(), realSiteCases(), realPaperCases(), realRepoCases(), realSpaceCases())
	dir := t.TempDir()
	orig, err := os.ReadFile(realCatalog)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "resources.yaml")
	writeFile(t, path, string(orig))
	results := filepath.Join(dir, "results.json")
	if code, _, stderr := runLinkcheck(t, web.Web, "check", "--catalog", path, "--format", "json", "--output", results); code != exitFailing {
		t.Fatalf("check exited %d: %s", code, stderr)
	}
	start := time.Now()
	code, stdout, stderr := runLinkcheck(t, web.Web, "fix", "--catalog", path, "--from", results, "--dry-run")
	t.Logf("fix --dry-run of the bundled catalog took %v", time.Since(start).Round(time.Millisecond))
	if code != exitOK {
		t.Fatalf("fix exited %d: %s", code, stderr)
	}
	var removed, added []string
	for _, l := range strings.Split(stdout, "\n") {
		switch {
		case strings.HasPrefix(l, "---"), strings.HasPrefix(l, "+++"):
		case strings.HasPrefix(l, "-"):
			removed = append(removed, strings.TrimSpace(l[1:]))
		case strings.HasPrefix(l, "+"):
			added = append(added, strings.TrimSpace(l[1:]))
		}
	}
	wantAdded := []string{ // in catalog order
		"title: \"Toolformer: Language Models Can Teach Themselves to Use Tools and APIs\"",
		"url: https://ruder.io/state-of-transfer-learning-in-nlp/",
	}
	if len(removed) != 2 || len(added) != 2 || strings.Join(added, "\n") != strings.Join(wantAdded, "\n") {
		t.Errorf("fix --dry-run diff removes %q and adds %q, want it to add %q\n%s", removed, added, wantAdded, stdout)
	}
	for _, want := range []string{"alammar-visual-nn (broken): HTTP 404", "evalplus-paper (broken): withdrawn", "reflexion (stale): archived on GitHub"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("fix lists for a human:\n%s\nwant it to list %q", stderr, want)
		}
	}
	if now, _ := os.ReadFile(path); string(now) != string(orig) {
		t.Errorf("fix --dry-run changed the catalog")
	}
	if testing.Verbose() {
		t.Logf("fix --dry-run:\n%s%s", stdout, stderr)
	}
}
