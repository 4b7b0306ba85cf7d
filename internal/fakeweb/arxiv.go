package fakeweb

import (
	"fmt"
	"html"
	"net/http"
	"strings"
)

// Paper is one paper as the fake arXiv API describes it.
type Paper struct {
	Version int    // latest version
	Title   string // current title
	Comment string // arxiv:comment, e.g. a withdrawal notice
	// JournalRef and DOI are where the authors say it was published
	// (arxiv:journal_ref, arxiv:doi); arXiv leaves both out when unset.
	JournalRef string
	DOI        string
}

// ArxivAPI answers the arXiv API's id_list queries in its Atom format,
// from papers keyed by ID without version; IDs it does not know are left
// out of the feed, as arXiv does. Serve it on export.arxiv.org.
func ArxivAPI(papers map[string]Paper) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ids := strings.Split(r.URL.Query().Get("id_list"), ",")
		var entries strings.Builder
		n := 0
		for _, id := range ids {
			p, ok := papers[stripVersion(id)]
			if !ok {
				continue
			}
			n++
			fmt.Fprintf(&entries, "  <entry>\n    <id>http://arxiv.org/abs/%sv%d</id>\n    <title>%s</title>\n"+
				"    <updated>2024-05-01T12:00:00Z</updated>\n    <published>2023-01-02T12:00:00Z</published>\n",
				stripVersion(id), p.Version, html.EscapeString(p.Title))
			if p.Comment != "" {
				fmt.Fprintf(&entries, "    <arxiv:comment>%s</arxiv:comment>\n", html.EscapeString(p.Comment))
			}
			if p.JournalRef != "" {
				fmt.Fprintf(&entries, "    <arxiv:journal_ref>%s</arxiv:journal_ref>\n", html.EscapeString(p.JournalRef))
			}
			if p.DOI != "" {
				// As the current API writes it: last, with its doi.org link.
				fmt.Fprintf(&entries, "    <arxiv:doi>%s</arxiv:doi>\n    <link rel=\"related\" href=\"https://doi.org/%s\" title=\"doi\"/>\n",
					html.EscapeString(p.DOI), html.EscapeString(p.DOI))
			}
			entries.WriteString("  </entry>\n")
		}
		w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
		fmt.Fprintf(w, `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/fake</id>
  <title>arXiv Query: id_list=%s</title>
  <opensearch:itemsPerPage>%d</opensearch:itemsPerPage>
  <opensearch:totalResults>%d</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
%s</feed>
`, html.EscapeString(strings.Join(ids, ",")), len(ids), n, entries.String())
	})
}

// stripVersion drops a trailing "vN" from an arXiv ID.
func stripVersion(id string) string {
	i := strings.LastIndexAny(id, "vV")
	if i <= 0 || i == len(id)-1 {
		return id
	}
	for _, c := range id[i+1:] {
		if c < '0' || c > '9' {
			return id
		}
	}
	return id[:i]
}
