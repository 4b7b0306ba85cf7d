package report

import (
	"bytes"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// mainStatuses are the problems a maintainer fixes by editing the catalog;
// markdown shows them in the open. The other attention statuses are usually
// transient or need a look by hand, so they go under a fold unless FailOn
// makes them failures.
var mainStatuses = status.NewSet(status.Broken, status.Moved, status.Retitled, status.Updated, status.Stale)

// renderMarkdown writes a GitHub-flavoured issue body or job summary.
func renderMarkdown(buf *bytes.Buffer, run Run, opts Options) error {
	results := listed(run.Results, opts)
	var lead []*mdSection
	if hasHistory(run) {
		// With a history, what fails the run is told by its story (new,
		// still failing, resolved) ahead of the other sections.
		lead, results = historySections(run, opts, results)
	}
	groups := byStatus(results)
	var open, folded, fine []*mdSection
	for _, st := range status.All() {
		if len(groups[st]) == 0 {
			continue
		}
		sec := &mdSection{st: st, rows: markdownRows(run, opts, groups[st]), note: failNote(opts, groups[st])}
		sec.shown = len(sec.rows)
		switch {
		case st.Attention() && (mainStatuses.Has(st) || opts.FailOn.Has(st)):
			open = append(open, sec)
		case st.Attention():
			folded = append(folded, sec)
		default:
			fine = append(fine, sec)
		}
	}
	doc := mdDoc{run: run, opts: opts, sum: Summarize(run.Results), lead: lead, open: open, folded: folded, fine: fine,
		chart: trendChart(run.Trend, opts.FailOn)}
	doc.write(buf)
	if opts.MaxBytes <= 0 || buf.Len() <= opts.MaxBytes {
		return nil
	}
	if err := doc.fit(opts.MaxBytes); err != nil {
		return err
	}
	buf.Reset()
	doc.write(buf)
	return nil
}

// mdSection is one table, its rows rendered ahead so that a capped report
// can count what fits: one status's results, or with a history, the new,
// still failing or resolved ones.
type mdSection struct {
	st      status.Status
	heading string // "" means the status's title
	header  string // the table's header; "" means mdTableHeader
	note    string // after the heading's count, e.g. " · fails the run"
	rows    []string
	shown   int // rows written; the rest are counted in a note
}

func (sec *mdSection) tableHeader() string {
	if sec.header != "" {
		return sec.header
	}
	return mdTableHeader
}

// mdDoc is a Markdown report laid out: open sections, then the warnings'
// fold, then the fold of results that need nothing.
type mdDoc struct {
	run                Run
	opts               Options
	sum                Summary
	lead               []*mdSection // with a history: new, still failing, resolved
	open, folded, fine []*mdSection
	// chart draws the trend of the last runs; "" when there is none, or
	// when a capped report has no room for it.
	chart  string
	capped bool // some rows may be left out: say so at the top
	sizing bool // writing the skeleton: notice at its longest
}

const mdTableHeader = "| Entry | Line | URL | Found | Suggested fix |\n|---|---|---|---|---|\n"

// sections lists every section in the order the document shows them.
func (d *mdDoc) sections() []*mdSection {
	all := make([]*mdSection, 0, len(d.lead)+len(d.open)+len(d.folded)+len(d.fine))
	return append(append(append(append(all, d.lead...), d.open...), d.folded...), d.fine...)
}

// writeFold writes sections inside a <details> block, collapsed by default.
func (d *mdDoc) writeFold(buf *bytes.Buffer, title string, secs []*mdSection) {
	if len(secs) == 0 {
		return
	}
	n := 0
	for _, sec := range secs {
		n += len(sec.rows)
	}
	// GitHub renders markdown inside <details> only after a blank line.
	fmt.Fprintf(buf, "\n<details><summary>%s (%d)</summary>\n", title, n)
	for _, sec := range secs {
		buf.WriteString("\n")
		d.writeSection(buf, sec)
	}
	buf.WriteString("\n</details>\n")
}

func (d *mdDoc) writeSection(buf *bytes.Buffer, sec *mdSection) {
	heading := sec.heading
	if heading == "" {
		heading = title(sec.st)
	}
	fmt.Fprintf(buf, "### %s (%d)%s\n\n", heading, len(sec.rows), sec.note)
	if sec.shown > 0 {
		buf.WriteString(sec.tableHeader())
		for _, row := range sec.rows[:sec.shown] {
			buf.WriteString(row)
		}
	}
	switch left := len(sec.rows) - sec.shown; {
	case left == 0:
	case sec.shown == 0:
		fmt.Fprintf(buf, noneListed, left)
	default:
		fmt.Fprintf(buf, someListed, left)
	}
}

// markdownRows renders one table row per result.
func markdownRows(run Run, opts Options, results []result.Result) []string {
	rows := make([]string, len(results))
	for i, r := range results {
		cells := []string{
			cell(r.ID),
			lineLink(run.Catalog, r.Line, opts.LinkBase),
			targetLink(r),
			cell(found(r).String() + historyNote(opts, r)),
			cell(suggestion(r)),
		}
		rows[i] = "| " + strings.Join(cells, " | ") + " |\n"
	}
	return rows
}

func statuses(secs []*mdSection) []status.Status {
	sts := make([]status.Status, len(secs))
	for i, sec := range secs {
		sts[i] = sec.st
	}
	return sts
}

func (d *mdDoc) write(buf *bytes.Buffer) {
	fmt.Fprintf(buf, "## linkcheck: %s\n\n", headline(d.sum, d.run))
	if d.run.Partial {
		fmt.Fprintf(buf, "> **%s:** partial results; %s.\n\n", partialTitle(d.run), partialNote(d.run))
	}
	if d.capped {
		shown, total := 0, 0
		for _, sec := range d.sections() {
			total += len(sec.rows)
			shown += sec.shown
		}
		if d.sizing {
			shown = total
		}
		fmt.Fprintf(buf, "> **Shortened:** %d of %d findings listed, to stay within %d bytes; the JSON results list them all.\n\n", shown, total, d.opts.MaxBytes)
	}
	buf.WriteString(runLine(d.run) + "\n")
	if d.chart != "" {
		buf.WriteString("\n" + d.chart)
	}
	for _, sec := range append(d.lead[:len(d.lead):len(d.lead)], d.open...) {
		buf.WriteString("\n")
		d.writeSection(buf, sec)
	}
	d.writeFold(buf, "Warnings", d.folded)
	d.writeFold(buf, foldTitle(statuses(d.fine)), d.fine)
	fmt.Fprintf(buf, "\n%s\n", d.sum)
}

// headline names the problems, or says there are none. A partial run
// never says "all … ok": the targets it did not reach may be broken, and
// the headline is what a pull request or a job summary shows first.
func headline(sum Summary, run Run) string {
	if parts := sum.parts(status.Status.Attention); len(parts) > 0 {
		return strings.Join(parts, ", ")
	}
	ok, skipped := sum.Counts[status.OK], sum.Counts[status.Skipped]
	line := fmt.Sprintf("all %d links ok", ok)
	switch {
	case run.Partial:
		line = fmt.Sprintf("%s: %d links ok", strings.ToLower(partialTitle(run)), ok)
		if n := notReached(run); n != "" {
			line += ", " + n
		}
	case ok == 0:
		// "all 0 links ok" would pass for good news.
		line = "nothing checked"
	}
	if skipped > 0 {
		line += fmt.Sprintf(" (%d skipped)", skipped)
	}
	return line
}

// runLine says what was checked, when, and how long it took. The date is
// the run's own, so re-rendering a run gives the same text.
func runLine(run Run) string {
	var parts []string
	if run.Catalog != "" {
		parts = append(parts, "`"+strings.ReplaceAll(run.Catalog, "`", "'")+"`")
	}
	if !run.StartedAt.IsZero() {
		parts = append(parts, "checked "+run.StartedAt.UTC().Format("2006-01-02 15:04 UTC"))
	}
	if run.Duration > 0 {
		parts = append(parts, "took "+humanDuration(run.Duration))
	}
	return strings.Join(parts, " · ")
}

// title is a status's name as a heading word: "Broken", "OK".
func title(st status.Status) string {
	if st == status.OK {
		return "OK"
	}
	name := st.String()
	return strings.ToUpper(name[:1]) + name[1:]
}

// foldTitle names the fold of results that need nothing: "OK and skipped".
func foldTitle(sts []status.Status) string {
	names := make([]string, len(sts))
	for i, st := range sts {
		names[i] = st.String()
		if i == 0 {
			names[i] = title(st)
		}
	}
	return strings.Join(names, " and ")
}

// targetLink is the checked URL, or the arXiv ID or repository linked to
// its page so the reader can compare titles, versions and dates in one
// click.
func targetLink(r result.Result) string {
	t := cell(target(r))
	switch {
	case r.Target == result.TargetArxiv && r.Arxiv != "":
		return "[" + t + "](https://arxiv.org/abs/" + strings.ReplaceAll(url.PathEscape(r.Arxiv), "%2F", "/") + ")"
	case r.Target == result.TargetGitHub && r.Repo != "":
		return "[" + t + "](https://github.com/" + strings.ReplaceAll(url.PathEscape(r.Repo), "%2F", "/") + ")"
	case r.Target == result.TargetHuggingFace && r.Repo != "":
		return "[" + t + "](https://huggingface.co/" + strings.ReplaceAll(url.PathEscape(r.Repo), "%2F", "/") + ")"
	}
	return t
}

// lineLink is "resources.yaml:12", linked to that line when a base is set.
func lineLink(file string, line int, base string) string {
	text := cell(location(file, line))
	if base == "" || line <= 0 {
		return text
	}
	return "[" + text + "](" + strings.ReplaceAll(base, " ", "%20") + "#L" + strconv.Itoa(line) + ")"
}

// cellEscaper keeps untrusted text inside its table cell: a pipe would end
// the cell, a newline the row, and < could open HTML.
var cellEscaper = strings.NewReplacer(
	"|", `\|`,
	"\r\n", "<br>",
	"\n", "<br>",
	"\r", "<br>",
	"<", "&lt;",
)

func cell(s string) string {
	return cellEscaper.Replace(strings.TrimSpace(s))
}
