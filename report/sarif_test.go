package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/internal/schematest"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// sarifSchemaFile is the OASIS schema, vendored with its source beside it.
const sarifSchemaFile = "report/testdata/sarif/sarif-schema-2.1.0.json"

// Every SARIF golden file is valid SARIF 2.1.0, and the schema does catch
// a document that is not.
func TestSARIFGoldensMatchSchema(t *testing.T) {
	sch := schematest.Load(t, sarifSchemaFile)
	sch.MatchFiles(t, "testdata/sarif*.golden", 3)
	sch.Refuses(t, "testdata/sarif.golden", []schematest.Break{
		{Name: "unknown level", From: `"level": "error"`, To: `"level": "fatal"`},
		{Name: "line zero", From: `"startLine": 12`, To: `"startLine": 0`},
		{Name: "wrong version", From: `"version": "2.1.0"`, To: `"version": "2.0.0"`},
	})
}

// Every status that needs attention is a rule with its own description:
// a status added to the vocabulary fails here until it has one.
func TestSARIFRulesCoverEveryStatus(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range sarifRules() {
		if ids[r.id] {
			t.Errorf("rule %q appears twice", r.id)
		}
		ids[r.id] = true
		if r.text.short == "" || r.text.full == "" || !strings.HasPrefix(r.help, docsURL) {
			t.Errorf("rule %q lacks a description or help link: %+v", r.id, r)
		}
	}
	for _, s := range status.All() {
		_, described := statusRules[s]
		switch {
		case sarifStatus(s) && !described:
			t.Errorf("status %s has no SARIF rule description in statusRules", s)
		case sarifStatus(s) && !ids[s.String()]:
			t.Errorf("status %s has no SARIF rule", s)
		case !sarifStatus(s) && (described || ids[s.String()]):
			t.Errorf("status %s is no finding but is a SARIF rule", s)
		}
	}
}

func TestSARIFLevel(t *testing.T) {
	tests := []struct {
		name string
		r    result.Result
		want string
	}{
		{"failing", result.Result{Status: status.Broken}, "error"},
		{"watched, not failing yet", result.Result{Status: status.Broken, History: result.History{Pending: true}}, "warning"},
		{"not in fail-on", result.Result{Status: status.Moved}, "warning"},
		{"title changed on a fine page", result.Result{Status: status.OK, History: result.History{PreviousTitle: "Old"}}, "note"},
	}
	opts := Options{FailOn: status.DefaultFailOn}
	for _, tt := range tests {
		if got := sarifLevel(tt.r, opts); got != tt.want {
			t.Errorf("sarifLevel(%s) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A report over GitHub's limits is refused with a LimitError that says
// which limit, and nothing is written.
func TestSARIFLimits(t *testing.T) {
	tests := []struct {
		name     string
		limits   sarifLimits
		wantWhat string
	}{
		{"within", sarifLimits{results: 14, gzipBytes: 1 << 20}, ""},
		{"too many results", sarifLimits{results: 13, gzipBytes: 1 << 20}, "results"},
		{"too big gzipped", sarifLimits{results: 100, gzipBytes: 1000}, "gzipped bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := renderSARIFWithin(&buf, fixtureRun(), Options{Format: FormatSARIF, FailOn: failOn}, tt.limits)
			var le *LimitError
			switch {
			case tt.wantWhat == "" && err != nil:
				t.Fatalf("renderSARIFWithin(%+v) error: %v", tt.limits, err)
			case tt.wantWhat == "":
				return
			case !errors.As(err, &le):
				t.Fatalf("renderSARIFWithin(%+v) = %v, want a *LimitError", tt.limits, err)
			case le.What != tt.wantWhat || le.Got <= le.Limit:
				t.Errorf("LimitError = %+v, want %s over the limit", le, tt.wantWhat)
			}
		})
	}
	// Through Write, nothing reaches the writer.
	many := fixtureRun()
	for findings := 0; findings <= SARIFMaxResults; {
		for _, r := range fixtureRun().Results {
			many.Results = append(many.Results, r)
			if ruleFor(r) != "" {
				findings++
			}
		}
	}
	var out bytes.Buffer
	err := Write(&out, many, Options{Format: FormatSARIF, FailOn: failOn})
	var le *LimitError
	if !errors.As(err, &le) || out.Len() != 0 {
		t.Fatalf("Write(%d results) = %v with %d bytes written, want a LimitError and nothing", len(many.Results), err, out.Len())
	}
	if !strings.Contains(err.Error(), "25000") {
		t.Errorf("error %q does not name the limit", err)
	}
}

// The fingerprint names the entry, its target and the kind of finding:
// not where the entry is, so an alert outlives a reflow of the catalog.
func TestSARIFFingerprint(t *testing.T) {
	base := result.Result{ID: "gone", Target: result.TargetURL, URL: "https://gone.test/", Status: status.Broken, Line: 10, TargetLine: 13, TargetColumn: 14}
	moved := base
	moved.Line, moved.TargetLine, moved.TargetColumn = 40, 44, 8
	otherURL := base
	otherURL.URL = "https://gone.test/elsewhere"
	otherKind := base
	otherKind.Status = status.Moved
	fp := func(r result.Result) string {
		var buf bytes.Buffer
		run := Run{Catalog: "resources.yaml", Results: []result.Result{r}}
		if err := renderSARIF(&buf, run, Options{}); err != nil {
			t.Fatal(err)
		}
		var doc sarifLog
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		return doc.Runs[0].Results[0].PartialFingerprints[fingerprintKey]
	}
	if fp(base) == "" || fp(base) != fp(moved) {
		t.Errorf("fingerprint changed when the entry moved: %q, %q", fp(base), fp(moved))
	}
	if fp(base) == fp(otherURL) || fp(base) == fp(otherKind) {
		t.Errorf("fingerprint does not tell another target or kind of finding apart")
	}
}
