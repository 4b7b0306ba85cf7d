package main

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// workflowDocStep is a step of a workflow's job, as far as these tests read it.
type workflowDocStep struct {
	Uses string            `yaml:"uses"`
	With map[string]string `yaml:"with"`
}

// workflowDoc is a GitHub Actions workflow file, as far as these tests read it.
type workflowDoc struct {
	On          map[string]map[string][]string `yaml:"on"`
	Permissions map[string]string              `yaml:"permissions"`
	Jobs        map[string]struct {
		Permissions map[string]string `yaml:"permissions"`
		Steps       []workflowDocStep `yaml:"steps"`
	} `yaml:"jobs"`
}

func readWorkflowDoc(t *testing.T, name string) workflowDoc {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", ".github", "workflows", name))
	if err != nil {
		t.Fatal(err)
	}
	var w workflowDoc
	if err := yaml.Unmarshal(data, &w); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return w
}

// step is the step of w that uses the action named (without its ref).
func (w workflowDoc) step(t *testing.T, action string) workflowDocStep {
	t.Helper()
	for _, job := range w.Jobs {
		for _, s := range job.Steps {
			if name, _, _ := strings.Cut(s.Uses, "@"); name == action {
				return s
			}
		}
	}
	t.Fatalf("no step uses %s", action)
	return workflowDocStep{}
}

// The release workflow runs on a version tag alone, with only the
// permissions publishing needs, and attests every file of checksums.txt.
func TestReleaseWorkflow(t *testing.T) {
	w := readWorkflowDoc(t, "release.yml")

	if got := slices.Sorted(maps.Keys(w.On)); !slices.Equal(got, []string{"push"}) {
		t.Errorf("release.yml runs on %v, want push alone", got)
	}
	push := w.On["push"]
	if got, want := push["tags"], []string{"v*"}; !slices.Equal(got, want) {
		t.Errorf("release.yml runs on the tags %q, want %q", got, want)
	}
	if len(push) != 1 {
		t.Errorf("release.yml's push filters %v, want tags alone (a branch push must not publish)", slices.Sorted(maps.Keys(push)))
	}

	want := map[string]string{"contents": "write", "id-token": "write", "attestations": "write"}
	if !maps.Equal(w.Permissions, want) {
		t.Errorf("release.yml's permissions = %v, want %v", w.Permissions, want)
	}
	for name, job := range w.Jobs {
		if job.Permissions != nil {
			t.Errorf("job %s sets its own permissions %v, want the workflow's", name, job.Permissions)
		}
	}

	if got := w.step(t, "actions/attest-build-provenance").With["subject-checksums"]; got != "./dist/checksums.txt" {
		t.Errorf("attest-build-provenance's subject-checksums = %q, want ./dist/checksums.txt", got)
	}
	goreleaser := w.step(t, "goreleaser/goreleaser-action").With
	if got := goreleaser["args"]; got != "release --clean" {
		t.Errorf("goreleaser-action's args = %q, want release --clean", got)
	}
	// CI checks .goreleaser.yaml and makes a snapshot with the goreleaser
	// of tools/goreleaser: the release must run the same one.
	mod, err := os.ReadFile(filepath.Join("..", "..", "tools", "goreleaser", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*github\.com/goreleaser/goreleaser/v2 (v\S+)`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("tools/goreleaser/go.mod does not require github.com/goreleaser/goreleaser/v2")
	}
	if got := goreleaser["version"]; got != string(m[1]) {
		t.Errorf("release.yml runs goreleaser %s, tools/goreleaser/go.mod has %s", got, m[1])
	}
}
