package importer

import (
	"testing"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// TestRead checks what Read makes of one link in each form a list writes
// it, and of what is not a link.
func TestRead(t *testing.T) {
	tests := []struct {
		name, md string
		want     []Link // URL, Title, Note, Section and Pos compared
		skipped  map[Skip]int
	}{
		{"inline link in an item", "## A\n\n- [Title *here*](https://a.test/x) - the note\n",
			[]Link{{URL: "https://a.test/x", Title: "Title here", Note: "the note", Section: "A", Pos: catalog.Pos{Line: 3, Column: 3}}}, nil},
		{"reference link", "- [Ref][r]: said\n\n[r]: https://a.test/r\n",
			[]Link{{URL: "https://a.test/r", Title: "Ref", Note: "said", Section: "Links", Pos: catalog.Pos{Line: 1, Column: 3}}}, nil},
		{"autolink", "<https://a.test/auto>\n",
			[]Link{{URL: "https://a.test/auto", Title: "auto", Section: "Links", Pos: catalog.Pos{Line: 1, Column: 1}}}, nil},
		{"bare URL", "see https://github.com/o/r now\n",
			[]Link{{URL: "https://github.com/o/r", Title: "o/r", Section: "Links", Pos: catalog.Pos{Line: 1, Column: 5}}}, nil},
		{"bare www", "www.a.test/about\n",
			[]Link{{URL: "http://www.a.test/about", Title: "about", Section: "Links", Pos: catalog.Pos{Line: 1, Column: 1}}}, nil},
		{"column counts characters", "# Ünïcödé\n\n- é [T](https://a.test/)\n",
			[]Link{{URL: "https://a.test/", Title: "T", Note: "é", Section: "Ünïcödé", Pos: catalog.Pos{Line: 3, Column: 5}}}, nil},
		{"code span", "`[x](https://a.test/)` and `https://a.test/b`\n", nil, nil},
		{"fenced code", "```\n[x](https://a.test/)\nhttps://a.test/b\n```\n", nil, nil},
		{"indented code", "    [x](https://a.test/)\n", nil, nil},
		{"HTML block", "<div>\n<a href=\"https://a.test/\">x</a>\n</div>\n", nil, map[Skip]int{SkipHTML: 1}},
		{"inline HTML", "text <a href=\"https://a.test/\">x</a> <b>bold</b>\n", nil, map[Skip]int{SkipHTML: 1}},
		{"badge", "[![b](https://img.test/b.svg)](https://ci.test/)\n", nil, map[Skip]int{SkipBadge: 1}},
		{"two badges in one link", "[![a](https://img.test/a.svg) ![b](https://img.test/b.svg)](https://ci.test/)\n", nil, map[Skip]int{SkipBadge: 1}},
		{"image and words is no badge", "[![a](https://img.test/a.svg) Site](https://site.test/)\n",
			[]Link{{URL: "https://site.test/", Title: "Site", Section: "Links", Pos: catalog.Pos{Line: 1, Column: 1}}}, nil},
		{"anchor", "[Top](#top)\n", nil, map[Skip]int{SkipAnchor: 1}},
		{"relative", "[C](CONTRIBUTING.md) [D](../docs/) [E](/abs/path)\n", nil, map[Skip]int{SkipRelative: 3}},
		{"mailto", "[m](mailto:a@b.test) <a@b.test>\n", nil, map[Skip]int{SkipMailto: 2}},
		{"other scheme", "[f](ftp://f.test/x) [p](//proto.test/rel)\n", nil, map[Skip]int{SkipOther: 2}},
		{"credentials", "[c](https://u:p@a.test/)\n", nil, map[Skip]int{SkipInvalid: 1}},
		{"escapes and entities", "- [A \\*star\\* &amp; more](https://a.test/) &mdash; note &lt;3\n",
			[]Link{{URL: "https://a.test/", Title: "A *star* & more", Note: "note <3", Section: "Links", Pos: catalog.Pos{Line: 1, Column: 3}}}, nil},
		{"table row", "| Name | Link |\n|---|---|\n| Foo | [site](https://foo.test/) |\n",
			[]Link{{URL: "https://foo.test/", Title: "site", Note: "Foo", Section: "Links", Pos: catalog.Pos{Line: 3, Column: 9}}}, nil},
		{"nested headings", "# List\n\n## A\n\n### B\n\n[x](https://a.test/)\n\n## C\n\n[y](https://c.test/)\n",
			[]Link{
				{URL: "https://a.test/", Title: "x", Section: "A › B", Pos: catalog.Pos{Line: 7, Column: 1}},
				{URL: "https://c.test/", Title: "y", Section: "C", Pos: catalog.Pos{Line: 11, Column: 1}},
			}, nil},
		{"nested item's note is its own", "- [P](https://p.test/) parent\n  - [C](https://c.test/) child\n",
			[]Link{
				{URL: "https://p.test/", Title: "P", Note: "parent", Section: "Links", Pos: catalog.Pos{Line: 1, Column: 3}},
				{URL: "https://c.test/", Title: "C", Note: "child", Section: "Links", Pos: catalog.Pos{Line: 2, Column: 5}},
			}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Read([]byte(tt.md))
			if len(l.Links) != len(tt.want) {
				t.Fatalf("Read(%q) found %d links, want %d: %+v", tt.md, len(l.Links), len(tt.want), l.Links)
			}
			for i, got := range l.Links {
				w := tt.want[i]
				if got.URL != w.URL || got.Title != w.Title || got.Note != w.Note || got.Section != w.Section || got.Pos != w.Pos {
					t.Errorf("link %d = {%q %q %q %q %v}, want {%q %q %q %q %v}", i,
						got.URL, got.Title, got.Note, got.Section, got.Pos, w.URL, w.Title, w.Note, w.Section, w.Pos)
				}
			}
			for k := Skip(0); k < numSkips; k++ {
				if l.Skipped[k] != tt.skipped[k] {
					t.Errorf("skipped %s = %d, want %d", k, l.Skipped[k], tt.skipped[k])
				}
			}
		})
	}
}

// TestEntries checks kinds, arXiv IDs, ids and the collapsing of
// repeated links.
func TestEntries(t *testing.T) {
	tests := []struct {
		url   string
		kind  catalog.Kind
		arxiv string
	}{
		{"https://arxiv.org/abs/1706.03762", catalog.KindPaper, "1706.03762"},
		{"https://arxiv.org/abs/1706.03762v5", catalog.KindPaper, "1706.03762v5"},
		{"https://arxiv.org/pdf/1706.03762v2.pdf", catalog.KindPaper, "1706.03762v2"},
		{"https://arxiv.org/html/2402.00001v1", catalog.KindPaper, "2402.00001v1"},
		{"http://export.arxiv.org/abs/hep-th/9711200", catalog.KindPaper, "hep-th/9711200"},
		{"https://arxiv.org/list/cs.CL/recent", catalog.KindPost, ""},
		{"https://openreview.net/forum?id=x", catalog.KindPaper, ""},
		{"https://aclanthology.org/P19-1001/", catalog.KindPaper, ""},
		{"https://doi.org/10.1145/1", catalog.KindPaper, ""},
		{"https://github.com/owner/repo", catalog.KindRepo, ""},
		{"https://github.com/owner/repo/tree/main/x", catalog.KindRepo, ""},
		{"https://github.com/owner", catalog.KindPost, ""},
		{"https://github.com/topics/llm", catalog.KindPost, ""},
		{"https://huggingface.co/spaces/o/s", catalog.KindTool, ""},
		{"https://huggingface.co/datasets/o/d", catalog.KindDataset, ""},
		{"https://huggingface.co/o/model", catalog.KindRepo, ""},
		{"https://huggingface.co/blog/post", catalog.KindPost, ""},
		{"https://example.com/", catalog.KindPost, ""},
	}
	for _, tt := range tests {
		r, _ := entry(Link{URL: tt.url, Title: "T"})
		if r.Kind != tt.kind || r.Arxiv != tt.arxiv {
			t.Errorf("entry(%s) = kind %s, arxiv %q; want %s, %q", tt.url, r.Kind, r.Arxiv, tt.kind, tt.arxiv)
		}
	}
}

func TestBuildRepeats(t *testing.T) {
	md := "## A\n\n" +
		"- [One](https://arxiv.org/abs/1706.03762)\n" +
		"- [Two](https://arxiv.org/pdf/1706.03762v3.pdf)\n" + // the same paper
		"- [Three](HTTPS://Example.COM:443/p#frag)\n" +
		"- [Four](https://example.com/p)\n" + // the same URL, normalized
		"- [Five](https://example.com/P)\n" + // paths keep their case
		"- [One](https://one.test/)\n" // the same title, another id
	sections, sum := Read([]byte(md)).Build(nil)
	var ids []string
	for _, r := range sections[0].Resources {
		ids = append(ids, r.ID)
	}
	want := []string{"one", "three", "five", "one-2"}
	if len(ids) != len(want) {
		t.Fatalf("ids = %v, want %v", ids, want)
	}
	for i := range want {
		if ids[i] != want[i] {
			t.Errorf("ids = %v, want %v", ids, want)
		}
	}
	if sum.Repeats != 2 || sum.New != 4 || sum.Links != 6 {
		t.Errorf("summary = %s, want 6 links, 4 new, 2 repeated", sum)
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Attention Is All You Need", "attention-is-all-you-need"},
		{"GPT-3: Language Models", "gpt-3-language-models"},
		{"Über Straße, naïve café", "uber-strasse-naive-cafe"},
		{"Don't Stop Pretraining", "dont-stop-pretraining"},
		{"  --weird__spacing--  ", "weird-spacing"},
		{"日本語", ""},
		{"one two three four five six seven eight nine ten", "one-two-three-four-five-six-seven-eight"},
		{"2023", "2023"},
	}
	for _, tt := range tests {
		if got := slug(tt.in); got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTitleFromURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://arxiv.org/abs/1706.03762v2", "arXiv 1706.03762v2"},
		{"https://github.com/huggingface/transformers/tree/main", "huggingface/transformers"},
		{"https://huggingface.co/spaces/gradio/hello", "gradio/hello"},
		{"https://example.com/blog/scaling-laws_v2.html", "scaling laws v2"},
		{"https://example.com/notes/2023/", "notes"},
		{"https://www.example.com/", "example.com"},
	}
	for _, tt := range tests {
		if got := titleFromURL(tt.in); got != tt.want {
			t.Errorf("titleFromURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCatalogPositions: a Markdown list checked directly points every
// entry at its link's line and column.
func TestCatalogPositions(t *testing.T) {
	md := "# L\n\n## Papers\n\n- [A](https://arxiv.org/abs/1706.03762)\n\n  text [B](https://b.test/)\n"
	c, _ := Catalog("README.md", []byte(md))
	if problems := c.ValidateRules(); len(problems) > 0 {
		t.Fatalf("the list's catalog is invalid: %v", problems)
	}
	want := map[string]catalog.Pos{"a": {Line: 5, Column: 3}, "b": {Line: 7, Column: 8}}
	for _, r := range c.Resources() {
		if r.Pos != want[r.ID] {
			t.Errorf("%s at %v, want %v", r.ID, r.Pos, want[r.ID])
		}
	}
	if c.File != "README.md" || len(c.Resources()) != 2 {
		t.Errorf("catalog %s with %d entries, want README.md with 2", c.File, len(c.Resources()))
	}
}

func TestIsGeneric(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"paper", true},
		{"PDF", true},
		{"[arxiv][pdf]", true},
		{"Code & Data", true},
		{"Project page", true},
		{"the paper", true},
		{"A", false},
		{"the", false},
		{"", false},
		{"Reflexion", false},
		{"[GitHub][Megatron-LM]", false},
		{"Paper: Attention Is All You Need", false},
	}
	for _, tt := range tests {
		if got := isGeneric(tt.in); got != tt.want {
			t.Errorf("isGeneric(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFirstClause(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Attention Is All You Need — Vaswani et al.", "Attention Is All You Need"},
		{"Attention Is All You Need. Vaswani et al. NeurIPS 2017.", "Attention Is All You Need"},
		{"Lost in the Middle - Liu et al. | TACL", "Lost in the Middle"},
		{"Dr. Strangelove's Notes | a blog", "Dr. Strangelove's Notes"},
		{"Vaswani et al. wrote it", "Vaswani et al. wrote it"},
		{"Self-RAG: Learning to Retrieve", "Self-RAG: Learning to Retrieve"},
		{". Leading stop. Then words", ". Leading stop"},
		{"GPT-4", "GPT-4"},
	}
	for _, tt := range tests {
		if got := firstClause(tt.in); got != tt.want {
			t.Errorf("firstClause(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
