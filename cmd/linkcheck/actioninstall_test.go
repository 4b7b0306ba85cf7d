package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// actionRunStep is a run: step of the composite action.
type actionRunStep struct {
	ID    string `yaml:"id"`
	Name  string `yaml:"name"`
	Shell string `yaml:"shell"`
	Run   string `yaml:"run"`
}

// actionRunSteps are the run: steps of the composite action.
func actionRunSteps(t *testing.T) []actionRunStep {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", ".github", "actions", "linkcheck", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Runs struct {
			Steps []actionRunStep `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	var steps []actionRunStep
	for _, s := range action.Runs.Steps {
		if s.Run != "" {
			steps = append(steps, s)
		}
	}
	return steps
}

// actionStep is the run: script of the composite action's step with id.
func actionStep(t *testing.T, id string) string {
	t.Helper()
	for _, s := range actionRunSteps(t) {
		if s.ID == id {
			return s.Run
		}
	}
	t.Fatalf("action.yml has no step %s", id)
	return ""
}

// actionlint lints the workflows' scripts, not a composite action's; the
// action's scripts and its installer get shellcheck here.
func TestActionScriptsShellcheck(t *testing.T) {
	shellcheck, err := exec.LookPath("shellcheck")
	if err != nil {
		t.Skip("shellcheck is not installed")
	}
	expression := regexp.MustCompile(`\$\{\{[^}]*\}\}`)
	for _, s := range actionRunSteps(t) {
		t.Run(s.Name, func(t *testing.T) {
			if s.Shell != "bash" {
				t.Fatalf("step %q runs in %q, want bash", s.Name, s.Shell)
			}
			cmd := exec.Command(shellcheck, "--shell=bash", "-")
			// An expression is replaced before the shell sees it.
			cmd.Stdin = strings.NewReader(expression.ReplaceAllString(s.Run, "x"))
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("shellcheck of step %q: %v\n%s", s.Name, err, out)
			}
		})
	}
	t.Run("install.sh", func(t *testing.T) {
		if out, err := exec.Command(shellcheck, installScript).CombinedOutput(); err != nil {
			t.Errorf("shellcheck %s: %v\n%s", installScript, err, out)
		}
	})
}

// The action installs a release when it is used at a release's tag (or
// told a version), and builds from source at any other ref.
func TestActionChoosesHowToInstall(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed")
	}
	script := actionStep(t, "how")
	const temp = "/runner/_temp"
	const checkout = "/runner/_work/_actions/ai-reading-list/linkcheck"
	tests := []struct {
		name               string
		version, actionRef string
		actionPath, runner string
		want               string // the step's outputs, sorted; "" for a failed step
	}{
		{"at a release tag", "", "v1.0.0", checkout + "/v1.0.0/.github/actions/linkcheck", "Linux",
			"bin=" + temp + "/linkcheck-v1.0.0/linkcheck mode=release version=v1.0.0"},
		{"at a release tag, no action_ref", "", "", checkout + "/v1.0.0/.github/actions/linkcheck", "Linux",
			"bin=" + temp + "/linkcheck-v1.0.0/linkcheck mode=release version=v1.0.0"},
		{"at a pre-release tag on Windows", "", "", `D:\a\_actions\ai-reading-list\linkcheck\v1.1.0-rc.1\.github\actions\linkcheck`, "Windows",
			"bin=" + temp + "/linkcheck-v1.1.0-rc.1/linkcheck.exe mode=release version=v1.1.0-rc.1"},
		{"version given at main", "v1.0.0", "main", checkout + "/main/.github/actions/linkcheck", "macOS",
			"bin=" + temp + "/linkcheck-v1.0.0/linkcheck mode=release version=v1.0.0"},
		{"at main", "", "main", checkout + "/main/.github/actions/linkcheck", "Linux",
			"bin=" + temp + "/linkcheck mode=source"},
		{"at main, no action_ref", "", "", checkout + "/main/.github/actions/linkcheck", "Linux",
			"bin=" + temp + "/linkcheck mode=source"},
		{"at a major tag: no release of that name", "", "v1", checkout + "/v1/.github/actions/linkcheck", "Linux",
			"bin=" + temp + "/linkcheck mode=source"},
		{"at a commit", "", "4f2c1a9e0b7d3c6a5f8e1d2b3c4a5f6e7d8c9b0a", checkout + "/4f2c1a9e0b7d3c6a5f8e1d2b3c4a5f6e7d8c9b0a/.github/actions/linkcheck", "Linux",
			"bin=" + temp + "/linkcheck mode=source"},
		{"from a checkout", "", "", "/runner/_work/linkcheck/linkcheck/./.github/actions/linkcheck", "Linux",
			"bin=" + temp + "/linkcheck mode=source"},
		{"a version that is no release", "main", "", checkout + "/v1.0.0/.github/actions/linkcheck", "Linux", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			output := filepath.Join(t.TempDir(), "output")
			cmd := exec.Command(bash, "-c", script)
			cmd.Env = []string{
				"PATH=" + os.Getenv("PATH"),
				"VERSION=" + tt.version,
				"ACTION_REF=" + tt.actionRef,
				"GITHUB_ACTION_PATH=" + tt.actionPath,
				"GITHUB_OUTPUT=" + output,
				"RUNNER_OS=" + tt.runner,
				"RUNNER_TEMP=" + temp,
			}
			msg, err := cmd.CombinedOutput()
			if tt.want == "" {
				if err == nil {
					t.Errorf("the step succeeded, want it to fail")
				}
				return
			}
			if err != nil {
				t.Fatalf("the step failed: %v\n%s", err, msg)
			}
			data, err := os.ReadFile(output)
			if err != nil {
				t.Fatal(err)
			}
			fields := strings.Fields(string(data))
			slices.Sort(fields)
			if got := strings.Join(fields, " "); got != tt.want {
				t.Errorf("outputs %q, want %q", got, tt.want)
			}
		})
	}
}
