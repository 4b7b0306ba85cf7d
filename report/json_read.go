package report

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/ai-reading-list/linkcheck/internal/jsondoc"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// SchemaError means a document is not a report this version can read:
// another tool's JSON, a state file, a catalog, or a report of another
// schema version.
type SchemaError struct {
	Got string // the document's schema, "" if it has none
	// What the document holds when it is not a JSON object, in words:
	// "a JSON array", "YAML, perhaps a catalog".
	What string
}

func (e *SchemaError) Error() string {
	switch {
	case e.What != "":
		return fmt.Sprintf("not a linkcheck report: the file holds %s (want a JSON object with \"schema\": %q, as check --format json writes)", e.What, Schema)
	case e.Got == "":
		return fmt.Sprintf("not a linkcheck report: no %q field (want %q)", "schema", Schema)
	case strings.HasPrefix(e.Got, "linkcheck.state/"):
		return fmt.Sprintf("not a linkcheck report: a state file (schema %q); give a saved run (check --format json)", e.Got)
	}
	return fmt.Sprintf("unsupported report schema %q (want %q)", e.Got, Schema)
}

// maxMillis is the largest duration_ms a time.Duration holds.
const maxMillis = math.MaxInt64 / int64(time.Millisecond)

// ReadJSON reads a report written by the json format, so that a run can be
// rendered again in another format without checking anything. It returns a
// *SchemaError for a document of another schema. Results are the ones the
// document lists (all of them only if it was written with Options.All).
func ReadJSON(r io.Reader) (Run, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Run{}, fmt.Errorf("read report: %w", err)
	}
	// The schema is checked before the rest so that a document of another
	// version is named as such, not as a puzzling field error.
	switch what, syntax := jsondoc.Sniff(data); {
	case syntax != nil && !strings.HasPrefix(what, "YAML"):
		// Most likely a report cut short.
		return Run{}, fmt.Errorf("read report: malformed JSON: %w", syntax)
	case what != "":
		return Run{}, fmt.Errorf("read report: %w", &SchemaError{What: what})
	}
	var head struct {
		Schema string `json:"schema"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return Run{}, fmt.Errorf("read report: %w", jsondoc.Problem(data, err))
	}
	if head.Schema != Schema {
		return Run{}, fmt.Errorf("read report: %w", &SchemaError{Got: head.Schema})
	}
	var doc jsonRun
	if err := json.Unmarshal(data, &doc); err != nil {
		return Run{}, fmt.Errorf("read report: %w", jsondoc.Problem(data, err))
	}
	run, err := fromJSON(doc)
	if err != nil {
		return Run{}, fmt.Errorf("read report: %w", err)
	}
	return run, nil
}

func fromJSON(doc jsonRun) (Run, error) {
	if doc.CatalogSHA256 != "" && !isSHA256(doc.CatalogSHA256) {
		return Run{}, fmt.Errorf("catalog_sha256: %q is not a hex SHA-256", doc.CatalogSHA256)
	}
	run := Run{Catalog: doc.Catalog, CatalogSHA256: doc.CatalogSHA256, Partial: doc.Partial, Stop: doc.Stopped, NotReached: doc.NotReached}
	if doc.Stopped != "" && doc.Stopped != StopInterrupted && doc.Stopped != StopTimeout {
		return Run{}, fmt.Errorf("stopped: want %q or %q, got %q", StopInterrupted, StopTimeout, doc.Stopped)
	}
	if doc.NotReached < 0 {
		return Run{}, fmt.Errorf("not_reached: want 0 or more, got %d", doc.NotReached)
	}
	if doc.StartedAt != "" {
		t, err := time.Parse(time.RFC3339, doc.StartedAt)
		if err != nil {
			return Run{}, fmt.Errorf("started_at: want an RFC 3339 time: %w", err)
		}
		run.StartedAt = t
	}
	d, err := duration(doc.DurationMS)
	if err != nil {
		return Run{}, fmt.Errorf("duration_ms: %w", err)
	}
	run.Duration = d
	var errs []error
	for i, j := range doc.Results {
		r, err := resultFromJSON(j)
		if err != nil {
			errs = append(errs, fmt.Errorf("result %d (%s): %w", i+1, j.ID, err))
			continue
		}
		run.Results = append(run.Results, r)
	}
	resolved, err := resolvedFromJSON(doc.Resolved)
	if err != nil {
		errs = append(errs, err)
	}
	run.Resolved = resolved
	trend, err := trendFromJSON(doc.Trend)
	if err != nil {
		errs = append(errs, err)
	}
	run.Trend = trend
	if len(errs) > 0 {
		return Run{}, errors.Join(errs...)
	}
	return run, nil
}

func resultFromJSON(j jsonResult) (result.Result, error) {
	st, err := status.Parse(j.Status)
	if err != nil || j.Status != st.String() {
		return result.Result{}, fmt.Errorf("status: unknown status %q", j.Status)
	}
	target := result.TargetKind(j.Target)
	if !slices.Contains(result.TargetKinds(), target) {
		return result.Result{}, fmt.Errorf("target: unknown target %q (want one of %v)", j.Target, result.TargetKinds())
	}
	if j.Line < 0 {
		return result.Result{}, fmt.Errorf("line: %d is negative", j.Line)
	}
	if j.TargetLine < 0 || j.TargetColumn < 0 {
		return result.Result{}, fmt.Errorf("target_line, target_column: %d:%d is negative", j.TargetLine, j.TargetColumn)
	}
	if j.Similarity < 0 || j.Similarity > 1 {
		return result.Result{}, fmt.Errorf("similarity: %v is outside [0, 1]", j.Similarity)
	}
	d, err := duration(j.DurationMS)
	if err != nil {
		return result.Result{}, fmt.Errorf("duration_ms: %w", err)
	}
	history, err := historyFromJSON(j.jsonHistory)
	if err != nil {
		return result.Result{}, err
	}
	r := result.Result{
		History:        history,
		NetworkFailure: j.NetworkFailure,
		ID:             j.ID,
		Section:        j.Section,
		Title:          j.Title,
		Line:           j.Line,
		TargetLine:     j.TargetLine,
		TargetColumn:   j.TargetColumn,
		Target:         target,
		URL:            j.URL,
		Arxiv:          j.Arxiv,
		Status:         st,
		Code:           j.Code,
		FinalURL:       j.FinalURL,
		PageTitle:      j.PageTitle,
		CurrentTitle:   j.CurrentTitle,
		Version:        j.Version,
		JournalRef:     j.JournalRef,
		DOI:            j.DOI,
		CatalogDOI:     j.CatalogDOI,
		Similarity:     j.Similarity,
		Repo:           j.Repo,
		CurrentRepo:    j.CurrentRepo,
		Stage:          j.Stage,
		ArchiveURL:     j.ArchiveURL,
		ArchiveNote:    j.ArchiveNote,
		Message:        j.Message,
		Attempts:       j.Attempts,
		Duration:       d,
	}
	for _, h := range j.Redirects {
		r.Redirects = append(r.Redirects, result.Hop(h))
	}
	if j.IgnoreExpired != "" {
		t, err := time.Parse(dateLayout, j.IgnoreExpired)
		if err != nil {
			return result.Result{}, fmt.Errorf("ignore_expired: want YYYY-MM-DD: %w", err)
		}
		r.IgnoreExpired = t
	}
	if j.ArchivedAt != "" {
		t, err := time.Parse(time.RFC3339, j.ArchivedAt)
		if err != nil {
			return result.Result{}, fmt.Errorf("archived_at: want an RFC 3339 time: %w", err)
		}
		r.ArchivedAt = t
	}
	if j.PushedAt != "" {
		t, err := time.Parse(dateLayout, j.PushedAt)
		if err != nil {
			return result.Result{}, fmt.Errorf("pushed_at: want YYYY-MM-DD: %w", err)
		}
		r.PushedAt = t
	}
	if j.VersionDate != "" {
		t, err := time.Parse(dateLayout, j.VersionDate)
		if err != nil {
			return result.Result{}, fmt.Errorf("version_date: want YYYY-MM-DD: %w", err)
		}
		r.VersionDate = t
	}
	return r, nil
}

// isSHA256 reports whether s is a SHA-256 digest as the json format writes
// it: 64 lower-case hex digits.
func isSHA256(s string) bool {
	if len(s) != 2*sha256.Size {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

func duration(ms int64) (time.Duration, error) {
	if ms < 0 || ms > maxMillis {
		return 0, fmt.Errorf("%d is out of range", ms)
	}
	return time.Duration(ms) * time.Millisecond, nil
}
