package catalog

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestAliases(t *testing.T) {
	nine := func(ref string) string { return strings.TrimSuffix(strings.Repeat(ref+", ", 9), ", ") }
	tests := []problemCase{
		{"aliased entries and sections", `version: 1
sections:
  - &s
    id: s
    title: S
    resources:
      - &r {id: r, titel: x, kind: post, url: "https://e.com/"}
      - *r
      - *r
  - *s
  - *s
`, []string{
			"c.yaml:7:20: unknown key \"titel\" in resource: did you mean `title`?",
			"c.yaml:8:9: an entry cannot be an alias (*r, and 1 more in this list): list each entry once, in full",
			"c.yaml:10:5: a section cannot be an alias (*s, and 1 more in this list): write each section out once",
		}},
		{"a list of entries that are aliases", `version: 1
settings: &a {concurrency: 1, x: [lol, lol, lol]}
sections:
  - id: s
    title: S
    resources: &b [` + nine("*a") + `]
  - id: t
    title: T
    resources: [` + nine("*b") + `]
`, []string{
			`c.yaml:2:31: unknown key "x" in settings (valid keys: concurrency, host_concurrency, host_rate, request_timeout, retries, stale_after, hosts, state, archive)`,
			"c.yaml:6:20: an entry cannot be an alias (*a, and 8 more in this list): list each entry once, in full",
			"c.yaml:9:17: an entry cannot be an alias (*b, and 8 more in this list): list each entry once, in full",
		}},
		{"aliased lists of sections and entries", "version: 1\nsections: &l []\nx:\n  resources: *l\n",
			[]string{`c.yaml:3:1: unknown key "x" in catalog (valid keys: version, settings, sections)`}},
		{"aliased resources list", "version: 1\nsections:\n  - id: s\n    title: S\n    resources: &l []\n  - id: t\n    title: T\n    resources: *l\n",
			[]string{"c.yaml:8:16: resources cannot be an alias (*l): write the list out"}},
		{"shared accept list with a mistake", head +
			entry("id: a", "title: A", "kind: post", "url: https://e.com/a", "accept: &acc [{status: bogus, reason: r}]") +
			entry("id: b", "title: B", "kind: post", "url: https://e.com/b", "accept: *acc") +
			entry("id: c", "title: C", "kind: post", "url: https://e.com/c", "accept: *acc"),
			[]string{`c.yaml:10:32: unknown status "bogus" (want one of broken, moved, retitled, updated, stale, archived, blocked, timeout, error, redirected, ok, skipped)`}},
		{"nine aliases to a list in tags", head +
			entry("id: a", "title: A", "kind: post", "url: https://e.com/a", "tags: &t [lol, lol]") +
			entry("id: b", "title: B", "kind: post", "url: https://e.com/b", "tags: ["+nine("*t")+"]"),
			[]string{"c.yaml:10:15: tags must be a list of strings"}},
		{"shared tags are fine", head +
			entry("id: a", "title: A", "kind: post", "url: https://e.com/a", "tags: &t [agents, evals]") +
			entry("id: b", "title: B", "kind: post", "url: https://e.com/b", "tags: *t"),
			nil},
	}
	checkProblems(t, tests)
}

// TestAliasBomb checks that aliases repeating more values than the file
// could hold stop the load with one problem, before they are expanded.
func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString(head)
	b.WriteString(entry("id: a", "title: A", "kind: post", "url: https://e.com/a",
		"tags: &t ["+strings.TrimSuffix(strings.Repeat("lol, ", 2000), ", ")+"]"))
	for i := range 200 {
		b.WriteString(entry(fmt.Sprintf("id: b%d", i), "title: B", "kind: post", fmt.Sprintf("url: https://e.com/b%d", i), "tags: *t"))
	}
	src := b.String()
	c, err := Parse("c.yaml", strings.NewReader(src))
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Parse(alias bomb) error = %v, want Problems", err)
	}
	if c != nil {
		t.Errorf("Parse(alias bomb) returned a catalog of %d sections, want none", len(c.Sections))
	}
	// 2,001 nodes per alias against a floor of 10,000: the fifth goes past.
	want := "c.yaml:35:15: aliases repeat more than 10000 values (this one goes past): write the values out"
	if len(ps) != 1 || ps[0].String() != want {
		t.Errorf("Parse(alias bomb) = %q, want only %q", ps.Error(), want)
	}
}
