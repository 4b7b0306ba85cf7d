package importer

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"golang.org/x/net/html"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// TestIndependentCount counts the links and arXiv papers of real lists a
// second way, the way a browser would see them: goldmark renders the
// HTML, and every <a href> to an http(s) page that is not only images
// counts. Read and Build must agree with it.
func TestIndependentCount(t *testing.T) {
	lists := []string{"testdata/awesome-llm.md", "testdata/reading-list.md", "testdata/cases.md", "testdata/headings.md", "testdata/leads.md", "../README.md"}
	for _, path := range lists {
		t.Run(path, func(t *testing.T) {
			md, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			links, papers := countRendered(t, md)
			l := Read(md)
			sections, _ := l.Build(nil)
			ours := map[string]bool{}
			for _, s := range sections {
				for _, r := range s.Resources {
					if id, err := catalog.ParseArxivID(r.Arxiv); err == nil && r.Arxiv != "" {
						ours[id.ID] = true
					}
				}
			}
			// The rendered count includes the http(s) links Read leaves
			// out as ones linkcheck would not fetch.
			if got := len(l.Links) + l.Skipped[SkipInvalid]; got != links {
				t.Errorf("Read found %d http(s) links, the rendered HTML has %d", got, links)
			}
			if len(ours) != len(papers) {
				t.Errorf("Build made %d arXiv papers, the rendered HTML links %d", len(ours), len(papers))
			}
			for id := range papers {
				if !ours[id] {
					t.Errorf("arXiv %s is linked but has no entry", id)
				}
			}
			t.Logf("%s: %d links and %d arXiv papers, both ways", path, links, len(papers))
		})
	}
}

// countRendered renders md to HTML and counts its <a href> to http(s)
// pages that are more than images, and the arXiv papers among them.
func countRendered(t *testing.T, md []byte) (links int, papers map[string]bool) {
	t.Helper()
	var buf bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(md, &buf); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	papers = map[string]bool{}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.Data != "a" {
			continue
		}
		href := ""
		for _, a := range n.Attr {
			if a.Key == "href" {
				href = a.Val
			}
		}
		lower := strings.ToLower(href)
		if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") || onlyImagesHTML(n) {
			continue
		}
		links++
		if id, ok := catalog.ArxivIDFromURL(href); ok {
			papers[id.ID] = true
		}
	}
	return links, papers
}

// onlyImagesHTML reports whether an element holds images and blanks only.
func onlyImagesHTML(n *html.Node) bool {
	images := 0
	for c := range n.Descendants() {
		switch {
		case c.Type == html.ElementNode && c.Data == "img":
			images++
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return false
		}
	}
	return images > 0
}
