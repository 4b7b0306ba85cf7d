package report

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ai-reading-list/linkcheck/status"
)

// ANSI colours of the table's group headings.
const (
	ansiReset  = "\x1b[0m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiCyan   = "\x1b[1;36m"
	ansiGreen  = "\x1b[1;32m"
	ansiBold   = "\x1b[1m"
)

// Layout of a table row: an indent, then columns separated by a gap.
const (
	tableIndent = "  "
	tableGap    = "  "
	// continuationIndent starts a finding too long for its row's line.
	continuationIndent = "      "
	// minFlexible is the fewest columns the URL and finding columns share
	// even on a terminal too narrow for the fixed columns.
	minFlexible = 24
	// maxFoundShare is how much of the line the finding may claim before
	// the URL column stops giving way.
	maxFoundShare = 30
)

// statusColor groups statuses by how urgent they look: red is gone or
// failing, yellow needs a decision, cyan is informational (a dead link
// served by its archived copy included).
func statusColor(s status.Status) string {
	switch s {
	case status.Broken, status.Error:
		return ansiRed
	case status.Moved, status.Retitled, status.Stale, status.Blocked, status.Timeout:
		return ansiYellow
	case status.Updated, status.Redirected, status.Archived:
		return ansiCyan
	case status.OK:
		return ansiGreen
	}
	return ansiBold
}

// tableRow is one result's cells before layout.
type tableRow struct {
	id, where, target string
	found             finding
	note              string // the result's place in the history, if kept
}

// tableGroup is a heading and its rows.
type tableGroup struct {
	heading, color string
	rows           []tableRow
}

// renderTable writes results grouped by status in severity order, each
// group under a heading, then what was resolved since the last run, with
// columns aligned across groups.
func renderTable(buf *bytes.Buffer, run Run, opts Options) error {
	if run.Partial {
		buf.WriteString(paint(opts, ansiYellow, strings.ToLower(partialTitle(run))+": partial results, "+partialNote(run)) + "\n")
	}
	groups := byStatus(listed(run.Results, opts))
	var table []tableGroup
	for _, st := range status.All() {
		if len(groups[st]) == 0 {
			continue
		}
		g := tableGroup{
			heading: fmt.Sprintf("%s (%d)%s", strings.ToUpper(st.String()), len(groups[st]), failNote(opts, groups[st])),
			color:   statusColor(st),
		}
		for _, r := range groups[st] {
			g.rows = append(g.rows, tableRow{
				id:     oneLine(r.ID),
				where:  location(run.Catalog, r.Line),
				target: oneLine(target(r)),
				found:  found(r),
				note:   historyNote(opts, r),
			})
		}
		table = append(table, g)
	}
	if len(run.Resolved) > 0 {
		g := tableGroup{heading: fmt.Sprintf("RESOLVED SINCE LAST RUN (%d)", len(run.Resolved)), color: ansiGreen}
		for _, r := range run.Resolved {
			g.rows = append(g.rows, tableRow{
				id:     oneLine(r.ID),
				where:  location(run.Catalog, r.Line),
				target: oneLine(target(resolvedTarget(r))),
				found:  finding{Text: resolvedFinding(r.Previous, r.Since.UTC().Format(dateLayout), r.Runs)},
			})
		}
		table = append(table, g)
	}
	var idW, whereW, targetW, foundW int
	for _, g := range table {
		for _, row := range g.rows {
			idW = max(idW, displayWidth(row.id))
			whereW = max(whereW, displayWidth(row.where))
			targetW = max(targetW, displayWidth(row.target))
			foundW = max(foundW, displayWidth(row.found.String()+row.note))
		}
	}
	width := opts.Width
	if width <= 0 {
		width = DefaultWidth
	}
	// The finding is what a maintainer acts on, so it is never cut; the
	// URL column gives way (losing its middle) when the line is too long.
	fixed := len(tableIndent) + idW + whereW + 3*len(tableGap)
	targetW = min(targetW, max(width-fixed-min(foundW, maxFoundShare), minFlexible))

	for i, g := range table {
		if i > 0 || run.Partial {
			buf.WriteString("\n")
		}
		buf.WriteString(paint(opts, g.color, g.heading) + "\n")
		for _, row := range g.rows {
			line := tableIndent + padRight(row.id, idW) + tableGap +
				padRight(row.where, whereW) + tableGap +
				padRight(shortenMiddle(row.target, targetW), targetW)
			found := fitFinding(row.found) + row.note
			if displayWidth(line)+len(tableGap)+displayWidth(found) <= width {
				buf.WriteString(strings.TrimRight(line+tableGap+found, " ") + "\n")
				continue
			}
			// Too long for one line: the finding goes on its own line
			// rather than losing the part a maintainer needs.
			buf.WriteString(strings.TrimRight(line, " ") + "\n")
			buf.WriteString(continuationIndent + found + "\n")
		}
	}
	if len(table) > 0 || run.Partial {
		buf.WriteString("\n")
	}
	line := Summarize(run.Results).String()
	if run.Duration > 0 {
		line += " in " + humanDuration(run.Duration)
	}
	buf.WriteString(line + "\n")
	return nil
}

// fitFinding renders a finding in full, never cut: a new address or a
// current title is the thing to copy into the catalog.
func fitFinding(f finding) string {
	if f.URL != "" {
		return "→ " + oneLine(f.URL)
	}
	return oneLine(f.Text)
}

// location is "resources.yaml:12", the form editors and terminals turn
// into a jump to the line.
func location(file string, line int) string {
	switch {
	case line <= 0:
		return file
	case file == "":
		return "line " + strconv.Itoa(line)
	}
	return file + ":" + strconv.Itoa(line)
}

// paint wraps s in colour when the options ask for it.
func paint(opts Options, color, s string) string {
	if !opts.Color {
		return s
	}
	return color + s + ansiReset
}

// humanDuration rounds d to what a person would care about.
func humanDuration(d time.Duration) string {
	switch {
	case d < time.Second:
		return d.Round(time.Millisecond).String()
	case d < time.Minute:
		return d.Round(100 * time.Millisecond).String()
	}
	return d.Round(time.Second).String()
}
