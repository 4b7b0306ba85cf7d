package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/report"
)

var updateREADME = flag.Bool("update", false, "rewrite the example blocks of README.md and docs/*.md from the output the code produces")

// An example block in README.md or a page of docs/ is a fenced code block
// right after a line <!-- example: NAME -->; readmeExamples says how the
// code produces it.
var exampleMarker = regexp.MustCompile(`^<!-- example: ([a-z0-9-]+) -->$`)

type exampleBlock struct {
	name       string
	start, end int // lines of the block's content: [start, end)
}

// readmeBlocks finds the example blocks of a document's lines; name is the
// document's path, for messages.
func readmeBlocks(t *testing.T, name string, lines []string) []exampleBlock {
	t.Helper()
	var blocks []exampleBlock
	for i, l := range lines {
		m := exampleMarker.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		if i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "```") {
			t.Fatalf("%s:%d: example %q is not followed by a fenced block", name, i+1, m[1])
		}
		// The block closes with a fence as long as the one that opened it,
		// so that an example holding a fenced block of its own (the
		// Markdown report's chart) is fenced with four backticks.
		fence := lines[i+1][:len(lines[i+1])-len(strings.TrimLeft(lines[i+1], "`"))]
		end := slices.Index(lines[i+2:], fence)
		if end < 0 {
			t.Fatalf("%s:%d: example %q: the fence never closes", name, i+2, m[1])
		}
		blocks = append(blocks, exampleBlock{name: m[1], start: i + 2, end: i + 2 + end})
	}
	return blocks
}

// document is README.md or a page of docs/, read whole.
type document struct {
	name  string // relative to the repository's root, slash-separated
	path  string // absolute: the examples run in a directory of their own
	lines []string
}

// documents reads README.md and every page of docs/, README first.
func documents(t *testing.T) []document {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	pages, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []document
	for _, path := range append([]string{filepath.Join(root, "README.md")}, pages...) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name, err := filepath.Rel(root, path)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, document{name: filepath.ToSlash(name), path: path, lines: strings.Split(string(data), "\n")})
	}
	return docs
}

// TestREADMEExamples runs the examples of README.md and docs/: every
// example block must be byte for byte what the code prints for it today.
// Run with -update to rewrite the blocks after a deliberate change of
// output.
func TestREADMEExamples(t *testing.T) {
	docs := documents(t)
	ex := newExampleRun(t)
	seen := make(map[string]bool)
	for _, d := range docs {
		blocks := readmeBlocks(t, d.name, d.lines)
		lines, changed := d.lines, false
		// Replaced from the last block up, so earlier line numbers stay valid.
		for i := len(blocks) - 1; i >= 0; i-- {
			b := blocks[i]
			produce, ok := readmeExamples[b.name]
			if !ok {
				t.Errorf("%s:%d: unknown example %q (known: %v)", d.name, b.start-1, b.name, exampleNames())
				continue
			}
			seen[b.name] = true
			got := strings.TrimSuffix(produce(ex), "\n")
			want := strings.Join(lines[b.start:b.end], "\n")
			if got == want {
				continue
			}
			if *updateREADME {
				lines = slices.Replace(lines, b.start, b.end, strings.Split(got, "\n")...)
				changed = true
				continue
			}
			t.Errorf("%s:%d: example %q differs from what linkcheck prints (go test ./cmd/linkcheck -run READMEExamples -update rewrites it):\n%s",
				d.name, b.start, b.name, lineDiff(want, got))
		}
		if changed {
			if err := os.WriteFile(d.path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, name := range exampleNames() {
		if !seen[name] {
			t.Errorf("neither README.md nor docs/ has a block <!-- example: %s -->", name)
		}
	}
}

func exampleNames() []string {
	var names []string
	for name := range readmeExamples {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// lineDiff shows the lines of want and got that differ, for a failure
// message a person can act on.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d\n  document: %q\n  code:     %q\n", i+1, wl, gl)
		}
	}
	return b.String()
}

// exampleRun is the README's example catalog checked once against the
// scripted web, in a directory of its own that is the working directory
// (so that reports name "resources.yaml", as a user's would).
type exampleRun struct {
	t   *testing.T
	dir string
	env env
}

func newExampleRun(t *testing.T) *exampleRun {
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("testdata", "readme", "resources.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "resources.yaml"), string(src))
	if err := os.CopyFS(filepath.Join(dir, "testdata"), os.DirFS(filepath.Join("testdata", "readme"))); err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{"draft", "fixed", "weekly"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	invalid, err := os.ReadFile(filepath.Join("testdata", "readme", "invalid.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "draft", "resources.yaml"), string(invalid))
	web := readmeWeb(t)
	t.Chdir(dir)
	ex := &exampleRun{t: t, dir: dir, env: env{
		In:     strings.NewReader(""),
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return readmeNow },
		Hook:   readmeHook(web),
	}}
	code, _, stderr := ex.run("check", "--format", "json", "--output", "checked.json")
	if code != exitFailing {
		t.Fatalf("check of the README's catalog exited %d, want %d:\n%s", code, exitFailing, stderr)
	}
	ex.normalize("checked.json", "results.json")
	// fix rewrites its catalog: it gets a copy of its own.
	writeFile(t, filepath.Join(dir, "fixed", "resources.yaml"), string(src))
	writeFile(t, filepath.Join(dir, "fixed", "results.json"), ex.testdataOut("results.json"))
	writeFile(t, filepath.Join(dir, "weekly", "resources.yaml"), string(src))
	ex.weekly()
	return ex
}

// run executes linkcheck in the example directory.
func (ex *exampleRun) run(args ...string) (code int, stdout, stderr string) {
	ex.t.Helper()
	var out, errb bytes.Buffer
	e := ex.env
	e.Out, e.Err = &out, &errb
	code = run(context.Background(), args, e)
	return code, out.String(), errb.String()
}

// withEnv is ex with other environment variables and terminal.
func (ex *exampleRun) withEnv(vars map[string]string, tty bool, width int) *exampleRun {
	c := *ex
	c.env.Getenv = func(k string) string { return vars[k] }
	c.env.OutIsTTY = tty
	c.env.TermWidth = func() int { return width }
	return &c
}

// normalize makes a checked run's timings the same on every machine — the
// only part of a run the fake web cannot fix — and saves it at out: the
// run took 4.2 s, and each result 120 ms per request. Everything else is
// what the checker found.
func (ex *exampleRun) normalize(in, out string) {
	ex.t.Helper()
	f, err := os.Open(in)
	if err != nil {
		ex.t.Fatal(err)
	}
	defer f.Close()
	run, err := report.ReadJSON(bufio.NewReader(f))
	if err != nil {
		ex.t.Fatal(err)
	}
	run.Duration = 4200 * time.Millisecond
	for i := range run.Results {
		if run.Results[i].Duration > 0 {
			run.Results[i].Duration = time.Duration(run.Results[i].Attempts) * 120 * time.Millisecond
		}
	}
	var b bytes.Buffer
	if err := report.Write(&b, run, report.Options{Format: report.FormatJSON, All: true}); err != nil {
		ex.t.Fatal(err)
	}
	writeFile(ex.t, out, b.String())
}

// stdout runs linkcheck and returns what it printed on stdout, failing the
// test on an exit code other than want.
func (ex *exampleRun) stdout(want int, args ...string) string {
	ex.t.Helper()
	code, stdout, stderr := ex.run(args...)
	if code != want {
		ex.t.Errorf("linkcheck %s exited %d, want %d:\n%s", strings.Join(args, " "), code, want, stderr)
	}
	return stdout
}

// console runs linkcheck as a terminal shows it: the command line, then
// stdout and stderr as they were written, interleaved.
func (ex *exampleRun) console(want int, args ...string) string {
	ex.t.Helper()
	var b bytes.Buffer
	e := ex.env
	e.Out, e.Err = &b, &b
	if code := run(context.Background(), args, e); code != want {
		ex.t.Errorf("linkcheck %s exited %d, want %d:\n%s", strings.Join(args, " "), code, want, b.String())
	}
	return "$ linkcheck " + strings.Join(args, " ") + "\n" + b.String()
}

// inDir runs f with dir, under the example directory, as the working
// directory.
func (ex *exampleRun) inDir(dir string, f func() string) string {
	ex.t.Helper()
	if err := os.Chdir(filepath.Join(ex.dir, dir)); err != nil {
		ex.t.Fatal(err)
	}
	defer func() {
		if err := os.Chdir(ex.dir); err != nil {
			ex.t.Fatal(err)
		}
	}()
	return f()
}

// testdataOut returns a file the examples wrote.
func (ex *exampleRun) testdataOut(name string) string {
	ex.t.Helper()
	data, err := os.ReadFile(filepath.Join(ex.dir, name))
	if err != nil {
		ex.t.Fatal(err)
	}
	return string(data)
}

// testdata returns a file of testdata/readme, read before the examples
// moved to their own directory.
func (ex *exampleRun) testdata(name string) string {
	ex.t.Helper()
	data, err := os.ReadFile(filepath.Join(ex.dir, "testdata", name))
	if err != nil {
		ex.t.Fatal(err)
	}
	return string(data)
}

// keepResults abridges a JSON report to the results of the given entries;
// everything else, the summary included, is as printed.
func keepResults(t *testing.T, doc string, ids ...string) string {
	t.Helper()
	// The format is indented two spaces: a result is the lines from "    {"
	// to "    }" inside "results".
	var out []string
	var item []string
	in := false
	for _, l := range strings.Split(doc, "\n") {
		switch {
		case l == `  "results": [`:
			in = true
		case in && l == "    {":
			item = []string{l}
			continue
		case in && (l == "    }," || l == "    }"):
			item = append(item, "    },")
			for _, id := range ids {
				if slices.Contains(item, fmt.Sprintf(`      "id": %q,`, id)) {
					out = append(out, item...)
				}
			}
			item = nil
			continue
		case in && l == "  ]" || in && l == "  ],":
			in = false
			if n := len(out) - 1; out[n] == "    }," {
				out[n] = "    }"
			}
		case item != nil:
			item = append(item, l)
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// weeklyArgs is the scheduled workflow's check, narrowed to a few entries
// to keep the examples short.
var weeklyArgs = []string{"check", "--state", "state.json", "--fail-after", "2", "--format", "json", "--output", "checked.json",
	"--include", "^(attention|old-agents-post|lilian-agents|flaky-arena)$"}

// weekly runs the scheduled check twice, a week apart, in weekly/: in the
// first run old-agents-post still worked, in the second it is gone.
func (ex *exampleRun) weekly() {
	ex.t.Helper()
	web := readmeWeb(ex.t)
	web.Handle("old.example.com", fakeweb.Page("Agents in 2023", "<h1>Agents in 2023</h1>"))
	week := *ex
	week.env.Hook = readmeHook(web)
	week.inDir("weekly", func() string {
		for i, now := range []time.Time{readmeNow.AddDate(0, 0, -7), readmeNow} {
			if i == 1 {
				web.Handle("old.example.com", fakeweb.Status(http.StatusNotFound))
			}
			week.env.Now = func() time.Time { return now }
			week.stdout([]int{exitOK, exitFailing}[i], weeklyArgs...)
		}
		week.normalize("checked.json", "results.json")
		return ""
	})
}

// readmeExamples produces each README example. The report formats are
// rendered from the saved run (report --from), which renders exactly as
// check does; only its timings are normalized.
var readmeExamples = map[string]func(ex *exampleRun) string{
	"table": func(ex *exampleRun) string {
		return ex.withEnv(map[string]string{"NO_COLOR": "1"}, true, 100).
			stdout(exitOK, "report", "--from", "results.json", "--fail-on", "broken,moved")
	},
	"markdown": func(ex *exampleRun) string {
		return ex.stdout(exitOK, "report", "--from", "results.json", "--format", "markdown", "--fail-on", "broken,moved")
	},
	"github": func(ex *exampleRun) string {
		return ex.stdout(exitOK, "report", "--from", "results.json", "--format", "github", "--fail-on", "broken,moved")
	},
	"sarif": func(ex *exampleRun) string {
		return ex.stdout(exitOK, "report", "--from", "results.json", "--format", "sarif", "--fail-on", "broken,moved")
	},
	"junit": func(ex *exampleRun) string {
		return ex.stdout(exitOK, "report", "--from", "results.json", "--format", "junit", "--fail-on", "broken,moved")
	},
	"json": func(ex *exampleRun) string {
		// What check --format json printed, timings normalized.
		return keepResults(ex.t, ex.testdataOut("results.json"), "attention", "lilian-agents", "babyagi")
	},
	"catalog":         func(ex *exampleRun) string { return ex.testdata("resources.yaml") },
	"invalid-catalog": func(ex *exampleRun) string { return ex.testdata("invalid.yaml") },
	"validate": func(ex *exampleRun) string {
		return ex.inDir("draft", func() string { return ex.console(exitInvalid, "validate") })
	},
	"validate-json": func(ex *exampleRun) string {
		return ex.inDir("draft", func() string { return ex.console(exitInvalid, "validate", "--format", "json") })
	},
	"fix": func(ex *exampleRun) string {
		return ex.inDir("fixed", func() string { return ex.console(exitOK, "fix", "--from", "results.json") })
	},
	"state-file": func(ex *exampleRun) string {
		return ex.testdataOut(filepath.Join("weekly", "state.json"))
	},
	"weekly-issue": func(ex *exampleRun) string {
		gh := ex.withEnv(map[string]string{
			"GITHUB_SERVER_URL": "https://github.com",
			"GITHUB_REPOSITORY": "ai-reading-list/reading-list",
			"GITHUB_SHA":        "4f2c1a9e0b7d3c6a5f8e1d2b3c4a5f6e7d8c9b0a",
		}, false, 0)
		return gh.inDir("weekly", func() string {
			return gh.stdout(exitOK, "report", "--from", "results.json", "--format", "markdown", "--max-report-bytes", "65536")
		})
	},
	"fix-dry-run": func(ex *exampleRun) string {
		return ex.console(exitOK, "fix", "--from", "results.json", "--dry-run")
	},
}

// TestREADMEFlags: every command linkcheck has is in README.md, and every
// flag in README.md or a page of docs/, so a new one cannot ship
// unmentioned.
func TestREADMEFlags(t *testing.T) {
	docs := documents(t)
	readme := strings.Join(docs[0].lines, "\n")
	var all strings.Builder
	for _, d := range docs {
		all.WriteString(strings.Join(d.lines, "\n"))
		all.WriteString("\n")
	}
	documented := all.String()
	root := newRootCmd(env{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &bytes.Buffer{}, Getenv: func(string) string { return "" }, Now: time.Now})
	root.InitDefaultCompletionCmd()
	root.InitDefaultHelpFlag()
	root.InitDefaultVersionFlag()
	for _, cmd := range append(root.Commands(), root) {
		if cmd.Hidden || cmd.Name() == "help" {
			continue
		}
		if cmd != root && !strings.Contains(readme, "`linkcheck "+cmd.Name()) {
			t.Errorf("README.md does not document the command %q", cmd.Name())
		}
		cmd.InitDefaultHelpFlag()
		cmd.Flags().VisitAll(func(f *pflag.Flag) {
			// "`--name", "`-n, --name`" or "`--name VALUE`".
			flagRE := regexp.MustCompile("(`|, )--" + regexp.QuoteMeta(f.Name) + "[` =]")
			if !flagRE.MatchString(documented) {
				t.Errorf("neither README.md nor docs/ documents %s's flag --%s", cmd.CommandPath(), f.Name)
			}
			if f.Shorthand != "" && !strings.Contains(documented, "`-"+f.Shorthand) {
				t.Errorf("neither README.md nor docs/ documents %s's -%s (--%s)", cmd.CommandPath(), f.Shorthand, f.Name)
			}
		})
	}
}
