package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// startedLayout is RFC 3339 to the millisecond: finer digits are noise in
// a report and make documents differ for nothing.
const startedLayout = "2006-01-02T15:04:05.999Z07:00"

// The wire types below are the JSON format, documented field by field in
// docs/output.md. They are separate from result.Result so that the document
// stays stable when the checker's internals change.

type jsonRun struct {
	jsonHead
	Results []jsonResult `json:"results"`
	// Resolved lists what was fixed since the last run (with a state file).
	Resolved []jsonResolved `json:"resolved,omitempty"`
	// Trend sums up the last runs (with a state file), oldest first.
	Trend []jsonTrendRun `json:"trend,omitempty"`
}

// jsonHead is the part of jsonRun before the results, which streamJSON
// writes first. Embedded in jsonRun, its fields encode and decode as the
// document's own.
type jsonHead struct {
	Schema        string      `json:"schema"`
	Catalog       string      `json:"catalog"`
	CatalogSHA256 string      `json:"catalog_sha256,omitempty"`
	StartedAt     string      `json:"started_at,omitempty"`
	DurationMS    int64       `json:"duration_ms"`
	Partial       bool        `json:"partial,omitempty"`
	Stopped       Stop        `json:"stopped,omitempty"`
	NotReached    int         `json:"not_reached,omitempty"`
	Summary       jsonSummary `json:"summary"`
}

// headOf is run's head as the document writes it.
func headOf(run Run) jsonHead {
	head := jsonHead{
		Schema:        Schema,
		Catalog:       run.Catalog,
		CatalogSHA256: run.CatalogSHA256,
		DurationMS:    millis(run.Duration),
		Partial:       run.Partial,
		Stopped:       run.Stop,
		NotReached:    run.NotReached,
		Summary:       jsonSummary(Summarize(run.Results)),
	}
	if !run.StartedAt.IsZero() {
		head.StartedAt = run.StartedAt.Format(startedLayout)
	}
	return head
}

type jsonResult struct {
	ID      string `json:"id"`
	Section string `json:"section,omitempty"`
	Title   string `json:"title,omitempty"`
	Line    int    `json:"line,omitempty"`
	// TargetLine and TargetColumn locate the target's key in the catalog.
	TargetLine   int       `json:"target_line,omitempty"`
	TargetColumn int       `json:"target_column,omitempty"`
	Target       string    `json:"target"`
	URL          string    `json:"url,omitempty"`
	Arxiv        string    `json:"arxiv,omitempty"`
	Status       string    `json:"status"`
	Code         int       `json:"code,omitempty"`
	FinalURL     string    `json:"final_url,omitempty"`
	Redirects    []jsonHop `json:"redirects,omitempty"`
	PageTitle    string    `json:"page_title,omitempty"`
	CurrentTitle string    `json:"current_title,omitempty"`
	Version      int       `json:"version,omitempty"`
	VersionDate  string    `json:"version_date,omitempty"`
	JournalRef   string    `json:"journal_ref,omitempty"`
	DOI          string    `json:"doi,omitempty"`
	CatalogDOI   string    `json:"catalog_doi,omitempty"`
	Similarity   float64   `json:"similarity,omitempty"`
	Repo         string    `json:"repo,omitempty"`
	CurrentRepo  string    `json:"current_repo,omitempty"`
	PushedAt     string    `json:"pushed_at,omitempty"`
	Stage        string    `json:"stage,omitempty"`
	// The archived copy of a gone link (see result.Result): its
	// playback address, when it was captured (RFC 3339), and why there
	// is none or what it says about the original.
	ArchiveURL  string `json:"archive_url,omitempty"`
	ArchivedAt  string `json:"archived_at,omitempty"`
	ArchiveNote string `json:"archive_note,omitempty"`
	// IgnoreExpired is the until date of an ignore that has expired.
	IgnoreExpired string `json:"ignore_expired,omitempty"`
	Message       string `json:"message,omitempty"`
	Attempts      int    `json:"attempts,omitempty"`
	DurationMS    int64  `json:"duration_ms,omitempty"`
	// NetworkFailure: no HTTP answer arrived (DNS, connection, timeout).
	NetworkFailure bool `json:"network_failure,omitempty"`
	jsonHistory
}

type jsonHop struct {
	URL  string `json:"url"`
	Code int    `json:"code"`
}

// jsonSummary is {"total": N, "<status>": n, ...}: a flat object a shell
// one-liner can query (jq .summary.broken), keys in severity order.
type jsonSummary struct {
	Total  int
	Counts map[status.Status]int
}

// MarshalJSON writes "total" then the non-zero counts in severity order;
// a map would come out in alphabetical order.
func (s jsonSummary) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"total":` + strconv.Itoa(s.Total))
	for _, st := range status.All() {
		if n := s.Counts[st]; n > 0 {
			fmt.Fprintf(&b, `,%q:%d`, st.String(), n)
		}
	}
	b.WriteString("}")
	return b.Bytes(), nil
}

// UnmarshalJSON reads what MarshalJSON writes and rejects unknown keys, as
// they would mean a status this version does not know.
func (s *jsonSummary) UnmarshalJSON(data []byte) error {
	var m map[string]int
	if err := json.Unmarshal(data, &m); err != nil {
		return err
	}
	*s = jsonSummary{Counts: make(map[status.Status]int)}
	for k, n := range m {
		if k == "total" {
			s.Total = n
			continue
		}
		st, err := status.Parse(k)
		if err != nil || k != st.String() {
			return fmt.Errorf("summary: unknown key %q", k)
		}
		s.Counts[st] = n
	}
	return nil
}

// renderJSON writes the run as one indented document. The summary counts
// every result; the results list honours Options.All.
func renderJSON(buf *bytes.Buffer, run Run, opts Options) error {
	return streamJSON(buf, run, opts)
}

// streamJSON writes the document renderJSON describes to w one result at a
// time, so that a run of tens of thousands of results is never held a
// second time as a report: the bytes are those of encoding/json's indented
// encoding of the whole document (a test holds them to it).
func streamJSON(w io.Writer, run Run, opts Options) error {
	head := headOf(run)
	var item bytes.Buffer
	enc := json.NewEncoder(&item)
	// URLs with & and titles with < must stay readable in the file.
	enc.SetEscapeHTML(false)
	encode := func(v any, prefix string) ([]byte, error) {
		item.Reset()
		enc.SetIndent(prefix, "  ")
		if err := enc.Encode(v); err != nil {
			return nil, err
		}
		return bytes.TrimSuffix(item.Bytes(), []byte("\n")), nil
	}
	b, err := encode(head, "")
	if err != nil {
		return err
	}
	ew := &errWriter{w: w}
	ew.write(bytes.TrimSuffix(b, []byte("\n}"))) // the head, left open
	ew.write([]byte(",\n  \"results\": ["))
	n := 0
	for _, r := range run.Results {
		if !opts.All && !needsListing(r) {
			continue
		}
		if b, err = encode(toJSON(r), "    "); err != nil {
			return err
		}
		if n > 0 {
			ew.write([]byte(","))
		}
		ew.write([]byte("\n    "))
		ew.write(b)
		n++
	}
	if n > 0 {
		ew.write([]byte("\n  "))
	}
	ew.write([]byte("]"))
	if resolved := resolvedToJSON(run.Resolved); len(resolved) > 0 {
		if b, err = encode(resolved, "  "); err != nil {
			return err
		}
		ew.write([]byte(",\n  \"resolved\": "))
		ew.write(b)
	}
	if trend := trendToJSON(run.Trend); len(trend) > 0 {
		if b, err = encode(trend, "  "); err != nil {
			return err
		}
		ew.write([]byte(",\n  \"trend\": "))
		ew.write(b)
	}
	ew.write([]byte("\n}\n"))
	return ew.err
}

// errWriter keeps the first write error, so that a long run of writes is
// checked once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) write(p []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(p)
	}
}

func toJSON(r result.Result) jsonResult {
	j := jsonResult{
		ID:             r.ID,
		Section:        r.Section,
		Title:          r.Title,
		Line:           r.Line,
		TargetLine:     r.TargetLine,
		TargetColumn:   r.TargetColumn,
		Target:         string(r.Target),
		URL:            r.URL,
		Arxiv:          r.Arxiv,
		Status:         r.Status.String(),
		Code:           r.Code,
		FinalURL:       r.FinalURL,
		PageTitle:      r.PageTitle,
		CurrentTitle:   r.CurrentTitle,
		Version:        r.Version,
		JournalRef:     r.JournalRef,
		DOI:            r.DOI,
		CatalogDOI:     r.CatalogDOI,
		Similarity:     math.Round(r.Similarity*100) / 100,
		Repo:           r.Repo,
		CurrentRepo:    r.CurrentRepo,
		Stage:          r.Stage,
		ArchiveURL:     r.ArchiveURL,
		ArchiveNote:    r.ArchiveNote,
		Message:        r.Message,
		Attempts:       r.Attempts,
		DurationMS:     millis(r.Duration),
		NetworkFailure: r.NetworkFailure,
		jsonHistory:    historyToJSON(r.History),
	}
	for _, h := range r.Redirects {
		j.Redirects = append(j.Redirects, jsonHop(h))
	}
	if !r.VersionDate.IsZero() {
		j.VersionDate = r.VersionDate.Format(dateLayout)
	}
	if !r.PushedAt.IsZero() {
		j.PushedAt = r.PushedAt.UTC().Format(dateLayout)
	}
	if !r.ArchivedAt.IsZero() {
		j.ArchivedAt = r.ArchivedAt.UTC().Format(time.RFC3339)
	}
	if !r.IgnoreExpired.IsZero() {
		j.IgnoreExpired = r.IgnoreExpired.UTC().Format(dateLayout)
	}
	return j
}

func millis(d time.Duration) int64 {
	return d.Round(time.Millisecond).Milliseconds()
}
