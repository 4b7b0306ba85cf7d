package catalogedit

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// render returns the text that replaces sp for a new value. It keeps the
// scalar's style when the value can be written in it and reads back as
// exactly that value; otherwise it writes a double-quoted scalar, which can
// hold any string.
func render(data []byte, sp span, value string) string {
	switch sp.style {
	case stylePlain, styleBlock:
		// A block that held a trailing line break cannot hold a value
		// without one: it becomes a one-line scalar, plain if it can be.
		if plainSafe(value) {
			return value
		}
	case styleSingle:
		if singleSafe(value) {
			return "'" + strings.ReplaceAll(value, "'", "''") + "'"
		}
	case styleStrip:
		if blockSafe(value) {
			return string(data[sp.start:sp.content]) + strings.Repeat(" ", sp.indent) + value
		}
	}
	return doubleQuote(value)
}

// printable reports whether YAML lets r appear unescaped in a one-line
// scalar: no control characters, no line breaks, no byte order mark.
func printable(r rune) bool {
	switch {
	case r == '\t', r >= 0x20 && r <= 0x7E:
		return true
	case r == 0xFEFF:
		return false
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return r != 0x2028 && r != 0x2029
	}
	return false
}

func allPrintable(s string) bool {
	for _, r := range s {
		if !printable(r) {
			return false
		}
	}
	return true
}

// plainSafe reports whether value can be written unquoted and read back as
// the same string, both as a mapping value and inside a flow collection
// (the editor does not know which of the two holds it). The parser decides:
// hand-written rules about indicators and "key: value" lookalikes are easy
// to get subtly wrong.
func plainSafe(value string) bool {
	if value == "" || !allPrintable(value) || strings.ContainsRune(value, '\t') ||
		strings.TrimSpace(value) != value {
		return false
	}
	return readsAs("k: "+value+"\n", value, false) && readsAs("["+value+"]\n", value, true)
}

// readsAs parses doc and reports whether its one value is the string want.
func readsAs(doc, want string, inSeq bool) bool {
	var n yaml.Node
	if yaml.Unmarshal([]byte(doc), &n) != nil || len(n.Content) != 1 {
		return false
	}
	c := n.Content[0]
	var kids []*yaml.Node
	switch {
	case inSeq && c.Kind == yaml.SequenceNode && len(c.Content) == 1:
		kids = c.Content
	case !inSeq && c.Kind == yaml.MappingNode && len(c.Content) == 2:
		kids = c.Content[1:]
	default:
		return false
	}
	v := kids[0]
	return v.Kind == yaml.ScalarNode && v.Tag == "!!str" && v.Value == want
}

// singleSafe reports whether value can be single-quoted on one line: no
// escapes exist in that style.
func singleSafe(value string) bool {
	return allPrintable(value) && strings.TrimSpace(value) == value
}

// blockSafe reports whether value can be the one content line of a |- or
// >- block: leading blanks would change the indentation, trailing ones are
// invisible to a reviewer.
func blockSafe(value string) bool {
	return value != "" && allPrintable(value) && !strings.ContainsRune(value, '\t') &&
		strings.TrimSpace(value) == value
}

// doubleQuote writes value as a double-quoted scalar, escaping what YAML
// does not allow raw.
func doubleQuote(value string) string {
	var b strings.Builder
	b.Grow(len(value) + 2)
	b.WriteByte('"')
	for _, r := range value {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case printable(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02X`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			fmt.Fprintf(&b, `\U%08X`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
