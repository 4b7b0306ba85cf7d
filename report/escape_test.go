package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

func TestEscapeData(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain: a, b", "plain: a, b"},
		{"100%", "100%25"},
		{"a\nb", "a%0Ab"},
		{"a\r\nb", "a%0D%0Ab"},
		{"%0A", "%250A"},
	}
	for _, tt := range tests {
		if got := escapeData(tt.in); got != tt.want {
			t.Errorf("escapeData(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEscapeProperty(t *testing.T) {
	tests := []struct{ in, want string }{
		{"resources.yaml", "resources.yaml"},
		{"broken link", "broken link"},
		{"C:\\lists,v2.yaml", "C%3A\\lists%2Cv2.yaml"},
		{"50%\n", "50%25%0A"},
	}
	for _, tt := range tests {
		if got := escapeProperty(tt.in); got != tt.want {
			t.Errorf("escapeProperty(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestGitHubOneCommandPerLine checks that hostile text cannot start a
// workflow command of its own or break an annotation across lines.
func TestGitHubOneCommandPerLine(t *testing.T) {
	run := Run{Catalog: "lists/a,b:c.yaml", Results: []result.Result{{
		ID: "evil", Line: 3, Target: result.TargetURL, URL: "https://e.example/",
		Status: status.Broken, Code: 404, Message: "gone\n::error::forged",
	}}}
	var buf bytes.Buffer
	if err := Write(&buf, run, Options{Format: FormatGitHub, FailOn: status.DefaultFailOn}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("github output has %d lines, want 2 (annotation, summary):\n%s", len(lines), buf.String())
	}
	want := "::error file=lists/a%2Cb%3Ac.yaml,line=3,title=broken link::evil: https://e.example/ — HTTP 404: gone ::error::forged"
	if lines[0] != want {
		t.Errorf("annotation = %q, want %q", lines[0], want)
	}
}

func TestMarkdownCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://e.example/?a=1|2", `https://e.example/?a=1\|2`},
		{"two\nlines", "two<br>lines"},
		{"crlf\r\nline", "crlf<br>line"},
		{"<script>", "&lt;script>"},
		{"  padded ", "padded"},
	}
	for _, tt := range tests {
		if got := cell(tt.in); got != tt.want {
			t.Errorf("cell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMarkdownHeadline(t *testing.T) {
	ok := func(n int) []result.Result {
		out := make([]result.Result, n)
		for i := range out {
			out[i] = result.Result{ID: "e", Status: status.OK}
		}
		return out
	}
	tests := []struct {
		name    string
		results []result.Result
		run     Run
		want    string
	}{
		{"all ok", ok(3), Run{}, "all 3 links ok"},
		{"ok and skipped", append(ok(2), result.Result{Status: status.Skipped}), Run{}, "all 2 links ok (1 skipped)"},
		{"problems", append(ok(2), result.Result{Status: status.Broken}, result.Result{Status: status.Moved}), Run{}, "1 broken, 1 moved"},
		{"everything skipped", []result.Result{{Status: status.Skipped}, {Status: status.Skipped}}, Run{}, "nothing checked (2 skipped)"},
		{"nothing at all", nil, Run{}, "nothing checked"},
		// The targets a partial run did not reach may be broken: never
		// "all ok" for it.
		{"timed out, all reached ok", ok(1), Run{Partial: true, Stop: StopTimeout, NotReached: 2},
			"timed out: 1 links ok, 2 of 3 targets not reached"},
		{"interrupted before anything", nil, Run{Partial: true, Stop: StopInterrupted, NotReached: 4},
			"interrupted: 0 links ok, 4 of 4 targets not reached"},
		{"interrupted, saved by an older linkcheck", ok(2), Run{Partial: true}, "interrupted: 2 links ok"},
		{"timed out with problems", append(ok(1), result.Result{Status: status.Broken}), Run{Partial: true, Stop: StopTimeout, NotReached: 1},
			"1 broken"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			run := tt.run
			run.Results = tt.results
			if got := headline(Summarize(tt.results), run); got != tt.want {
				t.Errorf("headline(%s) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}
