package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPinnedArxivVersionInJSON runs the real checker against the fake arXiv
// API (latest v7) on a catalog pinning v5, in every spelling a catalog may
// use, and reads the JSON it writes: each result's arxiv field keeps the
// pinned version, so a consumer can say "v5 → v7", and re-rendering the
// saved run says so too.
func TestPinnedArxivVersionInJSON(t *testing.T) {
	c := newCLI(t)
	writeFile(t, filepath.Join(c.dir, "resources.yaml"), `version: 1
sections:
  - id: papers
    title: Papers
    resources:
      - id: pinned
        title: Attention Is All You Need
        kind: paper
        arxiv: "1706.03762v5"
      - id: prefixed
        title: Attention Is All You Need
        kind: paper
        arxiv: "arXiv:1706.03762V5"
      - id: by-url
        title: Attention Is All You Need
        kind: paper
        arxiv: https://arxiv.org/abs/1706.03762v5
      - id: latest
        title: Attention Is All You Need
        kind: paper
        arxiv: "1706.03762"
      - id: ignored
        title: Attention Is All You Need
        kind: paper
        arxiv: "1706.03762v5"
        ignore: {reason: "kept as is", until: 2999-01-01}
`)
	results := filepath.Join(c.dir, "results.json")
	if code, _, stderr := c.run("check", "--format", "json", "--output", results, "--fail-on", "broken"); code != exitOK {
		t.Fatalf("check exited %d: %s", code, stderr)
	}
	data, err := os.ReadFile(results)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Results []struct {
			ID, Arxiv, Status string
			Version           int
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("results.json: %v", err)
	}
	want := map[string]struct{ arxiv, status string }{
		"pinned":   {"1706.03762v5", "updated"},
		"prefixed": {"1706.03762v5", "updated"},
		"by-url":   {"1706.03762v5", "updated"},
		"latest":   {"1706.03762", "ok"},
		"ignored":  {"1706.03762v5", "skipped"},
	}
	if len(doc.Results) != len(want) {
		t.Fatalf("got %d results, want %d:\n%s", len(doc.Results), len(want), data)
	}
	for _, r := range doc.Results {
		w := want[r.ID]
		if r.Arxiv != w.arxiv || r.Status != w.status {
			t.Errorf("%s: arxiv %q status %s, want arxiv %q status %s", r.ID, r.Arxiv, r.Status, w.arxiv, w.status)
		}
	}

	code, stdout, stderr := c.run("report", "--from", results, "--format", "markdown")
	if code != exitOK {
		t.Fatalf("report --from exited %d: %s", code, stderr)
	}
	if n := strings.Count(stdout, "v5 → v7 (2023-08-02)"); n != 3 {
		t.Errorf("report --from says \"v5 → v7 (2023-08-02)\" %d times, want 3 (one per pinned entry):\n%s", n, stdout)
	}
}
