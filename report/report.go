// Package report renders the results of a linkcheck run for people (table),
// for machines (json), for GitHub issues and job summaries (markdown) and
// for GitHub Actions annotations (github), for GitHub code scanning (sarif)
// and for the test tab of CI systems (junit).
//
// Reporters only render: every verdict is already in the results, so the
// same run renders identically in every format and can be re-rendered later
// from its JSON form (ReadJSON).
package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/state"
	"github.com/ai-reading-list/linkcheck/status"
)

// Schema names the JSON document's format. It changes only when a field is
// removed or changes meaning, so consumers can refuse what they don't know.
const Schema = "linkcheck.report/v1"

// DefaultWidth is the table width used when Options.Width is not set.
const DefaultWidth = 100

// Run is one finished (or interrupted) check of a catalog.
type Run struct {
	Catalog string // catalog file name as given, e.g. "resources.yaml"
	// CatalogSHA256 is the hex SHA-256 of the catalog's bytes as checked,
	// so that a saved run can tell the catalog it belongs to; "" in a run
	// saved before it was recorded.
	CatalogSHA256 string
	StartedAt     time.Time
	Duration      time.Duration
	Results       []result.Result // in catalog order; reporters keep that order
	Partial       bool            // interrupted: not every link was checked
	// Stop says why a partial run ended early; NotReached is how many of
	// its targets it never checked.
	Stop       Stop
	NotReached int
	// Resolved lists the targets that needed attention in the last run
	// and are fine now; set when the run kept a history.
	Resolved []state.Resolved
	// Trend sums up the last runs of the history, this one included,
	// oldest first; set when the run kept a history.
	Trend []state.RunSummary
}

// Format names an output format.
type Format string

// The output formats. The zero Format renders as FormatTable.
const (
	FormatTable    Format = "table"
	FormatJSON     Format = "json"
	FormatMarkdown Format = "markdown"
	FormatGitHub   Format = "github"
	// FormatSARIF is SARIF 2.1.0, for GitHub code scanning.
	FormatSARIF Format = "sarif"
	// FormatJUnit is JUnit XML, for the test tab of a CI system.
	FormatJUnit Format = "junit"
)

// Formats lists every format, for flag help and error messages.
func Formats() []Format {
	return []Format{FormatTable, FormatJSON, FormatMarkdown, FormatGitHub, FormatSARIF, FormatJUnit}
}

// ParseFormat returns the format named s (case-insensitive).
func ParseFormat(s string) (Format, error) {
	name := Format(strings.ToLower(strings.TrimSpace(s)))
	for _, f := range Formats() {
		if f == name {
			return f, nil
		}
	}
	names := make([]string, 0, len(Formats()))
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	return "", fmt.Errorf("unknown format %q (want one of %s)", s, strings.Join(names, ", "))
}

// Options says how to render a run.
type Options struct {
	Format Format
	// All includes ok, archived and skipped results; otherwise only results whose
	// status needs attention are listed. Summaries always count every result.
	All bool
	// FailOn is the statuses that fail the run: github reports them as
	// errors rather than warnings, table and markdown mark them.
	FailOn status.Set
	// Color enables ANSI colour in the table. The caller decides (TTY,
	// NO_COLOR, --color); the reporter never inspects the terminal.
	Color bool
	// Width is the table's terminal width; 0 means DefaultWidth.
	Width int
	// LinkBase, when set, makes markdown link each entry's line to
	// LinkBase + "#L" + line, e.g. a blob URL of the catalog at a commit.
	LinkBase string
	// MaxBytes, when positive, caps a markdown report's size: the least
	// severe rows that do not fit are left out, each section says how many,
	// and a notice at the top says the report was shortened. GitHub refuses
	// an issue body over 65,536 characters and a job summary over 1 MiB.
	MaxBytes int
	// ToolVersion names the linkcheck that ran, for SARIF's tool.driver.
	ToolVersion string
	// ArtifactURI is the catalog's path from the repository root,
	// slash-separated, which SARIF locates results in; "" means the
	// catalog's name as given.
	ArtifactURI string
}

// render writes one format into a buffer; Write copies it out in one call
// so that a rendering error never leaves half a report on w.
type render func(buf *bytes.Buffer, run Run, opts Options) error

// renderers is the dispatch table of formats; it is never written.
var renderers = map[Format]render{
	FormatTable:    renderTable,
	FormatJSON:     renderJSON,
	FormatMarkdown: renderMarkdown,
	FormatGitHub:   renderGitHub,
	FormatSARIF:    renderSARIF,
	FormatJUnit:    renderJUnit,
}

// Write renders run to w in opts.Format. It writes nothing when it fails,
// and it fails on a result without a valid status (a check that never
// reached a verdict) rather than render it as something it is not.
func Write(w io.Writer, run Run, opts Options) error {
	f := opts.Format
	if f == "" {
		f = FormatTable
	}
	r, ok := renderers[f]
	if !ok {
		return fmt.Errorf("write report: unknown format %q", string(opts.Format))
	}
	// An Unknown status means a check never finished its verdict; showing
	// it as anything would hide the bug that produced it.
	for i, res := range run.Results {
		if !valid(res.Status) {
			return fmt.Errorf("write report: result %d (%s) has no valid status", i+1, res.ID)
		}
	}
	if f == FormatJSON {
		// JSON is what large runs are saved as, and once every status is
		// valid it cannot fail but in writing: it goes straight to w
		// rather than through a second copy of the report.
		bw := bufio.NewWriterSize(w, 64<<10)
		err := streamJSON(bw, run, opts)
		if err == nil {
			err = bw.Flush()
		}
		if err != nil {
			return fmt.Errorf("write %s report: %w", f, err)
		}
		return nil
	}
	var buf bytes.Buffer
	if err := r(&buf, run, opts); err != nil {
		return fmt.Errorf("write %s report: %w", f, err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write %s report: %w", f, err)
	}
	return nil
}

// listed returns the results the options ask to show, in run order.
func listed(results []result.Result, opts Options) []result.Result {
	if opts.All {
		return results
	}
	out := make([]result.Result, 0, len(results))
	for _, r := range results {
		if needsListing(r) {
			out = append(out, r)
		}
	}
	return out
}

// needsListing reports a result shown without --all: one that needs
// attention, a page whose title changed since the last run (it may have
// become another page) whatever its status, and an expired ignore, which
// needs the maintainers even on a link that works again: the ignore
// should go, like an archive key once the original answers again; and a
// catalog doi that differs from arXiv's, which a person must settle.
func needsListing(r result.Result) bool {
	return r.Status.Attention() || r.History.PreviousTitle != "" || !r.IgnoreExpired.IsZero() || archiveCanGo(r) || doiDiffers(r)
}

// byStatus groups results by status, keeping run order inside each group.
func byStatus(results []result.Result) map[status.Status][]result.Result {
	groups := make(map[status.Status][]result.Result)
	for _, r := range results {
		groups[r.Status] = append(groups[r.Status], r)
	}
	return groups
}

// valid reports whether s is one of the finished statuses.
func valid(s status.Status) bool {
	for _, v := range status.All() {
		if s == v {
			return true
		}
	}
	return false
}
