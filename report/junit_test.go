package report

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"testing"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// A JUnit report reads back as CI systems read it: one testsuite per
// section, one testcase per result, failures exactly the results that fail
// the run, and counts that add up.
func TestJUnitParsesBack(t *testing.T) {
	tests := []struct {
		name string
		run  Run
		opts Options
	}{
		{"fixture", fixtureRun(), Options{Format: FormatJUnit, FailOn: failOn}},
		{"history", historyRun(), Options{Format: FormatJUnit, FailOn: failOnTransient}},
		{"default fail-on", fixtureRun(), Options{Format: FormatJUnit, FailOn: status.DefaultFailOn}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, tt.run, tt.opts); err != nil {
				t.Fatal(err)
			}
			var doc junitSuites
			if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatalf("the report is not XML: %v", err)
			}
			var cases []junitCase
			tests, failures, skipped := 0, 0, 0
			for _, s := range doc.Suites {
				f, sk := 0, 0
				for _, c := range s.Cases {
					if c.ClassName != s.Name {
						t.Errorf("testcase %q has classname %q in suite %q", c.Name, c.ClassName, s.Name)
					}
					if _, err := strconv.ParseFloat(c.Time, 64); err != nil {
						t.Errorf("testcase %q time %q is not seconds", c.Name, c.Time)
					}
					if c.Failure != nil {
						f++
					}
					if c.Skipped != nil {
						sk++
					}
				}
				if s.Tests != len(s.Cases) || s.Failures != f || s.Skipped != sk {
					t.Errorf("suite %s counts tests=%d failures=%d skipped=%d, holds %d, %d, %d", s.Name, s.Tests, s.Failures, s.Skipped, len(s.Cases), f, sk)
				}
				tests, failures, skipped = tests+s.Tests, failures+f, skipped+sk
				cases = append(cases, s.Cases...)
			}
			if doc.Tests != tests || doc.Failures != failures || doc.Skipped != skipped {
				t.Errorf("testsuites counts %d/%d/%d, suites add up to %d/%d/%d", doc.Tests, doc.Failures, doc.Skipped, tests, failures, skipped)
			}
			if len(cases) != len(tt.run.Results) {
				t.Fatalf("%d testcases for %d results", len(cases), len(tt.run.Results))
			}
			for i, r := range bySection(tt.run.Results) {
				c := cases[i]
				if want := r.ID + " " + target(r); c.Name != want || c.ClassName != r.Section {
					t.Errorf("testcase %d is %s/%q, want %s/%q", i, c.ClassName, c.Name, r.Section, want)
				}
				wantFail := tt.opts.FailOn.Has(r.Status) && !r.History.Pending
				if (c.Failure != nil) != wantFail {
					t.Errorf("%s (%s): failure %v, want %v", c.Name, r.Status, c.Failure != nil, wantFail)
				}
				if (c.Skipped != nil) != (r.Status == status.Skipped) {
					t.Errorf("%s (%s): skipped %v", c.Name, r.Status, c.Skipped != nil)
				}
			}
		})
	}
}

// bySection is results grouped by section, sections in order of first
// appearance and results in run order within each.
func bySection(results []result.Result) []result.Result {
	var order []string
	groups := map[string][]result.Result{}
	for _, r := range results {
		if _, ok := groups[r.Section]; !ok {
			order = append(order, r.Section)
		}
		groups[r.Section] = append(groups[r.Section], r)
	}
	var out []result.Result
	for _, s := range order {
		out = append(out, groups[s]...)
	}
	return out
}
