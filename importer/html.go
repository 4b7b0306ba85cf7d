package importer

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// htmlLinks counts the <a href> tags of raw HTML in the list (an HTML
// block, or a tag among the text). GitHub shows them as links, but they
// are HTML, not Markdown: they are counted as left out, never imported.
func htmlLinks(src []byte, n ast.Node) int {
	var raw bytes.Buffer
	switch n := n.(type) {
	case *ast.HTMLBlock:
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			raw.Write(seg.Value(src))
		}
		if n.HasClosure() {
			raw.Write(n.ClosureLine.Value(src))
		}
	case *ast.RawHTML:
		for i := range n.Segments.Len() {
			seg := n.Segments.At(i)
			raw.Write(seg.Value(src))
		}
	default:
		return 0
	}
	count := 0
	z := html.NewTokenizer(&raw)
	for {
		switch z.Next() {
		case html.ErrorToken:
			return count
		case html.StartTagToken, html.SelfClosingTagToken:
			if name, attrs := z.TagName(); string(name) == "a" && attrs && hasHref(z) {
				count++
			}
		}
	}
}

func hasHref(z *html.Tokenizer) bool {
	for {
		key, _, more := z.TagAttr()
		if strings.EqualFold(string(key), "href") {
			return true
		}
		if !more {
			return false
		}
	}
}
