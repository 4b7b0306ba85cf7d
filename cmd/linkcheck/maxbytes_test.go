package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestMaxBytes(t *testing.T) {
	c := newCLI(t)
	results := filepath.Join(c.dir, "results.json")
	if code, _, stderr := c.run("check", "--format", "json", "--output", results); code != exitFailing {
		t.Fatalf("check exited %d, want %d: %s", code, exitFailing, stderr)
	}
	code, full, stderr := c.run("report", "--from", results, "--format", "markdown", "--all")
	if code != exitOK {
		t.Fatalf("report exited %d: %s", code, stderr)
	}
	cut := len(full) - 1
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   string // substring
		stderr   string // substring
		maxBytes int    // stdout at most this long when set
	}{
		{"fits", []string{"--max-report-bytes", "100000"}, exitOK, "### Moved (1)", "", 100000},
		{"cut", []string{"--max-report-bytes", strconv.Itoa(cut)}, exitOK, "findings listed, to stay within " + strconv.Itoa(cut) + " bytes", "", cut},
		{"too small", []string{"--max-report-bytes", "100"}, exitInvalid, "", "invalid --max-report-bytes 100: the report's headings and summary alone take ", 0},
		{"negative", []string{"--max-report-bytes", "-1"}, exitInvalid, "", "invalid --max-report-bytes -1", 0},
		{"not markdown", []string{"--max-report-bytes", "5000", "--format", "json"}, exitInvalid, "", "--max-report-bytes cuts a Markdown report only: drop it, or use --format markdown instead of --format json", 0},
		{"github", []string{"--max-report-bytes", "5000", "--format", "github"}, exitInvalid, "", "instead of --format github", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"report", "--from", results, "--format", "markdown", "--all"}, tt.args...)
			code, stdout, stderr := c.run(args...)
			if code != tt.code {
				t.Fatalf("%v exited %d, want %d: %s", tt.args, code, tt.code, stderr)
			}
			if !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("%v: stdout %q, stderr %q; want them to contain %q and %q", tt.args, stdout, stderr, tt.stdout, tt.stderr)
			}
			// Only a size that does not fit the report is the size's fault.
			if blamed := strings.Contains(stderr, "invalid --max-report-bytes"); blamed != (tt.name == "too small" || tt.name == "negative") {
				t.Errorf("%v: stderr %q blames the size: %v", tt.args, stderr, blamed)
			}
			if tt.maxBytes > 0 && len(stdout) > tt.maxBytes {
				t.Errorf("%v: report is %d bytes, over %d", tt.args, len(stdout), tt.maxBytes)
			}
			if tt.code != exitOK && stdout != "" {
				t.Errorf("%v failed but wrote a report: %q", tt.args, stdout)
			}
		})
	}
}

// TestStepSummaryCut: the job summary is cut to the room the step has
// left under GitHub's 1 MiB, and skipped, not failed, when there is none.
func TestStepSummaryCut(t *testing.T) {
	c := newCLI(t)
	// The report says how long the run took: with the real clock the
	// runs below would write reports of different lengths than the one
	// measured here, and the room left would not be what each case says.
	at := time.Date(2026, 11, 30, 6, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return at }
	summary := filepath.Join(c.dir, "summary.md")
	c.env["GITHUB_STEP_SUMMARY"] = summary
	if code, _, stderr := c.run("check", "--format", "github"); code != exitFailing {
		t.Fatalf("check exited %d: %s", code, stderr)
	}
	report, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name    string
		room    int // bytes left under the limit before the check
		added   string
		warning string
	}{
		{"room for all", len(report), "### Broken (1)", ""},
		{"room for part", len(report) - 1, "**Shortened:**", ""},
		{"no room", 100, "", "is full"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			earlier := strings.Repeat("x", stepSummaryLimit-tt.room)
			writeFile(t, summary, earlier)
			code, _, stderr := c.run("check", "--format", "github")
			if code != exitFailing {
				t.Fatalf("check exited %d, want %d: %s", code, exitFailing, stderr)
			}
			data, err := os.ReadFile(summary)
			if err != nil {
				t.Fatal(err)
			}
			if len(data) > stepSummaryLimit {
				t.Errorf("job summary is %d bytes, over GitHub's %d", len(data), stepSummaryLimit)
			}
			if !strings.HasPrefix(string(data), earlier) {
				t.Fatalf("the earlier job summary was not kept")
			}
			added := string(data[len(earlier):])
			if tt.added == "" && added != "" || !strings.Contains(added, tt.added) {
				t.Errorf("added to the job summary: %q, want %q", added, tt.added)
			}
			if !strings.Contains(stderr, tt.warning) {
				t.Errorf("stderr = %q, want %q", stderr, tt.warning)
			}
		})
	}
}
