package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

// attentionFilter is the jq program with which the weekly workflow counts
// the results that keep its tracking issue open.
func attentionFilter(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", ".github", "workflows", "links.yml"))
	if err != nil {
		t.Fatal(err)
	}
	const before, after = `attention="$(jq '`, `' results.json)"`
	_, rest, ok := strings.Cut(string(data), before)
	if !ok {
		t.Fatalf("links.yml has no %s…%s line", before, after)
	}
	filter, _, ok := strings.Cut(rest, after)
	if !ok {
		t.Fatalf("links.yml: the jq program does not end with %s", after)
	}
	return filter
}

// The tracking issue stays open for anything a maintainer should look at
// (a warning such as moved, a page whose title changed, a failure that
// lasted) and not for a transient failure still being watched.
func TestWorkflowAttentionRule(t *testing.T) {
	jq, err := exec.LookPath("jq")
	if err != nil {
		t.Skip("jq is not installed")
	}
	filter := attentionFilter(t)
	c := newCLI(t)
	writeFile(t, filepath.Join(c.dir, "resources.yaml"), testCatalog+flakyEntry)
	statePath := filepath.Join(c.dir, "state.json")
	week0 := time.Date(2026, 11, 2, 6, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return week0 }
	watched := []string{"--include", "^(attention|fine-post|flaky-post)$"}

	count := func(name string, args ...string) string {
		t.Helper()
		out := filepath.Join(c.dir, name)
		args = append([]string{"check", "--format", "json", "--output", out}, args...)
		if code, _, stderr := c.run(args...); code != exitOK && code != exitFailing {
			t.Fatalf("linkcheck %v exited %d: %s", args, code, stderr)
		}
		got, err := exec.Command(jq, filter, out).Output()
		if err != nil {
			t.Fatalf("jq %s %s: %v", filter, out, err)
		}
		return strings.TrimSpace(string(got))
	}

	if got := count("first.json", append(watched, "--state", statePath, "--fail-after", "2")...); got != "0" {
		t.Errorf("first week: %s results need attention, want 0 (a host that does not resolve is only watched)", got)
	}
	c.web.Handle("ok.test", fakeweb.Page("Domain for sale", "<p>buy</p>"))
	c.now = func() time.Time { return week0.Add(7 * 24 * time.Hour) }
	if got := count("second.json", append(watched, "--state", statePath, "--fail-after", "2")...); got != "2" {
		t.Errorf("second week: %s results need attention, want 2 (the failure that lasted, the page whose title changed)", got)
	}
	if got := count("moved.json", "--include", "^moved-post$"); got != "1" {
		t.Errorf("a moved link alone: %s results need attention, want 1", got)
	}
}

// A dead link the catalog already points at an archived copy of does not
// keep the issue open; an archive key the original no longer needs, and a
// gone link with or without a copy, do.
func TestWorkflowAttentionRuleArchive(t *testing.T) {
	jq, err := exec.LookPath("jq")
	if err != nil {
		t.Skip("jq is not installed")
	}
	filter := attentionFilter(t)
	tests := []struct {
		name   string
		result string
		want   string
	}{
		{"archived", `{"id": "a", "target": "url", "status": "archived", "archive_url": "https://web.archive.org/web/20230512083000/https://a.test/"}`, "0"},
		{"gone, with a copy", `{"id": "a", "target": "url", "status": "broken", "archive_url": "https://web.archive.org/web/20230512083000/https://a.test/"}`, "1"},
		{"gone, no copy", `{"id": "a", "target": "url", "status": "broken", "archive_note": "no archived copy of the live page"}`, "1"},
		{"the original is back", `{"id": "a", "target": "url", "status": "ok", "archive_note": "the original is back: ` + "`archive`" + ` can go"}`, "1"},
		{"ok", `{"id": "a", "target": "url", "status": "ok"}`, "0"},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "results.json")
			writeFile(t, path, `{"schema": "linkcheck.report/v1", "results": [`+tt.result+`]}`)
			got, err := exec.Command(jq, filter, path).Output()
			if err != nil {
				t.Fatalf("jq %s: %v", filter, err)
			}
			if strings.TrimSpace(string(got)) != tt.want {
				t.Errorf("%s: %s results need attention, want %s", tt.name, strings.TrimSpace(string(got)), tt.want)
			}
		})
	}
}

// workflowJob is the part of a workflow job these tests read.
type workflowJob struct {
	Permissions map[string]string `yaml:"permissions"`
	Steps       []struct {
		Name string            `yaml:"name"`
		Uses string            `yaml:"uses"`
		Run  string            `yaml:"run"`
		With map[string]string `yaml:"with"`
	} `yaml:"steps"`
}

func linksWorkflow(t *testing.T) map[string]workflowJob {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", ".github", "workflows", "links.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]workflowJob `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("links.yml: %v", err)
	}
	return wf.Jobs
}

// The SARIF upload is the only job that may write security events, and it
// uploads what linkcheck rendered as SARIF; the weekly check writes the
// badge and the record job keeps it beside the state.
func TestWorkflowCodeScanningAndBadge(t *testing.T) {
	jobs := linksWorkflow(t)
	uploads, rendered := 0, false
	for name, job := range jobs {
		uploading := false
		for _, s := range job.Steps {
			if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") {
				uploading = true
				uploads++
			}
			if strings.Contains(s.With["args"], "--format sarif") {
				rendered = true
			}
		}
		if got := job.Permissions["security-events"]; (got == "write") != uploading {
			t.Errorf("job %s: security-events %q, uploads SARIF %v: only the upload job may write them", name, got, uploading)
		}
	}
	if uploads != 1 || !rendered {
		t.Errorf("%d SARIF upload steps (rendered: %v), want one that uploads linkcheck's --format sarif", uploads, rendered)
	}
	badge := false
	for _, s := range jobs["all"].Steps {
		badge = badge || strings.Contains(s.With["args"], "--badge ${{ runner.temp }}/linkcheck-run/badge.json")
	}
	kept := false
	for _, s := range jobs["record"].Steps {
		kept = kept || strings.Contains(s.Run, "git add state.json badge.json")
	}
	if !badge || !kept {
		t.Errorf("the weekly check writes the badge: %v; the record job commits it: %v", badge, kept)
	}
}
