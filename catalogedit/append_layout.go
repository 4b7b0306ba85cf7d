package catalogedit

import (
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/ai-reading-list/linkcheck/catalog"
)

var errItemStyle = errors.New("its last item is not a block mapping written as \"- key: value\"")

// listEnd returns where new items of the block list seq go (the end of
// the line that ends its last item) and the layout of that item.
func (ix *lineIndex) listEnd(seq *yaml.Node) (int, layout, error) {
	last := seq.Content[len(seq.Content)-1]
	lay, err := ix.itemLayout(last)
	if err != nil {
		return 0, layout{}, err
	}
	if len(seq.Content) > 1 {
		lay.blank = ix.blankBefore(last.Line)
	}
	end, err := ix.nodeEnd(last)
	if err != nil {
		return 0, layout{}, fmt.Errorf("the end of its last item (line %d): %w", last.Line, err)
	}
	return ix.ownComments(ix.lineEnd(end), lay.indent), lay, nil
}

// ownComments extends the end of an item, at end, over the comment lines
// right below it that are indented as far as its keys: they are about
// the item, and stay with it above the new items.
func (ix *lineIndex) ownComments(end, keyIndent int) int {
	for end < len(ix.data) {
		next := end + breakLen(ix.data, end)
		n := indentAt(ix.data, next)
		if n < keyIndent || next+n >= len(ix.data) || ix.data[next+n] != '#' {
			return end
		}
		end = ix.lineEnd(next)
	}
	return end
}

// itemLayout reads the layout of a list item that is a block mapping:
// the text before its first key must be blanks and one dash.
func (ix *lineIndex) itemLayout(item *yaml.Node) (layout, error) {
	if item.Kind != yaml.MappingNode || item.Style&yaml.FlowStyle != 0 || item.Anchor != "" || item.Tag != "!!map" {
		return layout{}, errItemStyle
	}
	start, ok := ix.offset(item.Line, 1)
	key, ok2 := ix.offset(item.Line, item.Column)
	if !ok || !ok2 {
		return layout{}, errItemStyle
	}
	prefix := string(ix.data[start:key])
	if strings.Count(prefix, "-") != 1 || strings.Trim(prefix, " -") != "" || !strings.HasSuffix(prefix, " ") {
		return layout{}, errItemStyle
	}
	return layout{prefix: prefix, indent: item.Column - 1}, nil
}

// blankBefore reports whether the line before line is blank: the list
// separates its items with blank lines.
func (ix *lineIndex) blankBefore(line int) bool {
	if line < 2 || line > len(ix.starts) {
		return false
	}
	start := ix.starts[line-2]
	return strings.TrimSpace(string(ix.data[start:ix.lineEnd(start)])) == ""
}

// entryLayout is the layout of new sections' entries: that of the
// sections' own entries (the last section with a block list of them), or
// the default set under the section's keys.
func (ix *lineIndex) entryLayout(sections *yaml.Node, secLay layout) layout {
	for i := len(sections.Content) - 1; i >= 0; i-- {
		res := mappingValue(sections.Content[i], "resources")
		if res == nil || res.Kind != yaml.SequenceNode || res.Style&yaml.FlowStyle != 0 || len(res.Content) == 0 {
			continue
		}
		last := res.Content[len(res.Content)-1]
		lay, err := ix.itemLayout(last)
		if err != nil {
			continue
		}
		// Keep the entries' place relative to the section's keys.
		secKey := sections.Content[i].Column - 1
		lead := len(lay.prefix) - len(strings.TrimLeft(lay.prefix, " "))
		newLead := secLay.indent + lead - secKey
		if newLead < 0 {
			continue
		}
		lay.prefix = indent(newLead) + strings.TrimLeft(lay.prefix, " ")
		lay.indent += newLead - lead
		lay.blank = len(res.Content) < 2 || ix.blankBefore(last.Line)
		return lay
	}
	return layout{prefix: indent(secLay.indent+2) + "- ", indent: secLay.indent + 4, blank: true}
}

func indent(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(" ", n)
}

// nodeEnd returns the byte offset where n's text ends: the end of its last
// scalar, found as the editor finds any value.
func (ix *lineIndex) nodeEnd(n *yaml.Node) (int, error) {
	switch n.Kind {
	case yaml.MappingNode, yaml.SequenceNode:
		if n.Style&yaml.FlowStyle != 0 {
			return 0, errors.New("it ends in a flow collection")
		}
		if len(n.Content) == 0 {
			return 0, errors.New("it ends in an empty collection")
		}
		last := n.Content[len(n.Content)-1]
		if last.Kind == yaml.ScalarNode && last.Tag == "!!null" && last.Value == "" && n.Kind == yaml.MappingNode {
			// "key:" with nothing after it ends with its key.
			last = n.Content[len(n.Content)-2]
		}
		return ix.nodeEnd(last)
	case yaml.ScalarNode:
		off, ok := ix.offset(n.Line, n.Column)
		if !ok {
			return 0, errNoMatch
		}
		sp, err := ix.scalarSpan(off, n.Value)
		if err != nil {
			return 0, err
		}
		return sp.end, nil
	}
	return 0, errNotScalar
}

// writeSection writes a new section, each line after br, in lay's style,
// its entries in entries'.
func writeSection(b *strings.Builder, br string, lay, entries layout, s catalog.Section) {
	if lay.blank {
		b.WriteString(br)
	}
	b.WriteString(br + lay.prefix + "id: " + plain(s.ID))
	b.WriteString(br + indent(lay.indent) + "title: " + plain(s.Title))
	b.WriteString(br + indent(lay.indent) + "resources:")
	for i, r := range s.Resources {
		first := entries
		first.blank = entries.blank && i > 0 // not between "resources:" and the first
		writeEntry(b, br, first, r)
	}
}

// writeEntry writes one new entry, each line after br: id, title, kind,
// url, arxiv and note, the keys an import fills in.
func writeEntry(b *strings.Builder, br string, lay layout, r catalog.Resource) {
	if lay.blank {
		b.WriteString(br)
	}
	pad := indent(lay.indent)
	b.WriteString(br + lay.prefix + "id: " + plain(r.ID))
	b.WriteString(br + pad + "title: " + doubleQuote(r.Title))
	b.WriteString(br + pad + "kind: " + plain(string(r.Kind)))
	if r.URL != "" {
		b.WriteString(br + pad + "url: " + plain(r.URL))
	}
	if r.Arxiv != "" {
		b.WriteString(br + pad + "arxiv: " + doubleQuote(r.Arxiv))
	}
	if r.Note != "" {
		b.WriteString(br + pad + "note: " + doubleQuote(r.Note))
	}
}

// plain writes a value an import fills in (an id, a kind, a URL, a
// section's title) unquoted when it can be. Most are plainly safe, which
// a look at their characters shows; asking the parser, as render does,
// costs two parses a value.
func plain(v string) string {
	if plainAtAGlance(v) {
		return v
	}
	return render(nil, span{style: stylePlain}, v)
}

// plainAtAGlance reports whether v is safe unquoted by its characters
// alone: a letter first, then letters, digits and the URL characters that
// mean nothing to YAML, not ending in ":" (whose meaning would change),
// and none of the words YAML reads as something other than a string.
func plainAtAGlance(v string) bool {
	if v == "" || !isASCIILetter(v[0]) || v[len(v)-1] == ':' || yamlWords[strings.ToLower(v)] {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !isASCIILetter(c) && !(c >= '0' && c <= '9') && !strings.ContainsRune("-._~/?=&%+:;@!$()*'", rune(c)) {
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// yamlWords are read as booleans or null by one YAML version or another.
var yamlWords = map[string]bool{"true": true, "false": true, "null": true, "yes": true, "no": true,
	"on": true, "off": true, "y": true, "n": true}
