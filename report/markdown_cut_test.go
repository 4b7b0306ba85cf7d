package report

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// tableRows returns a Markdown report's table rows, headers left out.
func tableRows(md string) []string {
	var rows []string
	lines := strings.Split(md, "\n")
	for i, line := range lines {
		header := i+1 < len(lines) && strings.HasPrefix(lines[i+1], "|---")
		if strings.HasPrefix(line, "| ") && !header {
			rows = append(rows, line)
		}
	}
	return rows
}

var (
	shortenedRe = regexp.MustCompile(`\*\*Shortened:\*\* (\d+) of (\d+) findings listed, to stay within (\d+) bytes`)
	leftOutRe   = regexp.MustCompile(`_(?:… and )?(\d+) (?:more )?not listed here\._`)
	headingRe   = regexp.MustCompile(`(?m)^### .*$`)
)

// TestMarkdownMaxBytes cuts reports of several sizes at many limits and
// checks that each fits, lists the most severe rows first, and accounts for
// every row it left out.
func TestMarkdownMaxBytes(t *testing.T) {
	runs := []struct {
		name string
		run  Run
		opts Options
	}{
		{"fixture", fixtureRun(), Options{Format: FormatMarkdown, FailOn: failOn}},
		{"fixture all", fixtureRun(), Options{Format: FormatMarkdown, FailOn: failOn, All: true}},
		{"2000 results", bigRun(2000), Options{Format: FormatMarkdown, FailOn: failOn}},
		{"a year's trend", trendRun(52), Options{Format: FormatMarkdown, FailOn: failOnTransient}},
	}
	for _, tr := range runs {
		var full bytes.Buffer
		if err := Write(&full, tr.run, tr.opts); err != nil {
			t.Fatalf("%s: uncapped Write: %v", tr.name, err)
		}
		fullRows := tableRows(full.String())
		longest := 0
		for _, r := range fullRows {
			longest = max(longest, len(r)+1)
		}
		headings := headingRe.FindAllString(full.String(), -1)
		limits := []int{full.Len(), full.Len() + 1, full.Len() - 1, full.Len() / 2, full.Len() / 3, 4096, 2500, 1800}
		for _, limit := range limits {
			t.Run(fmt.Sprintf("%s/%d", tr.name, limit), func(t *testing.T) {
				opts := tr.opts
				opts.MaxBytes = limit
				var got bytes.Buffer
				if err := Write(&got, tr.run, opts); err != nil {
					t.Fatalf("Write with MaxBytes %d: %v", limit, err)
				}
				md := got.String()
				if got.Len() > limit {
					t.Fatalf("report is %d bytes, over MaxBytes %d", got.Len(), limit)
				}
				if limit >= full.Len() {
					if md != full.String() {
						t.Fatalf("a report that fits changed under MaxBytes %d", limit)
					}
					return
				}
				rows := tableRows(md)
				// The rows listed are the first ones of the full report:
				// the most severe statuses, in catalog order.
				for i, r := range rows {
					if i >= len(fullRows) || r != fullRows[i] {
						t.Fatalf("row %d = %q, want the full report's %q", i, r, fullRows[min(i, len(fullRows)-1)])
					}
				}
				m := shortenedRe.FindStringSubmatch(md)
				if m == nil {
					t.Fatalf("no Shortened notice in a report cut to %d bytes:\n%s", limit, md)
				}
				shown, _ := strconv.Atoi(m[1])
				total, _ := strconv.Atoi(m[2])
				if shown != len(rows) || total != len(fullRows) || m[3] != strconv.Itoa(limit) {
					t.Errorf("notice says %s of %s within %s, want %d of %d within %d", m[1], m[2], m[3], len(rows), len(fullRows), limit)
				}
				left := 0
				for _, n := range leftOutRe.FindAllStringSubmatch(md, -1) {
					k, _ := strconv.Atoi(n[1])
					left += k
				}
				if shown+left != total {
					t.Errorf("%d rows listed and %d counted as left out, want %d in all", shown, left, total)
				}
				if got := headingRe.FindAllString(md, -1); strings.Join(got, "\n") != strings.Join(headings, "\n") {
					t.Errorf("headings = %q, want every section's as in the full report %q", got, headings)
				}
				// The cut is greedy: the room left is less than the next
				// row plus the slack of notes sized for the worst case.
				if slack := limit - got.Len(); slack >= longest+len(mdTableHeader)+64*len(headings) {
					t.Errorf("%d bytes unused under MaxBytes %d, more than the next row could need", slack, limit)
				}
			})
		}
	}
}

// TestMarkdownMaxBytesEveryLimit tries every limit from the smallest that
// works to the full size: the cut must fit at each, wherever it falls,
// also in the history's layout (new, still failing, resolved).
func TestMarkdownMaxBytesEveryLimit(t *testing.T) {
	for name, run := range map[string]Run{"fixture": fixtureRun(), "history": historyRun(), "trend": trendRun(52)} {
		t.Run(name, func(t *testing.T) {
			opts := Options{Format: FormatMarkdown, FailOn: failOnTransient, All: true}
			var full bytes.Buffer
			if err := Write(&full, run, opts); err != nil {
				t.Fatal(err)
			}
			fitted := 0
			for limit := full.Len(); limit > 0; limit-- {
				opts.MaxBytes = limit
				var got bytes.Buffer
				err := Write(&got, run, opts)
				var se *SizeError
				if errors.As(err, &se) {
					// Need is the smallest limit that works: the one tried last.
					if se.Limit != limit || se.Need != limit+1 {
						t.Errorf("MaxBytes %d refused with %+v, want Need %d", limit, *se, limit+1)
					}
					break
				}
				if err != nil {
					t.Fatalf("MaxBytes %d: %v", limit, err)
				}
				if got.Len() > limit {
					t.Errorf("MaxBytes %d: report is %d bytes", limit, got.Len())
				}
				fitted++
			}
			if fitted < full.Len()/2 {
				t.Errorf("only %d of %d limits gave a report", fitted, full.Len())
			}
		})
	}
}

func TestMarkdownMaxBytesTooSmall(t *testing.T) {
	var got bytes.Buffer
	err := Write(&got, fixtureRun(), Options{Format: FormatMarkdown, MaxBytes: 200})
	var se *SizeError
	if !errors.As(err, &se) || se.Limit != 200 || se.Need <= 200 {
		t.Fatalf("Write with MaxBytes 200 = %v, want a too-small error", err)
	}
	if got.Len() != 0 {
		t.Errorf("a failed Write wrote %d bytes", got.Len())
	}
}

// TestMaxBytesOnlyMarkdown: other formats ignore the cap; JSON in
// particular must never be cut.
func TestMaxBytesOnlyMarkdown(t *testing.T) {
	for _, f := range []Format{FormatTable, FormatJSON, FormatGitHub} {
		var full, capped bytes.Buffer
		if err := Write(&full, fixtureRun(), Options{Format: f}); err != nil {
			t.Fatal(err)
		}
		if err := Write(&capped, fixtureRun(), Options{Format: f, MaxBytes: 300}); err != nil {
			t.Fatalf("%s with MaxBytes: %v", f, err)
		}
		if !bytes.Equal(full.Bytes(), capped.Bytes()) {
			t.Errorf("%s output changed under MaxBytes", f)
		}
	}
}
