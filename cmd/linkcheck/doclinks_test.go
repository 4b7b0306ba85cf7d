package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// maxREADMELines keeps README.md a front door: what does not fit belongs
// in a page of docs/.
const maxREADMELines = 300

func TestREADMELength(t *testing.T) {
	readme := documents(t)[0]
	n := len(readme.lines)
	if readme.lines[n-1] == "" {
		n-- // the text after the last newline
	}
	if n > maxREADMELines {
		t.Errorf("README.md has %d lines, want at most %d: move reference text into docs/", n, maxREADMELines)
	}
}

// TestDocLinks: every relative link of README.md and docs/ leads
// somewhere: the file exists and, for a #fragment into a Markdown file,
// that file has the heading.
func TestDocLinks(t *testing.T) {
	for _, d := range documents(t) {
		for _, l := range markdownLinks(d.lines) {
			if problem := checkLink(d.path, l.target); problem != "" {
				t.Errorf("%s:%d: link %s: %s", d.name, l.line, l.target, problem)
			}
		}
	}
}

// checkLink says what is wrong with a link of the Markdown file at from,
// or "" when nothing is.
func checkLink(from, target string) string {
	if hasScheme.MatchString(target) {
		return "" // another site: not ours to check
	}
	path, fragment, _ := strings.Cut(target, "#")
	file := from
	if path != "" {
		file = filepath.Join(filepath.Dir(from), filepath.FromSlash(path))
		if _, err := os.Stat(file); err != nil {
			return "no such file"
		}
	}
	if fragment == "" || filepath.Ext(file) != ".md" {
		return ""
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return err.Error()
	}
	if !headingAnchors(strings.Split(string(data), "\n"))[fragment] {
		return "no heading with that anchor in " + filepath.Base(file)
	}
	return ""
}

var (
	hasScheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)
	// ](target) or ](target "title"), the end of an inline link.
	linkTarget = regexp.MustCompile(`\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)`)
	codeSpan   = regexp.MustCompile("`[^`]*`")
	heading    = regexp.MustCompile(`^#{1,6}\s+(.*?)\s*#*\s*$`)
	inlineLink = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
)

type docLink struct {
	line   int
	target string
}

// markdownLinks finds the inline links of a Markdown document's prose:
// not in fenced code blocks, not in code spans (which may run over
// several lines of a paragraph).
func markdownLinks(lines []string) []docLink {
	prose := strings.Join(proseLines(lines), "\n")
	// Blank out code spans, keeping their newlines so offsets stay lines.
	prose = codeSpan.ReplaceAllStringFunc(prose, func(span string) string {
		return strings.Map(func(r rune) rune {
			if r == '\n' {
				return r
			}
			return ' '
		}, span)
	})
	var links []docLink
	for _, m := range linkTarget.FindAllStringSubmatchIndex(prose, -1) {
		links = append(links, docLink{
			line:   strings.Count(prose[:m[0]], "\n") + 1,
			target: prose[m[2]:m[3]],
		})
	}
	return links
}

// proseLines is lines with the lines of fenced code blocks, fences
// included, left empty, so that indexes stay line numbers.
func proseLines(lines []string) []string {
	out := make([]string, len(lines))
	var fence string // the open fence's marker, "" outside a block
	for i, l := range lines {
		trimmed := strings.TrimLeft(l, " ")
		switch {
		case fence == "" && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")):
			fence = trimmed[:3]
		case fence != "" && strings.HasPrefix(trimmed, fence):
			fence = ""
		case fence == "":
			out[i] = l
		}
	}
	return out
}

// headingAnchors is the set of anchors GitHub gives the headings of a
// Markdown document.
func headingAnchors(lines []string) map[string]bool {
	anchors := make(map[string]bool)
	seen := make(map[string]int)
	for _, l := range proseLines(lines) {
		m := heading.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		slug := githubSlug(inlineLink.ReplaceAllString(m[1], "$1"))
		// A second heading with the same text gets "-1", a third "-2".
		if n := seen[slug]; n > 0 {
			seen[slug]++
			slug += "-" + strconv.Itoa(n)
		} else {
			seen[slug] = 1
		}
		anchors[slug] = true
	}
	return anchors
}

// githubSlug is the anchor GitHub derives from a heading's text: lower
// case, punctuation dropped, each space a hyphen (runs of them are kept).
func githubSlug(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(text)) {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsMark(r), r == '_', r == '-':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

func TestGithubSlug(t *testing.T) {
	tests := []struct{ heading, want string }{
		{"Exit codes", "exit-codes"},
		{"Flake tolerance: `--fail-after N`", "flake-tolerance---fail-after-n"},
		{"The catalog: `resources.yaml` (schema version 1)", "the-catalog-resourcesyaml-schema-version-1"},
		{"Fixing the catalog: `linkcheck fix`", "fixing-the-catalog-linkcheck-fix"},
		{"`results[]`", "results"},
		{"snake_case and Ünïcode", "snake_case-and-ünïcode"},
	}
	for _, tt := range tests {
		if got := githubSlug(tt.heading); got != tt.want {
			t.Errorf("githubSlug(%q) = %q, want %q", tt.heading, got, tt.want)
		}
	}
}

func TestHeadingAnchors(t *testing.T) {
	doc := []string{
		"# Page",
		"## Usage",
		"```sh",
		"# not a heading",
		"```",
		"### Usage",
		"## [Linked](other.md) heading ##",
	}
	got := headingAnchors(doc)
	for _, want := range []string{"page", "usage", "usage-1", "linked-heading"} {
		if !got[want] {
			t.Errorf("headingAnchors: no %q in %v", want, got)
		}
	}
	if got["not-a-heading"] {
		t.Errorf("headingAnchors: a comment in a code block became an anchor")
	}
}

func TestMarkdownLinks(t *testing.T) {
	doc := []string{
		"See [the docs](docs/a.md) and [a site](https://example.com).",  // 1
		"A `[code](span.md)` is not a link, nor is one that spans `two", // 2
		"lines [x](y.md)` of a paragraph.",                              // 3
		"```markdown",                                                   // 4
		"[fenced](fenced.md)",                                           // 5
		"```",                                                           // 6
		`[titled](docs/b.md#part "Part") and [here](#top).`,             // 7
	}
	want := []docLink{{1, "docs/a.md"}, {1, "https://example.com"}, {7, "docs/b.md#part"}, {7, "#top"}}
	got := markdownLinks(doc)
	if !slices.Equal(got, want) {
		t.Errorf("markdownLinks = %v, want %v", got, want)
	}
}
