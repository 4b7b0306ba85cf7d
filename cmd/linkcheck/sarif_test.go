package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// reflowedCatalog is testCatalog reformatted: a comment and blank lines
// added, flow style for one entry, a wider indent and the posts in
// another order. Nothing a maintainer would call a change of the list.
const reflowedCatalog = `# The reading list.
version: 1

sections:
    -   id: papers
        title: Papers
        resources:

            -   id: attention
                title: Attention Is All You Need
                kind: paper
                arxiv: "1706.03762v5"
    -   id: posts
        title: Posts
        resources:
            -   {id: moved-post, title: A moved post, kind: post, url: "https://old.test/post"}

            -   id: gone-post
                title: A gone post
                kind: post
                # it was here last year
                url: https://gone.test/post
            -   id: fine-post
                title: A fine post
                kind: post
                url: https://ok.test/fine
`

// sarifDoc is the part of a SARIF log this test reads.
type sarifDoc struct {
	Runs []struct {
		Results []struct {
			RuleID    string `json:"ruleId"`
			Level     string `json:"level"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
	} `json:"runs"`
}

// A SARIF alert points at the target's key in the catalog, by its path
// from the repository root, and keeps its fingerprint when the catalog is
// reflowed, so that code scanning neither loses nor duplicates it.
func TestSARIFLocatesAndSurvivesReflow(t *testing.T) {
	c := newCLI(t)
	// The repository root is the test's directory; the catalogs live in
	// lists/ below it, and the command runs from elsewhere.
	if err := os.Mkdir(filepath.Join(c.dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(c.dir, "lists"), 0o755); err != nil {
		t.Fatal(err)
	}
	// A pinned version makes the paper an alert too, at its arxiv key.
	original := strings.Replace(testCatalog, `arxiv: "1706.03762"`, `arxiv: "1706.03762v5"`, 1)
	catalogs := map[string]string{"original.yaml": original, "reflowed.yaml": reflowedCatalog}
	fingerprints := map[string]map[string]string{} // catalog → rule+fingerprint → line
	for name, text := range catalogs {
		path := filepath.Join(c.dir, "lists", name)
		writeFile(t, path, text)
		code, stdout, stderr := c.run("check", "--format", "sarif", "--fail-on", "broken", "--catalog", path)
		if code != exitFailing {
			t.Fatalf("check %s exited %d, want %d: %s", name, code, exitFailing, stderr)
		}
		var doc sarifDoc
		if err := json.Unmarshal([]byte(stdout), &doc); err != nil || len(doc.Runs) != 1 {
			t.Fatalf("check %s wrote no SARIF log (%v):\n%s", name, err, stdout)
		}
		lines := strings.Split(text, "\n")
		fingerprints[name] = map[string]string{}
		for _, r := range doc.Runs[0].Results {
			loc := r.Locations[0].PhysicalLocation
			if want := "lists/" + name; loc.ArtifactLocation.URI != want {
				t.Errorf("%s: %s alert in %q, want %q", name, r.RuleID, loc.ArtifactLocation.URI, want)
			}
			line, col := loc.Region.StartLine, loc.Region.StartColumn
			if line < 1 || line > len(lines) || col < 1 || col > len(lines[line-1]) {
				t.Fatalf("%s: %s alert at %d:%d, outside the file", name, r.RuleID, line, col)
			}
			at := strings.TrimLeft(lines[line-1][col-1:], `"`)
			if end := strings.IndexAny(at, `" }`); end >= 0 {
				at = at[:end]
			}
			if !strings.HasPrefix(at, "https://") && !strings.HasPrefix(at, "1706.03762") {
				t.Errorf("%s: %s alert at %d:%d points at %q, not a url or arxiv value", name, r.RuleID, line, col, at)
			}
			fp := r.PartialFingerprints["linkcheckFinding/v1"]
			if fp == "" {
				t.Errorf("%s: %s alert has no fingerprint: %v", name, r.RuleID, r.PartialFingerprints)
			}
			fingerprints[name][r.RuleID+" "+fp] = at
		}
	}
	orig, reflowed := fingerprints["original.yaml"], fingerprints["reflowed.yaml"]
	if len(orig) != 3 {
		t.Fatalf("only %d alerts in the original: %v", len(orig), orig)
	}
	for key, at := range orig {
		if reflowed[key] != at {
			t.Errorf("alert %s on %s lost in the reflowed catalog (it has %v)", key, at, reflowed)
		}
	}
	if len(reflowed) != len(orig) {
		t.Errorf("%d alerts after the reflow, %d before", len(reflowed), len(orig))
	}
}

// A SARIF report GitHub would refuse is not written: exit 3, with the
// limit named and what to do, and nothing on stdout or in --output.
func TestSARIFOverGitHubLimits(t *testing.T) {
	c := newCLI(t)
	var b strings.Builder
	b.WriteString(`{"schema": "linkcheck.report/v1", "catalog": "resources.yaml", "duration_ms": 1, "summary": {}, "results": [`)
	for i := range 25001 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": "e%d", "line": %d, "target": "url", "url": "https://gone.test/%d", "status": "broken", "code": 404}`, i, 3+4*i, i)
	}
	b.WriteString("]}\n")
	saved := filepath.Join(c.dir, "big.json")
	writeFile(t, saved, b.String())
	out := filepath.Join(c.dir, "big.sarif")
	for _, args := range [][]string{
		{"report", "--from", saved, "--format", "sarif"},
		{"report", "--from", saved, "--format", "sarif", "-o", out},
	} {
		code, stdout, stderr := c.run(args...)
		if code != exitCannotCheck || stdout != "" || !strings.Contains(stderr, "25001 results, over GitHub code scanning's limit of 25000") {
			t.Errorf("linkcheck %v = exit %d, %d bytes on stdout, stderr %q; want 3, nothing, and the limit named", args, code, len(stdout), stderr)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("--output %s was written (%v)", out, err)
	}
}
