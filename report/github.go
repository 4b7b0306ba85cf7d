package report

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// renderGitHub writes GitHub Actions workflow commands: one annotation per
// listed result, attached to the catalog's line and column of the value it
// is about, then a plain summary line.
// Statuses in FailOn are errors, the rest warnings, so the annotations
// agree with the run's exit code.
func renderGitHub(buf *bytes.Buffer, run Run, opts Options) error {
	if run.Partial {
		buf.WriteString("::warning title=" + escapeProperty(strings.ToLower(partialTitle(run))) + "::" + escapeData("partial results: "+partialNote(run)) + "\n")
	}
	for _, r := range listed(run.Results, opts) {
		if !r.Status.Attention() && r.IgnoreExpired.IsZero() && r.History.PreviousTitle == "" && !archiveCanGo(r) && !doiDiffers(r) {
			continue // annotations are for problems, even with All
		}
		level, title := "warning", r.Status.String()
		switch {
		case r.History.PreviousTitle != "" && !r.Status.Attention():
			title = "page title changed"
		case archiveCanGo(r):
			title = "archive can go"
		case doiDiffers(r) && !r.Status.Attention():
			title = "doi differs"
		case opts.FailOn.Has(r.Status) && r.History.Pending:
			// Watched, not failing yet: a warning, as the exit code says.
			title = r.Status.String() + " link (watching)"
		case opts.FailOn.Has(r.Status):
			level, title = "error", r.Status.String()+" link"
		}
		var props []string
		if run.Catalog != "" {
			props = append(props, "file="+escapeProperty(run.Catalog))
		}
		// At the value the finding is about (the url, arxiv or github
		// key's, or the link in a Markdown list), so that it sits on the
		// line a pull request changes; at the entry in a run saved
		// before targets were located.
		if line, col := r.Place(); line > 0 {
			props = append(props, "line="+strconv.Itoa(line))
			if col > 0 {
				props = append(props, "col="+strconv.Itoa(col))
			}
		}
		props = append(props, "title="+escapeProperty(title))
		msg := fmt.Sprintf("%s: %s", r.ID, target(r))
		switch f := found(r); {
		case f.URL != "":
			msg += " → " + f.URL
		case f.Text != "":
			msg += " — " + f.Text
		}
		msg += historyNote(opts, r)
		fmt.Fprintf(buf, "::%s %s::%s\n", level, strings.Join(props, ","), escapeData(msg))
	}
	fmt.Fprintf(buf, "%s\n", Summarize(run.Results))
	return nil
}

// GitHub's escaping rules for workflow commands: data may not hold raw
// line breaks or a bare %, and property values additionally not the : and ,
// that separate properties.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
