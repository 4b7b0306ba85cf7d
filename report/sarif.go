package report

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"path"
	"strings"

	"github.com/ai-reading-list/linkcheck/result"
)

// The SARIF version written and the schema it is valid against.
const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

// GitHub code scanning refuses a SARIF upload past these limits, so a
// report that would break them is refused here, where the error can say
// what to do, rather than by the upload step.
const (
	SARIFMaxResults   = 25000
	SARIFMaxGzipBytes = 10 << 20
)

// fingerprintKey names linkcheck's partial fingerprint; the version
// changes only if what it hashes does.
const fingerprintKey = "linkcheckFinding/v1"

// LimitError says a report is over a limit of the system it is meant for.
type LimitError struct {
	Format Format
	What   string // "results", "gzipped bytes"
	Limit  int
	Got    int
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("%s report has %d %s, over GitHub code scanning's limit of %d a run: narrow the run with --include, or use --format json", e.Format, e.Got, e.What, e.Limit)
}

// sarifLimits are the limits a SARIF report is held to; tests use small
// ones.
type sarifLimits struct {
	results, gzipBytes int
}

// renderSARIF writes a SARIF 2.1.0 log for GitHub code scanning: one rule
// per kind of finding, one result per finding located at the target's key
// in the catalog, with a fingerprint that survives a reflow of the file.
func renderSARIF(buf *bytes.Buffer, run Run, opts Options) error {
	return renderSARIFWithin(buf, run, opts, sarifLimits{SARIFMaxResults, SARIFMaxGzipBytes})
}

func renderSARIFWithin(buf *bytes.Buffer, run Run, opts Options, limits sarifLimits) error {
	rules := sarifRules()
	index := make(map[string]int, len(rules))
	driver := sarifDriver{Name: "linkcheck", Version: opts.ToolVersion, InformationURI: InformationURI}
	for i, r := range rules {
		index[r.id] = i
		driver.Rules = append(driver.Rules, sarifRule{
			ID:               r.id,
			ShortDescription: sarifText{Text: r.text.short},
			FullDescription:  sarifText{Text: r.text.full},
			HelpURI:          r.help,
		})
	}
	uri := artifactURI(run, opts)
	results := []sarifResult{}
	for _, r := range run.Results {
		rule := ruleFor(r)
		if rule == "" {
			continue
		}
		results = append(results, sarifResult{
			RuleID:              rule,
			RuleIndex:           index[rule],
			Level:               sarifLevel(r, opts),
			Message:             sarifText{Text: sarifMessage(r, rules[index[rule]], opts)},
			Locations:           []sarifLocation{{PhysicalLocation: physicalLocation(uri, r)}},
			PartialFingerprints: map[string]string{fingerprintKey: fingerprint(r, rule)},
		})
	}
	if len(results) > limits.results {
		return &LimitError{Format: FormatSARIF, What: "results", Limit: limits.results, Got: len(results)}
	}
	inv := sarifInvocation{ExecutionSuccessful: !run.Partial}
	if run.Partial {
		inv.Notifications = []sarifNotification{{Level: "warning", Message: sarifText{Text: "partial results: " + partialNote(run)}}}
	}
	doc := sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool:        sarifTool{Driver: driver},
			Invocations: []sarifInvocation{inv},
			Results:     results,
		}},
	}
	start := buf.Len()
	enc := json.NewEncoder(buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if n := gzipSize(buf.Bytes()[start:]); n > limits.gzipBytes {
		return &LimitError{Format: FormatSARIF, What: "gzipped bytes", Limit: limits.gzipBytes, Got: n}
	}
	return nil
}

// artifactURI is the catalog's path from the repository root, which code
// scanning needs to show an alert in the file; the caller finds the root,
// and a run without one is located by the catalog's name as given.
func artifactURI(run Run, opts Options) string {
	if opts.ArtifactURI != "" {
		return opts.ArtifactURI
	}
	return path.Clean(strings.ReplaceAll(run.Catalog, `\`, "/"))
}

// physicalLocation points at the target's key, or at the entry's line
// when the result does not say where its key is (a run saved before
// positions were recorded).
func physicalLocation(uri string, r result.Result) sarifPhysicalLocation {
	loc := sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: uri}}
	if line, col := r.Place(); line > 0 {
		loc.Region = &sarifRegion{StartLine: line, StartColumn: col}
	}
	return loc
}

// sarifLevel agrees with the run's exit code: a status in FailOn is an
// error (a watched one not yet failing is a warning), any other status
// needing attention a warning, and a finding that is no status a note.
func sarifLevel(r result.Result, opts Options) string {
	switch {
	case opts.FailOn.Has(r.Status) && !r.History.Pending:
		return "error"
	case r.Status.Attention():
		return "warning"
	}
	return "note"
}

// sarifMessage is what an alert says: the entry, its target, the kind of
// finding, what the check found and what to do.
func sarifMessage(r result.Result, rule sarifRuleDef, opts Options) string {
	what := r.Status.String()
	if !r.Status.Attention() {
		what = strings.ToLower(rule.text.short)
	}
	msg := r.ID + " " + target(r) + ": " + what
	if f := found(r).String(); f != "" {
		msg += ", " + f
	}
	msg += historyNote(opts, r)
	if s := suggestion(r); s != "" {
		msg += ". " + strings.ToUpper(s[:1]) + s[1:]
	}
	return msg + "."
}

// fingerprint identifies a finding by what it is about, not where: the
// entry, its target and the kind of finding. Moving the entry or adding
// lines around it keeps the alert; fixing the link closes it.
func fingerprint(r result.Result, rule string) string {
	sum := sha256.Sum256([]byte(r.ID + "\x00" + target(r) + "\x00" + rule))
	return hex.EncodeToString(sum[:16])
}

// gzipSize is the size of b gzipped, as the upload step sends it.
func gzipSize(b []byte) int {
	var n countWriter
	zw := gzip.NewWriter(&n)
	_, _ = zw.Write(b) // a countWriter never fails
	_ = zw.Close()
	return int(n)
}

// countWriter counts the bytes written to it.
type countWriter int

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}
