package catalogedit

import (
	"fmt"
	"io"
	"strings"

	"github.com/ai-reading-list/linkcheck/status"
)

// Outcome is what one fix run did, for people: the fixes applied (or, in
// a dry run, that would be) and the findings left to a human.
type Outcome struct {
	Catalog string // the catalog file as named on the command line
	Applied []Fix
	Human   []Attention
	DryRun  bool
	// LeftOut counts the findings Only left out, by status (Plan.LeftOut),
	// and LeftOutKeys the keys left out (Plan.LeftOutKeys).
	LeftOut     map[status.Status]int
	LeftOutKeys map[string]int
	Only        status.Set
	Published   bool // Options.Published
	Archived    bool // Options.Archived
}

// Headline is the outcome in one line: "2 changes to resources.yaml; 3
// entries need a human".
func (o Outcome) Headline() string {
	var parts []string
	switch n := len(o.Applied); {
	case n == 0:
		parts = append(parts, "nothing to fix in "+o.Catalog)
	case o.DryRun:
		parts = append(parts, fmt.Sprintf("%d %s to %s (dry run: nothing written)", n, plural(n, "change", "changes"), o.Catalog))
	default:
		parts = append(parts, fmt.Sprintf("%d %s to %s", n, plural(n, "change", "changes"), o.Catalog))
	}
	if left := o.leftOut(); left != "" {
		parts = append(parts, left)
	}
	if n := len(o.Human); n > 0 {
		parts = append(parts, fmt.Sprintf("%d %s a human", n, plural(n, "entry needs", "entries need")))
	}
	return strings.Join(parts, "; ")
}

// leftOut says what --only left out: "3 retitled, 1 updated, 2 published
// not applied: --only moved", or "".
func (o Outcome) leftOut() string {
	var counts []string
	for _, s := range status.All() {
		if n := o.LeftOut[s]; n > 0 {
			counts = append(counts, fmt.Sprintf("%d %s", n, s))
		}
	}
	for _, k := range []string{Published, Archived} {
		if n := o.LeftOutKeys[k]; n > 0 {
			counts = append(counts, fmt.Sprintf("%d %s", n, k))
		}
	}
	if len(counts) == 0 {
		return ""
	}
	var only []string
	if o.Only != 0 {
		only = append(only, o.Only.String())
	}
	if o.Published {
		only = append(only, Published)
	}
	if o.Archived {
		only = append(only, Archived)
	}
	return strings.Join(counts, ", ") + " not applied: --only " + strings.Join(only, ",")
}

// WriteChanges writes one line per fix: where, what changed, and the
// evidence.
func (o Outcome) WriteChanges(w io.Writer) error {
	for _, f := range o.Applied {
		change := fmt.Sprintf("%s %s → %s", f.Field, f.Old, f.New)
		if f.Old == "" {
			change = fmt.Sprintf("%s added: %s", f.Field, f.New)
		}
		if _, err := fmt.Fprintf(w, "%s:%d: %s: %s (%s: %s)\n",
			o.Catalog, f.Line, f.ID, change, f.finding(), f.Evidence); err != nil {
			return err
		}
	}
	return nil
}

// WriteHuman writes the findings left to a person under a heading.
func (o Outcome) WriteHuman(w io.Writer) error {
	if len(o.Human) == 0 {
		return nil
	}
	if _, err := fmt.Fprintf(w, "needs a human (%d):\n", len(o.Human)); err != nil {
		return err
	}
	for _, h := range o.Human {
		if _, err := fmt.Fprintf(w, "  %s:%d: %s (%s): %s\n", o.Catalog, h.Line, h.ID, h.Status, h.Reason); err != nil {
			return err
		}
	}
	return nil
}

// WriteMarkdown writes the outcome as a pull request body: a table of the
// changes with their evidence, then the findings left to a person.
func (o Outcome) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## linkcheck fix: %s\n\n", cell(o.Headline()))
	if len(o.Applied) > 0 {
		b.WriteString("| Entry | Line | Field | Old | New | Evidence |\n|---|---|---|---|---|---|\n")
		for _, f := range o.Applied {
			fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s: %s |\n",
				cell(f.ID), f.Line, f.Field, cell(f.Old), cell(f.New), f.finding(), cell(f.Evidence))
		}
		b.WriteString("\n")
	}
	if len(o.Human) > 0 {
		fmt.Fprintf(&b, "### Needs a human (%d)\n\n| Entry | Line | Status | Why |\n|---|---|---|---|\n", len(o.Human))
		for _, h := range o.Human {
			fmt.Fprintf(&b, "| %s | %d | %s | %s |\n", cell(h.ID), h.Line, h.Status, cell(h.Reason))
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cell makes text safe in a Markdown table cell: no line breaks, pipes
// escaped, and nothing GitHub would read as a mention or markup.
func cell(s string) string {
	return strings.NewReplacer("\r", " ", "\n", " ", "|", `\|`, "<", "&lt;", ">", "&gt;", "@", "@\u200b").Replace(s)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
