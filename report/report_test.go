package report

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in      string
		want    Format
		wantErr bool
	}{
		{"table", FormatTable, false},
		{"json", FormatJSON, false},
		{"markdown", FormatMarkdown, false},
		{"github", FormatGitHub, false},
		{" JSON ", FormatJSON, false},
		{"md", "", true},
		{"", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseFormat(tt.in)
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("ParseFormat(%q) = %q, %v, want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), "table, json, markdown, github") {
				t.Errorf("ParseFormat(%q) error %q, want it to list the formats", tt.in, err)
			}
		})
	}
}

func TestSummarize(t *testing.T) {
	results := func(ss ...status.Status) []result.Result {
		out := make([]result.Result, len(ss))
		for i, s := range ss {
			out[i] = result.Result{ID: "e", Status: s}
		}
		return out
	}
	tests := []struct {
		name    string
		results []result.Result
		want    string
	}{
		{"empty", nil, "nothing checked"},
		{"all ok", results(status.OK, status.OK), "2 checked: 2 ok"},
		{"severity order", results(status.Skipped, status.OK, status.Moved, status.Broken, status.Broken),
			"4 checked: 2 broken, 1 moved, 1 ok (1 skipped)"},
		{"everything skipped", results(status.Skipped, status.Skipped, status.Skipped, status.Skipped, status.Skipped),
			"nothing checked (5 skipped)"},
		{"fixture", fixtureRun().Results,
			"16 checked: 3 broken, 1 moved, 2 retitled, 1 updated, 1 stale, 1 archived, 1 blocked, 1 timeout, 1 error, 1 redirected, 3 ok (2 skipped)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Summarize(tt.results)
			if got := s.String(); got != tt.want {
				t.Errorf("Summarize(%s).String() = %q, want %q", tt.name, got, tt.want)
			}
			if s.Total != len(tt.results) {
				t.Errorf("Summarize(%s).Total = %d, want %d", tt.name, s.Total, len(tt.results))
			}
		})
	}
	if got := Summarize(fixtureRun().Results).Attention(); got != 12 {
		t.Errorf("Summarize(fixture).Attention() = %d, want 12", got)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrors(t *testing.T) {
	good := fixtureRun()
	unknown := fixtureRun()
	unknown.Results[3].Status = status.Unknown
	tests := []struct {
		name string
		w    *bytes.Buffer
		run  Run
		opts Options
		want string
	}{
		{"unknown format", &bytes.Buffer{}, good, Options{Format: "yaml"}, `unknown format "yaml"`},
		{"unknown status", &bytes.Buffer{}, unknown, Options{Format: FormatJSON}, "result 4 (voyager) has no valid status"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Write(tt.w, tt.run, tt.opts)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Write(%s) = %v, want an error containing %q", tt.name, err, tt.want)
			}
			if tt.w.Len() != 0 {
				t.Errorf("Write(%s) wrote %d bytes before failing, want none", tt.name, tt.w.Len())
			}
		})
	}
	if err := Write(failingWriter{}, good, Options{}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Write(failing writer) = %v, want the writer's error", err)
	}
}

// TestZeroFormatIsTable lets callers render with zero Options.
func TestZeroFormatIsTable(t *testing.T) {
	var zero, table bytes.Buffer
	if err := Write(&zero, fixtureRun(), Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&table, fixtureRun(), Options{Format: FormatTable}); err != nil {
		t.Fatal(err)
	}
	if zero.String() != table.String() {
		t.Errorf("Write(Format \"\") = %q, want the table %q", zero.String(), table.String())
	}
}

// TestWidthRespected checks that rows fit the width whenever the fixed
// columns leave room, including rows with double-width characters, and that
// a finding too long for its row is moved, whole, to a continuation line.
func TestWidthRespected(t *testing.T) {
	for _, width := range []int{72, 80, 100, 120, 200} {
		var buf bytes.Buffer
		if err := Write(&buf, fixtureRun(), Options{Width: width, All: true}); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(buf.String(), "\n") {
			if strings.HasPrefix(line, continuationIndent) {
				if strings.Contains(line, "…") && !strings.Contains(line, "→") {
					t.Errorf("table at width %d cut a finding: %q", width, line)
				}
				continue
			}
			if strings.HasPrefix(line, tableIndent) && displayWidth(line) > width {
				t.Errorf("table at width %d has a row %d columns wide: %q", width, displayWidth(line), line)
			}
		}
	}
}

func TestFound(t *testing.T) {
	tests := []struct {
		name string
		r    result.Result
		want string
	}{
		{"moved", result.Result{Status: status.Moved, Code: 200, FinalURL: "https://new.example/"}, "→ https://new.example/"},
		{"moved without final URL", result.Result{Status: status.Moved, Code: 301, Message: "permanent redirect"}, "HTTP 301: permanent redirect"},
		{"updated pinned", result.Result{Status: status.Updated, Arxiv: "1706.03762v5", Version: 7}, "v5 → v7"},
		{"updated unpinned", result.Result{Status: status.Updated, Arxiv: "1706.03762", Version: 7}, "latest v7"},
		{"retitled", result.Result{Status: status.Retitled, CurrentTitle: "New\ntitle", Similarity: 0.456}, "now “New title” (similarity 0.46)"},
		{"code repeated in message", result.Result{Status: status.Broken, Code: 404, Message: "HTTP 404"}, "HTTP 404"},
		{"code only", result.Result{Status: status.Error, Code: 502}, "HTTP 502"},
		{"soft 404 without its 200", result.Result{Status: status.Broken, Code: 200, Message: "soft 404: page says “Not Found”"}, "soft 404: page says “Not Found”"},
		{"home-page redirect says where", result.Result{Status: status.Broken, Code: 200, FinalURL: "https://aws.example/", Message: "redirected to the site's home page"}, "redirected to the site's home page → https://aws.example/"},
		{"message only", result.Result{Status: status.Error, Message: "connection refused"}, "connection refused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := found(tt.r).String(); got != tt.want {
				t.Errorf("found(%s) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}

// TestTableAligned checks that the finding column starts at the same
// display column on every row, wide characters included.
func TestTableAligned(t *testing.T) {
	for _, width := range []int{72, 100, 160} {
		var buf bytes.Buffer
		if err := Write(&buf, fixtureRun(), Options{Width: width, All: true}); err != nil {
			t.Fatal(err)
		}
		gaps := regexp.MustCompile(` {2,}`)
		want := -1
		lines := strings.Split(buf.String(), "\n")
		for i, line := range lines {
			if !strings.HasPrefix(line, tableIndent) || strings.HasPrefix(line, continuationIndent) {
				continue
			}
			if i+1 < len(lines) && strings.HasPrefix(lines[i+1], continuationIndent) {
				continue // the finding went to the next line
			}
			m := gaps.FindAllStringIndex(line, -1)
			if len(m) < 3 {
				t.Fatalf("table row %q has fewer than 4 columns", line)
			}
			col := displayWidth(line[:m[len(m)-1][1]])
			if want < 0 {
				want = col
			}
			if col != want {
				t.Errorf("table at width %d: row %q has its finding at column %d, want %d", width, line, col, want)
			}
		}
	}
}
