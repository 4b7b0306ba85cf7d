package arxiv

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// The tags name namespaces by URI, never by prefix: the current API declares
// them once on <feed>, the legacy one inline on each element, and both must
// read the same.
type atomFeed struct {
	XMLName      xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	TotalResults string      `xml:"http://a9.com/-/spec/opensearch/1.1/ totalResults"`
	Entries      []atomEntry `xml:"http://www.w3.org/2005/Atom entry"`
}

type atomEntry struct {
	ID string `xml:"http://www.w3.org/2005/Atom id"`
	// Title is a pointer because a missing title (the legacy API dropped the
	// title of the paper called "0") must stay distinct from an empty one.
	Title      *string `xml:"http://www.w3.org/2005/Atom title"`
	Summary    string  `xml:"http://www.w3.org/2005/Atom summary"`
	Updated    string  `xml:"http://www.w3.org/2005/Atom updated"`
	Comment    string  `xml:"http://arxiv.org/schemas/atom comment"`
	JournalRef string  `xml:"http://arxiv.org/schemas/atom journal_ref"`
	DOI        string  `xml:"http://arxiv.org/schemas/atom doi"`
}

// feed is a parsed API response.
type feed struct {
	// totalResults is only a hint for retries: the legacy API counted
	// missing IDs in it, and sometimes reported results it did not send.
	totalResults int
	// rawEntries counts every <entry>, legacy stubs and error entries too.
	rawEntries int
	entries    []entry
	// errorMessage is the text of an error entry ("incorrect id format for
	// abc"); the feed then holds no papers.
	errorMessage string
}

// entry is one paper version as the feed describes it.
type entry struct {
	id       catalog.ArxivID // Version is the version this entry describes
	title    string          // whitespace folded
	hasTitle bool
	// updated is the submission date of this version (<published> is
	// v1's, whatever version the entry describes).
	updated    time.Time
	comment    string
	journalRef string
	doi        string
}

// errNotAtom says a body is no Atom feed: an empty body or an HTML error
// page, which arXiv's edge serves under load. Such answers are retried.
var errNotAtom = errors.New("response is not an Atom feed")

// parseFeed reads an API response in the current or the legacy format.
// Entries without an arXiv <id> (legacy stubs for missing IDs) are counted
// but dropped; the error entry is never taken for a paper.
func parseFeed(body []byte) (feed, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return feed{}, fmt.Errorf("%w: empty body", errNotAtom)
	}
	var af atomFeed
	if err := xml.Unmarshal(body, &af); err != nil {
		return feed{}, fmt.Errorf("%w: %w", errNotAtom, err)
	}
	f := feed{rawEntries: len(af.Entries)}
	f.totalResults, _ = strconv.Atoi(strings.TrimSpace(af.TotalResults))
	for _, ae := range af.Entries {
		if isErrorEntry(ae) {
			f.errorMessage = foldSpace(ae.Summary)
			if f.errorMessage == "" {
				f.errorMessage = "arXiv API error " + foldSpace(ae.ID)
			}
			continue
		}
		if e, ok := ae.paper(); ok {
			f.entries = append(f.entries, e)
		}
	}
	return f, nil
}

func isErrorEntry(ae atomEntry) bool {
	return strings.Contains(ae.ID, "/api/errors") ||
		(ae.Title != nil && strings.TrimSpace(*ae.Title) == "Error" && !strings.Contains(ae.ID, "/abs/"))
}

// paper converts an entry; ok is false when its <id> names no arXiv paper.
// The ID is everything after "/abs/", not the last path segment: old-style
// IDs hold a slash ("quant-ph/0201082v1").
func (ae atomEntry) paper() (entry, bool) {
	_, rest, found := strings.Cut(strings.TrimSpace(ae.ID), "/abs/")
	if !found {
		return entry{}, false
	}
	id, err := catalog.ParseArxivID(rest)
	if err != nil {
		return entry{}, false
	}
	e := entry{
		id:         id,
		updated:    parseTime(ae.Updated),
		comment:    foldSpace(ae.Comment),
		journalRef: foldSpace(ae.JournalRef),
		doi:        strings.TrimSpace(ae.DOI),
	}
	if ae.Title != nil {
		e.title = foldSpace(*ae.Title)
		e.hasTitle = e.title != ""
	}
	return e, true
}

// foldSpace undoes the legacy API's hard wrapping ("Modeling\n  an").
func foldSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}
