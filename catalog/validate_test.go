package catalog

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// testNow is the "today" of validation tests.
var testNow = time.Date(2026, 3, 1, 15, 4, 5, 0, time.UTC)

// head is a catalog up to its first resource, which starts on line 6.
const head = "version: 1\nsections:\n  - id: s\n    title: S\n    resources:\n"

// entry writes one resource of head's section: the first field after
// "      - " (key at column 9), the others indented to match.
func entry(fields ...string) string {
	var b strings.Builder
	for i, f := range fields {
		if i == 0 {
			b.WriteString("      - ")
		} else {
			b.WriteString("        ")
		}
		b.WriteString(f)
		b.WriteByte('\n')
	}
	return b.String()
}

// ok is a valid resource body, with its url varied by n.
func ok(id string) string {
	return entry("id: "+id, "title: T", "kind: paper", "url: https://example.com/"+id)
}

// problemLines parses and validates src as "c.yaml" and returns the
// problems as strings, or nil.
// problemCase is a catalog snippet and the exact problems it must give.
type problemCase struct {
	name string
	src  string
	want []string
}

// checkProblems runs a table of problemCases.
func checkProblems(t *testing.T, tests []problemCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problemLines(t, tt.src)
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems of\n%s\n= %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}

func problemLines(t *testing.T, src string) []string {
	t.Helper()
	c, err := Parse("c.yaml", strings.NewReader(src))
	c, err = validated(c, err, func(c *Catalog) Problems { return c.Validate(testNow) })
	if err == nil {
		return nil
	}
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Parse+Validate error %v is not Problems", err)
	}
	if c == nil && !strings.Contains(err.Error(), "invalid YAML") {
		t.Errorf("no catalog returned with problems %v", err)
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

func TestValidateResources(t *testing.T) {
	tests := []problemCase{
		{"valid", head + ok("a") + ok("b"), nil},
		{"missing id", head + entry("title: T", "kind: paper", "url: https://e.com/"),
			[]string{"c.yaml:6:9: missing id"}},
		{"empty id", head + entry(`id: ""`, "title: T", "kind: paper", "url: https://e.com/"),
			[]string{"c.yaml:6:13: id must not be empty"}},
		{"id not kebab-case", head + entry("id: Foo_bar", "title: T", "kind: paper", "url: https://e.com/"),
			[]string{`c.yaml:6:13: id "Foo_bar" must be kebab-case: lower-case letters and digits joined by single hyphens`}},
		{"id with double hyphen", head + entry("id: a--b", "title: T", "kind: paper", "url: https://e.com/"),
			[]string{`c.yaml:6:13: id "a--b" must be kebab-case: lower-case letters and digits joined by single hyphens`}},
		{"duplicate id", head + ok("a") + entry("id: a", "title: T", "kind: paper", "url: https://e.com/"),
			[]string{`c.yaml:10:13: duplicate id "a" (first at line 6)`}},
		{"missing title", head + entry("id: a", "kind: paper", "url: https://e.com/"),
			[]string{"c.yaml:6:9: missing title"}},
		{"blank title", head + entry("id: a", `title: "  "`, "kind: paper", "url: https://e.com/"),
			[]string{"c.yaml:7:16: title must not be empty"}},
		{"null title", head + entry("id: a", "title:", "kind: paper", "url: https://e.com/"),
			[]string{"c.yaml:7:15: title must not be empty"}},
		{"numeric title is text", head + entry("id: a", "title: 1984", "kind: paper", "url: https://e.com/"), nil},
		{"title not a string", head + entry("id: a", "title: [a, b]", "kind: paper", "url: https://e.com/"),
			[]string{"c.yaml:7:16: title must be a string, not a list"}},
		{"missing kind", head + entry("id: a", "title: T", "url: https://e.com/"),
			[]string{"c.yaml:6:9: missing kind"}},
		{"unknown kind", head + entry("id: a", "title: T", "kind: article", "url: https://e.com/"),
			[]string{`c.yaml:8:15: unknown kind "article": want one of paper, post, blog, leaderboard, tool, repo, talk, system-card, dataset`}},
		{"missing url and arxiv", head + entry("id: a", "title: T", "kind: paper"),
			[]string{"c.yaml:6:9: missing url or arxiv: a resource needs at least one"}},
		{"arxiv alone is enough", head + entry("id: a", "title: T", "kind: paper", `arxiv: "1706.03762"`), nil},
		{"empty url", head + entry("id: a", "title: T", "kind: paper", `url: ""`),
			[]string{"c.yaml:9:14: url must not be empty"}},
		{"url scheme", head + entry("id: a", "title: T", "kind: paper", "url: ftp://e.com/a"),
			[]string{`c.yaml:9:14: url "ftp://e.com/a" must use http or https`}},
		{"url without scheme", head + entry("id: a", "title: T", "kind: paper", "url: e.com/a"),
			[]string{`c.yaml:9:14: url "e.com/a" must use http or https`}},
		{"url whitespace", head + entry("id: a", "title: T", "kind: paper", `url: "https://e.com/a b"`),
			[]string{`c.yaml:9:14: url "https://e.com/a b" contains whitespace: encode spaces as %20`}},
		{"url userinfo", head + entry("id: a", "title: T", "kind: paper", "url: https://u:p@e.com/"),
			[]string{`c.yaml:9:14: url "https://u:p@e.com/" must not contain user info (user:pass@): put no credentials in the catalog`}},
		{"url without host", head + entry("id: a", "title: T", "kind: paper", "url: https:///a"),
			[]string{`c.yaml:9:14: url "https:///a" has no host`}},
		{"url unparsable", head + entry("id: a", "title: T", "kind: paper", "url: https://e.com:x/"),
			[]string{`c.yaml:9:14: url "https://e.com:x/" is not a valid URL: invalid port ":x" after host`}},
		{"duplicate url after normalization", head + ok("a") + entry("id: b", "title: T", "kind: paper", "url: HTTPS://Example.com:443/a#top"),
			[]string{`c.yaml:13:14: duplicate url (same as "a" at line 9)`}},
		{"same path different case is not a duplicate", head + ok("a") + entry("id: b", "title: T", "kind: paper", "url: https://example.com/A"), nil},
		{"alternate same as url", head + entry("id: a", "title: T", "kind: paper", "url: https://e.com/a", "alternates: [https://E.com/a]"),
			[]string{`c.yaml:10:22: alternate "https://E.com/a" is the same as url: remove it`}},
		{"alternate invalid and duplicate", head + entry("id: a", "title: T", "kind: paper", "url: https://e.com/a",
			"alternates:", "  - mailto:x@e.com", "  - https://e.com/b", "  - https://e.com/b#x"),
			[]string{
				`c.yaml:11:13: alternate "mailto:x@e.com" must use http or https`,
				`c.yaml:13:13: duplicate alternate "https://e.com/b#x"`,
			}},
		{"alternates not a list", head + entry("id: a", "title: T", "kind: paper", "url: https://e.com/a", "alternates: https://e.com/b"),
			[]string{"c.yaml:10:21: alternates must be a list of strings"}},
		{"invalid arxiv", head + entry("id: a", "title: T", "kind: paper", `arxiv: "1713.00001"`),
			[]string{`c.yaml:9:16: invalid arXiv ID "1713.00001": month 13 does not exist`}},
		{"unquoted arxiv keeps its text", head + entry("id: a", "title: T", "kind: paper", "arxiv: 1706.10000", "url: https://arxiv.org/abs/1706.10000"), nil},
		{"arxiv disagrees with url", head + entry("id: a", "title: T", "kind: paper", "url: https://arxiv.org/abs/1706.03762", "arxiv: 1810.04805"),
			[]string{"c.yaml:10:16: arxiv 1810.04805 disagrees with url, which points to arXiv 1706.03762: make them agree"}},
		{"pinned versions disagree", head + entry("id: a", "title: T", "kind: paper", "url: https://arxiv.org/pdf/1706.03762v3", "arxiv: 1706.03762v5"),
			[]string{"c.yaml:10:16: arxiv 1706.03762v5 disagrees with url, which points to arXiv 1706.03762v3: make them agree"}},
		{"one pinned version agrees", head + entry("id: a", "title: T", "kind: paper", "url: https://arxiv.org/abs/1706.03762", "arxiv: 1706.03762v5"), nil},
		{"github", head + entry("id: a", "title: T", "kind: repo", "url: https://e.com/a", "github: karpathy/nanoGPT"), nil},
		{"github not owner/repo", head + entry("id: a", "title: T", "kind: repo", "url: https://e.com/a", "github: karpathy"),
			[]string{`c.yaml:10:17: github "karpathy" must look like owner/repo`}},
		{"github as URL", head + entry("id: a", "title: T", "kind: repo", "url: https://e.com/a", "github: https://github.com/a/b"),
			[]string{`c.yaml:10:17: github "https://github.com/a/b" must look like owner/repo, not a URL`}},
		{"doi", head + entry("id: a", "title: T", "kind: paper", "arxiv: 2303.11366", "doi: 10.5555/3666122.3666499"), nil},
		{"doi with subdivided registrant", head + entry("id: a", "title: T", "kind: paper", "arxiv: 2303.11366", "doi: 10.1000.10/abc(1)"), nil},
		{"doi registrant too short", head + entry("id: a", "title: T", "kind: paper", "arxiv: 2303.11366", "doi: 10.123/abc"),
			[]string{`c.yaml:10:14: doi "10.123/abc" must look like 10.NNNN/suffix`}},
		{"doi as URL", head + entry("id: a", "title: T", "kind: paper", "arxiv: 2303.11366", "doi: https://doi.org/10.1145/1"),
			[]string{`c.yaml:10:14: doi "https://doi.org/10.1145/1" must look like 10.NNNN/suffix, without doi.org or doi:`}},
		{"doi with prefix", head + entry("id: a", "title: T", "kind: paper", "arxiv: 2303.11366", `doi: "doi:10.1145/1"`),
			[]string{`c.yaml:10:14: doi "doi:10.1145/1" must look like 10.NNNN/suffix, without doi.org or doi:`}},
		{"doi empty", head + entry("id: a", "title: T", "kind: paper", "arxiv: 2303.11366", `doi: ""`),
			[]string{`c.yaml:10:14: doi must not be empty`}},
		{"archive", head + entry("id: a", "title: T", "kind: post", "url: https://e.com/a?x=1", "archive: https://web.archive.org/web/20230512083000/https://e.com/a?x=1"), nil},
		{"archive of the url normalized", head + entry("id: a", "title: T", "kind: post", "url: https://E.com:443/a#top", "archive: https://web.archive.org/web/20230512083000/http://e.com/a"), nil},
		{"archive of another page", head + entry("id: a", "title: T", "kind: post", "url: https://e.com/a", "archive: https://web.archive.org/web/20230512083000/https://e.com/b"),
			[]string{`c.yaml:10:18: archive "https://web.archive.org/web/20230512083000/https://e.com/b" is a capture of https://e.com/b, not of url https://e.com/a (compared normalized): archive the entry's own url`}},
		{"archive with a short timestamp", head + entry("id: a", "title: T", "kind: post", "url: https://e.com/a", "archive: https://web.archive.org/web/2023/https://e.com/a"),
			[]string{`c.yaml:10:18: archive "https://web.archive.org/web/2023/https://e.com/a" must be a Wayback Machine capture: https://web.archive.org/web/YYYYMMDDhhmmss/URL`}},
		{"archive elsewhere", head + entry("id: a", "title: T", "kind: post", "url: https://e.com/a", "archive: https://archive.ph/abcd"),
			[]string{`c.yaml:10:18: archive "https://archive.ph/abcd" must be a Wayback Machine capture: https://web.archive.org/web/YYYYMMDDhhmmss/URL`}},
		{"archive raw playback", head + entry("id: a", "title: T", "kind: post", "url: https://e.com/a", "archive: https://web.archive.org/web/20230512083000id_/https://e.com/a"),
			[]string{`c.yaml:10:18: archive "https://web.archive.org/web/20230512083000id_/https://e.com/a" must be a Wayback Machine capture: https://web.archive.org/web/YYYYMMDDhhmmss/URL`}},
		{"archive without url", head + entry("id: a", "title: T", "kind: paper", "arxiv: 2303.11366", "archive: https://web.archive.org/web/20230512083000/https://arxiv.org/abs/2303.11366"),
			[]string{`c.yaml:10:18: archive needs url: it is a copy of the page at url`}},
		{"archive beside an invalid url", head + entry("id: a", "title: T", "kind: post", "url: ftp://e.com/a", "archive: https://web.archive.org/web/20230512083000/https://e.com/a"),
			[]string{`c.yaml:9:14: url "ftp://e.com/a" must use http or https`}},
		{"archive empty", head + entry("id: a", "title: T", "kind: post", "url: https://e.com/a", `archive: ""`),
			[]string{`c.yaml:10:18: archive must not be empty`}},
		{"tags not a list", head + entry("id: a", "title: T", "kind: paper", "url: https://e.com/a", "tags: agents"),
			[]string{"c.yaml:10:15: tags must be a list of strings"}},
		{"tag not a string", head + entry("id: a", "title: T", "kind: paper", "url: https://e.com/a", "tags: [a, {b: c}]"),
			[]string{"c.yaml:10:19: tags must be a list of strings"}},
		{"note not a string", head + entry("id: a", "title: T", "kind: paper", "url: https://e.com/a", "note: {a: b}"),
			[]string{"c.yaml:10:15: note must be a string, not a mapping"}},
	}
	checkProblems(t, tests)
}

func TestValidateAcceptIgnore(t *testing.T) {
	base := []string{"id: a", "title: T", "kind: paper", "url: https://e.com/a"}
	with := func(more ...string) string { return head + entry(append(slices.Clone(base), more...)...) }
	tests := []problemCase{
		{"accept status", with("accept: [{status: blocked, reason: 403 to bots}]"), nil},
		{"accept code", with("accept: [{code: 403, reason: 403 to bots}]"), nil},
		{"accept unknown status", with("accept: [{status: blockd, reason: r}]"),
			[]string{`c.yaml:10:27: unknown status "blockd" (want one of broken, moved, retitled, updated, stale, archived, blocked, timeout, error, redirected, ok, skipped)`}},
		{"accept ok", with("accept: [{status: ok, reason: r}]"),
			[]string{`c.yaml:10:27: accept status "ok" has no effect: ok results never fail a run`}},
		{"accept both", with("accept: [{status: blocked, code: 403, reason: r}]"),
			[]string{"c.yaml:10:18: accept item must have exactly one of status or code, not both"}},
		{"accept neither", with("accept: [{reason: r}]"),
			[]string{"c.yaml:10:18: accept item needs a status or a code"}},
		{"accept code out of range", with("accept: [{code: 99, reason: r}]"),
			[]string{"c.yaml:10:25: code 99 is not an HTTP status code (want 100-999)"}},
		{"accept code not a number", with("accept: [{code: forbidden, reason: r}]"),
			[]string{"c.yaml:10:25: code must be an integer"}},
		{"accept missing reason", with("accept: [{status: blocked}]"),
			[]string{"c.yaml:10:18: missing reason: say why this outcome is fine"}},
		{"accept empty reason", with(`accept: [{status: blocked, reason: ""}]`),
			[]string{"c.yaml:10:44: reason must not be empty: say why this outcome is fine"}},
		{"accept not a list", with("accept: blocked"),
			[]string{"c.yaml:10:17: accept must be a list of {status or code, reason} items"}},
		{"accept item not a mapping", with("accept: [blocked]"),
			[]string{"c.yaml:10:18: each accept item must be a mapping with status or code, and reason"}},
		{"ignore", with("ignore: {reason: down, until: 2026-03-01}"), nil},
		{"ignore expired", with("ignore: {reason: down, until: 2026-02-28}"),
			[]string{"c.yaml:10:39: ignore expired on 2026-02-28: fix the link or extend until"}},
		{"ignore bad date", with("ignore: {reason: down, until: 2026-2-28}"),
			[]string{`c.yaml:10:39: until "2026-2-28" must be a date YYYY-MM-DD`}},
		{"ignore date with time", with("ignore: {reason: down, until: 2027-01-31T10:00:00Z}"),
			[]string{`c.yaml:10:39: until "2027-01-31T10:00:00Z" must be a date YYYY-MM-DD`}},
		{"ignore missing until", with("ignore: {reason: down}"),
			[]string{"c.yaml:10:17: missing until: an ignore needs an end date YYYY-MM-DD"}},
		{"ignore missing reason", with("ignore: {until: 2027-01-31}"),
			[]string{"c.yaml:10:17: missing reason: say why the entry is ignored"}},
		{"ignore not a mapping", with("ignore: true"),
			[]string{"c.yaml:10:17: ignore must be a mapping with reason and until"}},
	}
	checkProblems(t, tests)
}

func TestValidateSections(t *testing.T) {
	tests := []problemCase{
		{"duplicate section id", head + ok("a") + "  - id: s\n    title: Again\n    resources: []\n",
			[]string{`c.yaml:10:9: duplicate section id "s" (first at line 3)`}},
		{"section missing id and title", "version: 1\nsections:\n  - resources: []\n",
			[]string{"c.yaml:3:5: missing id", "c.yaml:3:5: missing title"}},
		{"section not a mapping", "version: 1\nsections:\n  - intro\n",
			[]string{"c.yaml:3:5: each section must be a mapping with id, title and resources, not a string"}},
		{"resource not a mapping", head + "      - https://e.com/\n",
			[]string{"c.yaml:6:9: each resource must be a mapping with id, title, kind and url or arxiv, not a string"}},
		{"resources not a list", "version: 1\nsections:\n  - id: s\n    title: S\n    resources: {a: b}\n",
			[]string{"c.yaml:5:16: resources must be a list of resources"}},
		{"sections not a list", "version: 1\nsections: {a: b}\n",
			[]string{"c.yaml:2:11: sections must be a list of sections"}},
		{"ids are unique across sections", head + ok("a") + "  - id: t\n    title: T\n    resources:\n" +
			entry("id: a", "title: T", "kind: paper", "url: https://example.com/other"),
			[]string{`c.yaml:13:13: duplicate id "a" (first at line 6)`}},
		{"urls are unique across sections", head + ok("a") + "  - id: t\n    title: T\n    resources:\n" +
			entry("id: b", "title: T", "kind: paper", "url: https://example.com/a"),
			[]string{`c.yaml:16:14: duplicate url (same as "a" at line 9)`}},
	}
	checkProblems(t, tests)
}

// TestMistakes checks that a catalog with N deliberate mistakes gets exactly
// N problems, one on each marked line: no noise, nothing missed.
func TestMistakes(t *testing.T) {
	const path = "testdata/mistakes.yaml"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want []int
	for i, line := range strings.Split(string(data), "\n") {
		if strings.HasSuffix(line, "# mistake") {
			want = append(want, i+1)
		}
	}
	_, err = LoadValid(path, testNow)
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("LoadValid(%s) = %v, want Problems", path, err)
	}
	got := make([]int, len(ps))
	for i, p := range ps {
		got[i] = p.Line
	}
	if !slices.Equal(got, want) {
		t.Errorf("LoadValid(%s) problems on lines %v, want %v (one per mistake); problems:\n%v", path, got, want, err)
	}
}

// TestRepoCatalog keeps the repository's own catalog loadable. The date is
// fixed so that the test does not start failing on its own; expired
// ignores are the check run's business.
func TestRepoCatalog(t *testing.T) {
	const path = "../resources.yaml"
	if _, err := os.Stat(path); err != nil {
		t.Skipf("no %s: %v", path, err)
	}
	c, err := LoadValid(path, testNow)
	if err != nil {
		t.Fatalf("LoadValid(%s):\n%v", path, err)
	}
	if n, _ := c.Count(); n == 0 {
		t.Errorf("LoadValid(%s) found no resources", path)
	}
}

// TestValidateDuplicateURLs checks each rule of URL normalization on its
// own, so that losing one of them cannot hide behind the others.
func TestValidateDuplicateURLs(t *testing.T) {
	tests := []struct {
		first, second string
		dup           bool
	}{
		{"https://example.com/a", "HTTPS://example.com/a", true},
		{"https://example.com/a", "https://EXAMPLE.com/a", true},
		{"https://example.com/a", "https://example.com:443/a", true},
		{"http://example.com/a", "http://example.com:80/a", true},
		{"https://example.com", "https://example.com/", true},
		{"https://example.com/a", "https://example.com/a#methods", true},
		{"https://example.com/a", "https://example.com/a#", true},
		{"https://example.com/a", "http://example.com/a", false},
		{"https://example.com/a", "https://example.com:8443/a", false},
		{"http://example.com/a", "http://example.com:443/a", false},
		{"https://example.com/a", "https://example.com/A", false},
		{"https://example.com/a", "https://example.com/a/", false},
		{"https://example.com/a?x=1", "https://example.com/a?x=2", false},
		{"https://example.com/a", "https://www.example.com/a", false},
	}
	for _, tt := range tests {
		t.Run(tt.first+" "+tt.second, func(t *testing.T) {
			src := head + entry("id: a", "title: T", "kind: post", "url: "+tt.first) +
				entry("id: b", "title: T", "kind: post", "url: "+tt.second)
			var want []string
			if tt.dup {
				want = []string{`c.yaml:13:14: duplicate url (same as "a" at line 9)`}
			}
			if got := problemLines(t, src); !slices.Equal(got, want) {
				t.Errorf("problems of %q then %q = %q, want %q", tt.first, tt.second, got, want)
			}
		})
	}
}

// TestValidateRequiredFields checks that every required field is reported
// both when it is missing and when it is written but empty, and that the
// two are told apart.
func TestValidateRequiredFields(t *testing.T) {
	fields := map[string]string{"id": "id: a", "title": "title: T", "kind": "kind: paper", "arxiv": `arxiv: "1706.03762"`}
	order := []string{"id", "title", "kind", "arxiv"}
	without := func(skip, replace string) string {
		var lines []string
		for _, k := range order {
			switch k {
			case skip:
			case replace:
				lines = append(lines, k+": \"\"")
			default:
				lines = append(lines, fields[k])
			}
		}
		return head + entry(lines...)
	}
	tests := []problemCase{
		{"complete", without("", ""), nil},
		{"missing id", without("id", ""), []string{"c.yaml:6:9: missing id"}},
		{"missing title", without("title", ""), []string{"c.yaml:6:9: missing title"}},
		{"missing kind", without("kind", ""), []string{"c.yaml:6:9: missing kind"}},
		{"missing arxiv and url", without("arxiv", ""), []string{"c.yaml:6:9: missing url or arxiv: a resource needs at least one"}},
		{"empty id", without("", "id"), []string{"c.yaml:6:13: id must not be empty"}},
		{"empty title", without("", "title"), []string{"c.yaml:7:16: title must not be empty"}},
		{"empty kind", without("", "kind"), []string{"c.yaml:8:15: kind must not be empty"}},
		{"empty arxiv", without("", "arxiv"), []string{"c.yaml:9:16: arxiv must not be empty"}},
		{"empty section id and title", "version: 1\nsections:\n  - id: \"\"\n    title: \"\"\n    resources: []\n",
			[]string{"c.yaml:3:9: id must not be empty", "c.yaml:4:12: title must not be empty"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := problemLines(t, tt.src); !slices.Equal(got, tt.want) {
				t.Errorf("problems of\n%s\n= %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}
