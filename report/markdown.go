package report

import (
	"bytes"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/ai-reading-list/linkcheck/checker"
	"github.com/ai-reading-list/linkcheck/status"
)

// mainStatuses are the problems a maintainer fixes by editing the catalog;
// markdown shows them in the open. The other attention statuses are usually
// transient or need a look by hand, so they go under a fold unless FailOn
// makes them failures.
var mainStatuses = status.NewSet(status.Broken, status.Moved, status.Retitled, status.Updated)

// renderMarkdown writes a GitHub-flavoured issue body or job summary.
func renderMarkdown(buf *bytes.Buffer, run Run, opts Options) error {
	sum := Summarize(run.Results)
	fmt.Fprintf(buf, "## linkcheck: %s\n\n", headline(sum))
	if run.Partial {
		buf.WriteString("> **Interrupted:** partial results; not every link was checked.\n\n")
	}
	buf.WriteString(runLine(run) + "\n")

	groups := byStatus(listed(run.Results, opts))
	var folded, fine []status.Status
	for _, st := range status.All() {
		switch {
		case len(groups[st]) == 0:
		case st.Attention() && (mainStatuses.Has(st) || opts.FailOn.Has(st)):
			buf.WriteString("\n")
			writeMarkdownGroup(buf, run, opts, st, groups[st])
		case st.Attention():
			folded = append(folded, st)
		default:
			fine = append(fine, st)
		}
	}
	writeFold(buf, run, opts, "Warnings", folded, groups)
	writeFold(buf, run, opts, foldTitle(fine), fine, groups)
	fmt.Fprintf(buf, "\n%s\n", sum)
	return nil
}

// headline names the problems, or says there are none.
func headline(sum Summary) string {
	if parts := sum.parts(status.Status.Attention); len(parts) > 0 {
		return strings.Join(parts, ", ")
	}
	if n := sum.Counts[status.Skipped]; n > 0 {
		return fmt.Sprintf("all %d links ok (%d skipped)", sum.Counts[status.OK], n)
	}
	return fmt.Sprintf("all %d links ok", sum.Counts[status.OK])
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

// writeFold writes groups inside a <details> block, collapsed by default.
func writeFold(buf *bytes.Buffer, run Run, opts Options, title string, sts []status.Status, groups map[status.Status][]checker.Result) {
	if len(sts) == 0 {
		return
	}
	n := 0
	for _, st := range sts {
		n += len(groups[st])
	}
	// GitHub renders markdown inside <details> only after a blank line.
	fmt.Fprintf(buf, "\n<details><summary>%s (%d)</summary>\n", title, n)
	for _, st := range sts {
		buf.WriteString("\n")
		writeMarkdownGroup(buf, run, opts, st, groups[st])
	}
	buf.WriteString("\n</details>\n")
}

func writeMarkdownGroup(buf *bytes.Buffer, run Run, opts Options, st status.Status, results []checker.Result) {
	fmt.Fprintf(buf, "### %s (%d)", title(st), len(results))
	if opts.FailOn.Has(st) {
		buf.WriteString(" · fails the run")
	}
	buf.WriteString("\n\n| Entry | Line | URL | Found | Suggested fix |\n|---|---|---|---|---|\n")
	for _, r := range results {
		cells := []string{
			cell(r.ID),
			lineLink(run.Catalog, r.Line, opts.LinkBase),
			targetLink(r),
			cell(found(r).String()),
			cell(suggestion(r)),
		}
		buf.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
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

// targetLink is the checked URL, or the arXiv ID linked to its abstract
// page so the reader can compare titles and versions in one click.
func targetLink(r checker.Result) string {
	t := cell(target(r))
	if r.Target != checker.TargetArxiv || r.Arxiv == "" {
		return t
	}
	return "[" + t + "](https://arxiv.org/abs/" + strings.ReplaceAll(url.PathEscape(r.Arxiv), "%2F", "/") + ")"
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
