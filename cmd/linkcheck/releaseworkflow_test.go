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

// A release has an archive for every platform the action's installer maps
// a runner to (Linux, macOS, Windows on amd64 and arm64), static binaries
// that name their tag, and checksums.txt in sha256, which the installer
// checks.
func TestGoreleaserConfig(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var config struct {
		Version int `yaml:"version"`
		Builds  []struct {
			Main    string   `yaml:"main"`
			Env     []string `yaml:"env"`
			GOOS    []string `yaml:"goos"`
			GOARCH  []string `yaml:"goarch"`
			LDFlags []string `yaml:"ldflags"`
		} `yaml:"builds"`
		Archives []struct {
			NameTemplate string   `yaml:"name_template"`
			Files        []string `yaml:"files"`
		} `yaml:"archives"`
		Checksum struct {
			NameTemplate string `yaml:"name_template"`
			Algorithm    string `yaml:"algorithm"`
		} `yaml:"checksum"`
	}
	if err := yaml.Unmarshal(data, &config); err != nil {
		t.Fatalf(".goreleaser.yaml: %v", err)
	}
	if config.Version != 2 {
		t.Errorf(".goreleaser.yaml is version %d, want 2", config.Version)
	}
	if len(config.Builds) != 1 || len(config.Archives) != 1 {
		t.Fatalf(".goreleaser.yaml has %d builds and %d archives, want one of each", len(config.Builds), len(config.Archives))
	}
	b := config.Builds[0]
	if b.Main != "./cmd/linkcheck" {
		t.Errorf("the build's main = %q, want ./cmd/linkcheck", b.Main)
	}
	if got, want := slices.Sorted(slices.Values(b.GOOS)), []string{"darwin", "linux", "windows"}; !slices.Equal(got, want) {
		t.Errorf("the build's goos = %v, want %v", got, want)
	}
	if got, want := slices.Sorted(slices.Values(b.GOARCH)), []string{"amd64", "arm64"}; !slices.Equal(got, want) {
		t.Errorf("the build's goarch = %v, want %v", got, want)
	}
	if !slices.Contains(b.Env, "CGO_ENABLED=0") {
		t.Errorf("the build's env = %v, want CGO_ENABLED=0", b.Env)
	}
	// The tag, v included: what --version and the User-Agent say.
	if flags := strings.Join(b.LDFlags, " "); !strings.Contains(flags, "-X main.version=v{{ .Version }}") {
		t.Errorf("the build's ldflags = %q, want -X main.version=v{{ .Version }}", flags)
	}
	// install.sh downloads linkcheck_VERSION_OS_ARCH.tar.gz (.zip on
	// Windows), VERSION without its v.
	if got, want := config.Archives[0].NameTemplate, "{{ .ProjectName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}"; got != want {
		t.Errorf("the archives' name_template = %q, want %q", got, want)
	}
	if !slices.Contains(config.Archives[0].Files, "README.md") {
		t.Errorf("the archives hold %v, want README.md among them", config.Archives[0].Files)
	}
	if c := config.Checksum; c.NameTemplate != "checksums.txt" || c.Algorithm != "sha256" {
		t.Errorf("checksum = %s in %s, want sha256 in checksums.txt", c.Algorithm, c.NameTemplate)
	}
}
