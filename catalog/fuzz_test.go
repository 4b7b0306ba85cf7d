package catalog

import (
	"os"
	"strings"
	"testing"
)

func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile("testdata/mistakes.yaml"); err == nil {
		f.Add(string(data))
	}
	f.Add(head + ok("a") + ok("b"))
	f.Add("")
	f.Add("version: 1\nsections: [a\n")
	f.Add("a: &x {b: *x}\n")
	f.Add("version: 1\nsettings: {hosts: {a: {rate: 1/3s}}, host_rate: .nan}\nsections: []\n")
	f.Add(head + entry("id: a", "title: T", "kind: paper", "arxiv: 1706.03762", "accept: [{code: 403, reason: r}]", "ignore: {reason: r, until: 2020-01-01}"))
	f.Add(head + entry("id: a", "title: T", "kind: post", "url: https://e.com/a", "archive: https://web.archive.org/web/20230512083000/http://E.com:80/a"))
	f.Fuzz(func(t *testing.T, src string) {
		c, err := Parse("f.yaml", strings.NewReader(src))
		ps, _ := err.(Problems)
		if err != nil && ps == nil {
			t.Fatalf("Parse error %v (%T) is not Problems", err, err)
		}
		if c != nil {
			ps = append(ps, c.Validate(testNow)...)
			_ = Changed(c, c)
		}
		for _, p := range ps {
			if p.Line < 1 || p.Column < 1 || p.Message == "" || p.File != "f.yaml" {
				t.Fatalf("bad problem %#v for input %q", p, src)
			}
		}
	})
}
