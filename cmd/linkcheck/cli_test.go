package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/checker"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

const testCatalog = `version: 1
sections:
  - id: papers
    title: Papers
    resources:
      - id: attention
        title: Attention Is All You Need
        kind: paper
        arxiv: "1706.03762"
  - id: posts
    title: Posts
    resources:
      - id: fine-post
        title: A fine post
        kind: post
        url: https://ok.test/fine
      - id: gone-post
        title: A gone post
        kind: post
        url: https://gone.test/post
      - id: moved-post
        title: A moved post
        kind: post
        url: https://old.test/post
`

const attentionFeed = `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/x</id>
  <title>arXiv Query: id_list=1706.03762</title>
  <opensearch:itemsPerPage>1</opensearch:itemsPerPage>
  <opensearch:totalResults>1</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
  <entry>
    <id>http://arxiv.org/abs/1706.03762v7</id>
    <title>Attention Is All You Need</title>
    <updated>2023-08-02T00:41:18Z</updated>
    <published>2017-06-12T17:57:34Z</published>
    <arxiv:comment>15 pages, 5 figures</arxiv:comment>
  </entry>
</feed>
`

// cli runs linkcheck in-process against a fake web.
type cli struct {
	t   *testing.T
	web *fakeweb.Web
	dir string
	env map[string]string
	tty bool
	now func() time.Time // the clock; nil is the real one
	// hook edits the checker options after the fake web's wiring.
	hook func(*checker.Options)
	// dial replaces the fake web's dialer, e.g. to take the network away.
	dial func(ctx context.Context, network, addr string) (net.Conn, error)
	// ctx is the run's context, as main's signal handling gives it; nil
	// is one that is never cancelled.
	ctx context.Context
}

func newCLI(t *testing.T) *cli {
	t.Helper()
	web := fakeweb.New(t)
	web.Handle("ok.test", fakeweb.Page("A fine post", "<p>hello</p>"))
	web.Handle("gone.test", fakeweb.Status(http.StatusNotFound))
	web.Handle("old.test", fakeweb.Redirect(http.StatusMovedPermanently, "https://ok.test/new-home"))
	web.Handle("export.arxiv.org", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
		w.Write([]byte(attentionFeed))
	}))
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "resources.yaml"), testCatalog)
	return &cli{t: t, web: web, dir: dir, env: map[string]string{}}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// run executes linkcheck with args; --catalog defaults to the test's catalog.
func (c *cli) run(args ...string) (code int, stdout, stderr string) {
	c.t.Helper()
	var out, errb bytes.Buffer
	e := env{
		In:       strings.NewReader(""),
		Out:      &out,
		Err:      &errb,
		OutIsTTY: c.tty,
		Getenv:   func(k string) string { return c.env[k] },
		Now:      time.Now,
		Hook: func(o *checker.Options) {
			o.DialContext = c.web.DialContext
			if c.dial != nil {
				o.DialContext = c.dial
			}
			o.TLSConfig = c.web.TLSConfig()
			o.AllowPrivate = true
			if c.hook != nil {
				c.hook(o)
			}
		},
	}
	hasCatalog := false
	for _, a := range args {
		if a == "--catalog" || a == "-c" {
			hasCatalog = true
		}
	}
	if !hasCatalog && len(args) > 0 && args[0] != "validate" {
		args = append(args, "--catalog", filepath.Join(c.dir, "resources.yaml"))
	}
	if c.now != nil {
		e.Now = c.now
	}
	ctx := c.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	code = run(ctx, args, e)
	return code, out.String(), errb.String()
}

func TestCheckExitCodes(t *testing.T) {
	c := newCLI(t)
	tests := []struct {
		name     string
		args     []string
		wantCode int
	}{
		{"default fails on broken", []string{"check"}, exitFailing},
		{"moved fails when asked", []string{"check", "--fail-on", "moved"}, exitFailing},
		{"nothing retitled", []string{"check", "--fail-on", "retitled,updated"}, exitOK},
		{"empty policy never fails", []string{"check", "--fail-on", ""}, exitOK},
		{"report never fails on results", []string{"report"}, exitOK},
		{"bad fail-on", []string{"check", "--fail-on", "rotten"}, exitInvalid},
		{"missing catalog", []string{"check", "--catalog", filepath.Join(c.dir, "nope.yaml")}, exitInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := c.run(tt.args...)
			if code != tt.wantCode {
				t.Errorf("linkcheck %v exited %d, want %d\nstdout:\n%s\nstderr:\n%s", tt.args, code, tt.wantCode, stdout, stderr)
			}
		})
	}
}

func TestCheckTable(t *testing.T) {
	c := newCLI(t)
	code, stdout, _ := c.run("check")
	if code != exitFailing {
		t.Fatalf("check exited %d, want %d", code, exitFailing)
	}
	for _, want := range []string{
		"BROKEN (1) · fails the run",
		"gone-post",
		"HTTP 404",
		"MOVED (1)",
		"→ https://ok.test/new-home",
		"4 checked: 1 broken, 1 moved, 2 ok",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check output lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "fine-post") {
		t.Errorf("check's table lists an ok entry:\n%s", stdout)
	}
}

// TestNothingChecked: a run whose every target is skipped says that
// nothing was checked, never "4 checked" nor "all 0 links ok".
func TestNothingChecked(t *testing.T) {
	c := newCLI(t)
	tests := []struct {
		format, want string
	}{
		{"table", "nothing checked (4 skipped)"},
		{"markdown", "## linkcheck: nothing checked (4 skipped)"},
		{"github", "nothing checked (4 skipped)"},
	}
	for _, tt := range tests {
		code, stdout, stderr := c.run("check", "--exclude", ".", "--format", tt.format)
		if code != exitOK {
			t.Errorf("check --exclude . --format %s exited %d: %s", tt.format, code, stderr)
		}
		if !strings.Contains(stdout, tt.want) || strings.Contains(stdout, "4 checked") || strings.Contains(stdout, "links ok") {
			t.Errorf("check --exclude . --format %s:\n%s\nwant %q", tt.format, stdout, tt.want)
		}
	}
}

func TestCheckJSONAndReportFrom(t *testing.T) {
	c := newCLI(t)
	results := filepath.Join(c.dir, "results.json")
	code, stdout, stderr := c.run("check", "--format", "json", "--output", results)
	if code != exitFailing {
		t.Fatalf("check exited %d, want %d: %s", code, exitFailing, stderr)
	}
	if stdout != "" {
		t.Errorf("check --output wrote to stdout: %q", stdout)
	}
	data, err := os.ReadFile(results)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Schema  string `json:"schema"`
		Summary map[string]int
		Results []struct {
			ID, Status, Target, Current string
			Version                     int
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("results.json: %v", err)
	}
	if doc.Schema != "linkcheck.report/v1" || len(doc.Results) != 4 || doc.Summary["total"] != 4 {
		t.Fatalf("results.json = schema %q, %d results, summary %v; want v1 with all 4 results", doc.Schema, len(doc.Results), doc.Summary)
	}
	wantOrder := []string{"attention", "fine-post", "gone-post", "moved-post"}
	for i, r := range doc.Results {
		if r.ID != wantOrder[i] {
			t.Errorf("result %d is %q, want %q (catalog order)", i, r.ID, wantOrder[i])
		}
	}
	if doc.Results[0].Target != "arxiv" || doc.Results[0].Status != "ok" || doc.Results[0].Version != 7 {
		t.Errorf("arXiv result = %+v, want an ok arxiv result with version 7", doc.Results[0])
	}

	// Re-rendering the saved run touches no network: point it at nothing.
	before := c.web.Requests("gone.test")
	code, stdout, stderr = c.run("report", "--from", results, "--format", "markdown")
	if code != exitOK {
		t.Fatalf("report --from exited %d: %s", code, stderr)
	}
	if c.web.Requests("gone.test") != before {
		t.Errorf("report --from made requests")
	}
	for _, want := range []string{"### Broken (1)", "gone-post", "### Moved (1)", "replace URL with https://ok.test/new-home"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report --from markdown lacks %q:\n%s", want, stdout)
		}
	}

	writeFile(t, filepath.Join(c.dir, "junk.json"), `{"schema": "something/else"}`)
	if code, _, stderr := c.run("report", "--from", filepath.Join(c.dir, "junk.json")); code != exitInvalid || !strings.Contains(stderr, "schema") {
		t.Errorf("report --from junk.json = exit %d, stderr %q; want 2 and a schema error", code, stderr)
	}
}

func TestColor(t *testing.T) {
	tests := []struct {
		name    string
		tty     bool
		noColor string
		flag    string
		want    bool
	}{
		{"tty", true, "", "auto", true},
		{"tty with NO_COLOR", true, "1", "auto", false},
		{"not a tty", false, "", "auto", false},
		{"always", false, "", "always", true},
		{"never on a tty", true, "", "never", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCLI(t)
			c.tty = tt.tty
			c.env["NO_COLOR"] = tt.noColor
			_, stdout, _ := c.run("check", "--color", tt.flag)
			if got := strings.Contains(stdout, "\x1b["); got != tt.want {
				t.Errorf("colour = %v, want %v:\n%q", got, tt.want, stdout)
			}
		})
	}
}

func TestStepSummary(t *testing.T) {
	c := newCLI(t)
	summary := filepath.Join(c.dir, "summary.md")
	writeFile(t, summary, "earlier step\n")
	c.env["GITHUB_STEP_SUMMARY"] = summary
	c.run("check", "--format", "github")
	data, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "earlier step\n") || !strings.Contains(string(data), "### Broken (1)") {
		t.Errorf("job summary = %q, want the earlier content followed by the Markdown report", data)
	}
}

// TestStepSummaryUnwritable: a job summary that cannot be written is
// warned about and changes nothing else: the exit code is the check's and
// the history is kept.
func TestStepSummaryUnwritable(t *testing.T) {
	tests := []struct {
		name    string
		summary func(dir string) string
	}{
		{"missing directory", func(dir string) string { return filepath.Join(dir, "no-such-dir", "summary.md") }},
		{"a directory", func(dir string) string { return dir }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCLI(t)
			summary := tt.summary(c.dir)
			c.env["GITHUB_STEP_SUMMARY"] = summary
			statePath := filepath.Join(c.dir, "state.json")
			for _, run := range []struct {
				failOn string
				want   int
			}{{"broken", exitFailing}, {"", exitOK}} {
				code, stdout, stderr := c.run("check", "--fail-on", run.failOn, "--state", statePath)
				if code != run.want {
					t.Errorf("check --fail-on %q with GITHUB_STEP_SUMMARY=%s exited %d, want %d: %s", run.failOn, summary, code, run.want, stderr)
				}
				if !strings.Contains(stderr, "warning: report not added to the job summary") || !strings.Contains(stderr, summary) {
					t.Errorf("stderr = %q, want a warning naming %s", stderr, summary)
				}
				if !strings.Contains(stdout, "4 checked") {
					t.Errorf("stdout = %q, want the report", stdout)
				}
			}
			if _, err := os.Stat(statePath); err != nil {
				t.Errorf("the history was not kept: %v", err)
			}
		})
	}
}

// TestStepSummaryNeverAnInput: a job summary that names a file the run
// reads is not appended to: the file is left byte for byte as it was, a
// warning names both, and the run's outcome is the check's.
func TestStepSummaryNeverAnInput(t *testing.T) {
	tests := []struct {
		name string
		file string // the file of c.dir the summary names
		args []string
	}{
		{"the catalog", "resources.yaml", nil},
		{"the state file", "state.json", []string{"--state", "state.json"}},
		{"the --changed-from file", "base.yaml", []string{"--changed-from", "base.yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCLI(t)
			var args []string
			for _, a := range tt.args {
				if strings.HasSuffix(a, ".json") || strings.HasSuffix(a, ".yaml") {
					a = filepath.Join(c.dir, a)
				}
				args = append(args, a)
			}
			// A state file and an older catalog to read, made by a first run.
			if _, _, stderr := c.run("check", "--state", filepath.Join(c.dir, "state.json")); !strings.Contains(stderr, "starts it") {
				t.Fatalf("first run: %s", stderr)
			}
			catalog, err := os.ReadFile(filepath.Join(c.dir, "resources.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(c.dir, "base.yaml"), string(catalog))
			path := filepath.Join(c.dir, tt.file)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			c.env["GITHUB_STEP_SUMMARY"] = path
			code, _, stderr := c.run(append([]string{"check", "--fail-on", ""}, args...)...)
			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if tt.file == "state.json" {
				// The run records itself in the state file, as it should;
				// what must not be there is the report.
				if strings.Contains(string(after), "## linkcheck") {
					t.Errorf("state file after the run = %q, want no report in it", after)
				}
			} else if string(after) != string(before) {
				t.Errorf("%s after the run = %q, want it unchanged", tt.file, after)
			}
			if code != exitOK || !strings.Contains(stderr, "warning: report not added to the job summary") || !strings.Contains(stderr, "reads") {
				t.Errorf("check with GITHUB_STEP_SUMMARY=%s exited %d, stderr %q; want 0 and a warning that the run reads it", tt.file, code, stderr)
			}
		})
	}
}

func TestChangedFrom(t *testing.T) {
	c := newCLI(t)
	base := filepath.Join(c.dir, "base.yaml")
	// In the base, gone-post already existed unchanged and moved-post had
	// another URL; fine-post and attention are new.
	writeFile(t, base, strings.Replace(strings.Replace(testCatalog, "https://old.test/post", "https://ok.test/older", 1),
		`      - id: fine-post
        title: A fine post
        kind: post
        url: https://ok.test/fine
`, "", 1))
	code, stdout, stderr := c.run("check", "--changed-from", base, "--format", "json")
	if code != exitOK {
		t.Fatalf("check --changed-from exited %d (the broken entry is unchanged and must not fail it): %s\n%s", code, stderr, stdout)
	}
	if c.web.Requests("gone.test") != 0 {
		t.Errorf("unchanged gone-post was fetched")
	}
	if c.web.Requests("old.test") == 0 {
		t.Errorf("changed moved-post was not fetched")
	}
}

// TestPartialRun: a run stopped by --timeout or by a signal reports what it
// found so far, says which of the two stopped it and how many targets it
// did not reach, and exits 3.
func TestPartialRun(t *testing.T) {
	const hanging = `      - id: hanging-post
        title: A post whose server never answers
        kind: post
        url: https://hang.test/post
`
	tests := []struct {
		name string
		// interrupt cancels the run when the hanging request arrives, as
		// Ctrl-C would; otherwise --timeout ends it.
		interrupt bool
		args      []string
		stdout    *regexp.Regexp
		stderr    *regexp.Regexp
	}{
		{"timeout", false, []string{"check", "--timeout", "1500ms", "--request-timeout", "1m"},
			regexp.MustCompile(`^timed out: partial results, [1-5] of 5 targets not reached\n`),
			regexp.MustCompile(`^linkcheck: timed out with [1-5] of 5 targets not reached \(--timeout 1\.5s\): the report is partial\n`)},
		{"signal", true, []string{"check", "--request-timeout", "1m"},
			regexp.MustCompile(`^interrupted: partial results, [1-5] of 5 targets not reached\n`),
			regexp.MustCompile(`^linkcheck: interrupted with [1-5] of 5 targets not reached: the report is partial\n`)},
		{"report, timeout", false, []string{"report", "--timeout", "1500ms", "--request-timeout", "1m"},
			regexp.MustCompile(`^timed out: partial results, [1-5] of 5 targets not reached\n`),
			regexp.MustCompile(`^linkcheck: timed out with [1-5] of 5 targets not reached \(--timeout 1\.5s\): the report is partial\n`)},
		{"fix, signal", true, []string{"fix", "--request-timeout", "1m"},
			regexp.MustCompile(`^$`),
			regexp.MustCompile(`^linkcheck: interrupted with [1-5] of 5 targets not reached: nothing was changed\n`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCLI(t)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			c.ctx = ctx
			hang := fakeweb.Hang()
			c.web.Handle("hang.test", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tt.interrupt {
					cancel()
				}
				hang.ServeHTTP(w, r)
			}))
			writeFile(t, filepath.Join(c.dir, "resources.yaml"), testCatalog+hanging)
			code, stdout, stderr := c.run(tt.args...)
			if code != exitCannotCheck {
				t.Fatalf("%v exited %d, want %d (could not check)\nstdout:\n%s\nstderr:\n%s", tt.args, code, exitCannotCheck, stdout, stderr)
			}
			if !tt.stdout.MatchString(stdout) || strings.Contains(stdout, "hanging-post") {
				t.Errorf("%v: stdout = %q, want it to match %s, without the unfinished hanging-post", tt.args, stdout, tt.stdout)
			}
			if !tt.stderr.MatchString(stderr) {
				t.Errorf("%v: stderr = %q, want it to match %s", tt.args, stderr, tt.stderr)
			}
		})
	}
}

func TestNoAnimationWithoutTerminal(t *testing.T) {
	c := newCLI(t)
	_, _, stderr := c.run("check")
	if stderr != "" {
		t.Errorf("check wrote %q to stderr with stderr not a terminal, want nothing", stderr)
	}
}

func TestProgressOnTerminal(t *testing.T) {
	var errb bytes.Buffer
	p := newProgress(env{Err: &errb, ErrIsTTY: true}, 2, status.NewSet(status.Broken))
	p.add(result.Result{Status: status.Broken})
	p.add(result.Result{Status: status.OK})
	p.finish()
	if !regexp.MustCompile(`\(\d/2\)`).MatchString(errb.String()) || !strings.Contains(errb.String(), "1 failing") {
		t.Errorf("progress on a terminal = %q, want done/total and failures so far", errb.String())
	}
}

func TestNetworkUnavailable(t *testing.T) {
	c := newCLI(t)
	// None of these hosts exists on the fake web: DNS says "no such host"
	// for every one, as a resolver does on a runner without network.
	writeFile(t, filepath.Join(c.dir, "resources.yaml"), `version: 1
sections:
  - id: posts
    title: Posts
    resources:
      - {id: a, title: A, kind: post, url: "https://a.invalid/x"}
      - {id: b, title: B, kind: post, url: "https://b.invalid/x"}
      - {id: c, title: C, kind: post, url: "https://c.invalid/x"}
`)
	code, stdout, stderr := c.run("check")
	if code != exitCannotCheck || !strings.Contains(stderr, "network unavailable") {
		t.Errorf("check without network = exit %d, stderr %q; want 3 and \"network unavailable\"", code, stderr)
	}
	if strings.Contains(stdout, "broken") || strings.Contains(stdout, "BROKEN") {
		t.Errorf("check without network reported links as broken:\n%s", stdout)
	}
}

// TestOfflineLinkAndPaper: on a machine without network, a catalog of one
// link and one paper cannot be checked (exit 3): the arXiv API's failures
// count towards the network-down detection like the link's.
func TestOfflineLinkAndPaper(t *testing.T) {
	c := newCLI(t)
	c.dial = func(ctx context.Context, network, addr string) (net.Conn, error) {
		return nil, &net.OpError{Op: "dial", Net: network, Err: os.NewSyscallError("connect", syscall.ENETUNREACH)}
	}
	writeFile(t, filepath.Join(c.dir, "resources.yaml"), `version: 1
sections:
  - id: s
    title: S
    resources:
      - {id: post, title: A post, kind: post, url: "https://ok.test/post"}
      - {id: attention, title: Attention Is All You Need, kind: paper, arxiv: "1706.03762"}
`)
	code, stdout, stderr := c.run("check", "--retries", "0")
	if code != exitCannotCheck || !strings.Contains(stderr, "network unavailable: 2 of 2 hosts unreachable") {
		t.Errorf("check of one link and one paper offline = exit %d, stderr %q; want 3 and \"network unavailable: 2 of 2 hosts unreachable\"\nstdout:\n%s",
			code, stderr, stdout)
	}
}

func TestOutputFile(t *testing.T) {
	c := newCLI(t)
	out := filepath.Join(c.dir, "report.md")
	writeFile(t, out, "previous report\n")

	// An unwritable destination is "could not check", and the previous
	// report stays as it was.
	bad := filepath.Join(c.dir, "no-such-dir", "report.md")
	if code, _, stderr := c.run("check", "--format", "markdown", "--output", bad); code != exitCannotCheck || !strings.Contains(stderr, "no-such-dir") {
		t.Errorf("check --output into a missing directory = exit %d, stderr %q; want 3 naming the path", code, stderr)
	}

	code, stdout, _ := c.run("check", "--format", "markdown", "--output", out)
	if code != exitFailing || stdout != "" {
		t.Errorf("check --output = exit %d, stdout %q; want 1 and nothing on stdout", code, stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "## linkcheck: 1 broken") {
		t.Errorf("report.md = %q, want the new Markdown report", data)
	}
	leftovers, _ := filepath.Glob(filepath.Join(c.dir, ".report.md.tmp-*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}
