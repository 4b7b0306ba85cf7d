package catalogedit

import (
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/status"
)

func TestPlanFixes(t *testing.T) {
	results := checkOnFakeWeb(t, fixCatalog)
	p := PlanFixes(mustLoad(t, fixCatalog), results, Kinds)

	want := []Fix{
		{ID: "moved-post", Field: FieldURL, Old: "https://old.test/post", New: "https://new.test/post", Status: status.Moved,
			Evidence: "301 https://old.test/post → https://new.test/post (200)"},
		{ID: "attention", Field: FieldArxiv, Old: "1706.03762v5", New: "1706.03762v7", Status: status.Updated},
		{ID: "attention", Field: FieldURL, Old: "https://arxiv.org/abs/1706.03762v5", New: "https://arxiv.org/abs/1706.03762v7", Status: status.Updated},
		{ID: "toolformer", Field: FieldTitle, Old: "Toolformer: Language Models Can Teach Themselves to Use Tools",
			New: "Toolformer: Language Models Can Teach Themselves to Use Tools and APIs", Status: status.Retitled},
	}
	if len(p.Fixes) != len(want) {
		t.Fatalf("PlanFixes gave %d fixes, want %d:\n%s", len(p.Fixes), len(want), describeAll(p.Fixes))
	}
	for i, w := range want {
		g := p.Fixes[i]
		if g.ID != w.ID || g.Field != w.Field || g.Old != w.Old || g.New != w.New || g.Status != w.Status ||
			(w.Evidence != "" && g.Evidence != w.Evidence) {
			t.Errorf("fix %d = %s, want %s", i, g.Describe(), w.Describe())
		}
	}
	if ev := p.Fixes[1].Evidence; !strings.Contains(ev, "v7") {
		t.Errorf("updated evidence %q does not name the latest version", ev)
	}

	humans := map[string]string{
		"moved-to-http": "not https",
		"temporary":     "to https://fine.test/elsewhere",
		"retired":       "home page",
		"dead":          "404",
		"wrong-id":      "probably points at another paper",
	}
	if len(p.Human) != len(humans) {
		t.Errorf("needs a human: %+v, want %d entries", p.Human, len(humans))
	}
	for _, h := range p.Human {
		if want, ok := humans[h.ID]; !ok || !strings.Contains(h.Reason, want) {
			t.Errorf("needs a human: %s (%s) %q, want it to say %q", h.ID, h.Status, h.Reason, want)
		}
	}
	if len(p.Stale) != 0 {
		t.Errorf("stale: %+v, want none", p.Stale)
	}
}

func TestPlanOnly(t *testing.T) {
	results := checkOnFakeWeb(t, fixCatalog)
	cat := mustLoad(t, fixCatalog)
	for _, tt := range []struct {
		only status.Set
		want []string
	}{
		{status.NewSet(status.Moved), []string{"moved-post url"}},
		{status.NewSet(status.Updated), []string{"attention arxiv", "attention url"}},
		{status.NewSet(status.Retitled), []string{"toolformer title"}},
	} {
		var got []string
		for _, f := range PlanFixes(cat, results, tt.only).Fixes {
			got = append(got, f.ID+" "+string(f.Field))
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("PlanFixes(only %v) = %v, want %v", tt.only, got, tt.want)
		}
	}
}

// The catalog edited since the check: entries moved to other lines are
// still fixed by id; a value changed since, or an entry removed, is stale
// and never fixed.
func TestPlanByIDNotLine(t *testing.T) {
	results := checkOnFakeWeb(t, fixCatalog)
	edited := strings.Replace(fixCatalog, "    resources:\n      - id: moved-post",
		"    resources:\n      - id: inserted\n        title: Inserted\n        kind: post\n        url: https://old.test/post-2\n      - id: moved-post", 1)
	edited = strings.Replace(edited, `title: 'Toolformer: Language Models Can Teach Themselves to Use Tools'`, `title: "Toolformer, as edited"`, 1)
	edited = strings.Replace(edited, "      - id: attention\n", "      - id: attention-v5\n", 1)
	p := PlanFixes(mustLoad(t, edited), results, Kinds)
	var fixed []string
	for _, f := range p.Fixes {
		fixed = append(fixed, f.ID+" "+string(f.Field))
	}
	if strings.Join(fixed, ",") != "moved-post url" {
		t.Errorf("fixes %v, want only moved-post's url", fixed)
	}
	if p.Fixes[0].Old != "https://old.test/post" {
		t.Errorf("moved-post's fix rewrites %q, want its own url", p.Fixes[0].Old)
	}
	stale := map[string]string{"toolformer": "not \"Toolformer: Language Models", "attention": "no entry"}
	if len(p.Stale) != len(stale) {
		t.Errorf("stale %+v, want %d", p.Stale, len(stale))
	}
	for _, s := range p.Stale {
		if !strings.Contains(s.Reason, stale[s.ID]) || stale[s.ID] == "" {
			t.Errorf("stale %s: %q, want it to say %q", s.ID, s.Reason, stale[s.ID])
		}
	}
}

func TestRepin(t *testing.T) {
	ok := func(string) bool { return true }
	tests := []struct {
		in       string
		from, to int
		want     string
	}{
		{"1706.03762v5", 5, 7, "1706.03762v7"},
		{"arXiv:1706.03762V5", 5, 12, "arXiv:1706.03762V12"},
		{"https://arxiv.org/pdf/1706.03762v5.pdf", 5, 7, "https://arxiv.org/pdf/1706.03762v7.pdf"},
		{"hep-th/9901001v1", 1, 2, "hep-th/9901001v2"},
		{"1706.03762v15", 1, 2, ""},
		{"1706.03762", 5, 7, ""},
	}
	for _, tt := range tests {
		got, _ := repin(tt.in, tt.from, tt.to, ok)
		if got != tt.want {
			t.Errorf("repin(%q, %d, %d) = %q, want %q", tt.in, tt.from, tt.to, got, tt.want)
		}
	}
}

func describeAll(fixes []Fix) string {
	var b strings.Builder
	for _, f := range fixes {
		b.WriteString(f.Describe() + "\n")
	}
	return b.String()
}

// Planning and applying the fixes of a real check, then checking the fixed
// catalog again, finds nothing more to fix: fix twice changes nothing the
// second time.
func TestFixTwiceChangesNothing(t *testing.T) {
	p := PlanFixes(mustLoad(t, fixCatalog), checkOnFakeWeb(t, fixCatalog), Kinds)
	out, applied, skipped, err := Apply("resources.yaml", []byte(fixCatalog), p.Fixes)
	if err != nil || len(skipped) != 0 || len(applied) != len(p.Fixes) {
		t.Fatalf("Apply: applied %d of %d, skipped %+v, err %v", len(applied), len(p.Fixes), skipped, err)
	}
	want := strings.NewReplacer(
		"url: https://old.test/post   # 301", "url: https://new.test/post   # 301",
		"url: https://arxiv.org/abs/1706.03762v5", "url: https://arxiv.org/abs/1706.03762v7",
		`arxiv: "1706.03762v5"`, `arxiv: "1706.03762v7"`,
		"Use Tools'", "Use Tools and APIs'",
	).Replace(fixCatalog)
	if string(out) != want {
		t.Fatalf("fixed catalog =\n%s\nwant\n%s", out, want)
	}
	again := PlanFixes(mustLoad(t, string(out)), checkOnFakeWeb(t, string(out)), Kinds)
	if len(again.Fixes) != 0 {
		t.Errorf("the fixed catalog still has fixes:\n%s", describeAll(again.Fixes))
	}
}

// A chain that is permanent only in part says where the link is for the
// moment, not where it moved: its end is no address to write down.
func TestPlanMovedThroughATemporaryHop(t *testing.T) {
	src := `version: 1
sections:
  - id: posts
    title: Posts
    resources:
      - {id: hopping, title: Hopping, kind: post, url: "https://hop.test/p"}
`
	results := checkOnFakeWeb(t, src)
	if len(results) != 1 || results[0].Status != status.Moved {
		t.Fatalf("results = %+v, want one moved result (the chain has a 301)", results)
	}
	p := PlanFixes(mustLoad(t, src), results, Kinds)
	if len(p.Fixes) != 0 {
		t.Errorf("fixes = %s, want none: the chain ends in a temporary redirect", describeAll(p.Fixes))
	}
	if len(p.Human) != 1 || !strings.Contains(p.Human[0].Reason, "temporary redirect (302)") {
		t.Errorf("needs a human: %+v, want hopping, saying the chain has a temporary redirect (302)", p.Human)
	}
}

// A chain into a parked domain's sale page or into a site's not-found
// template ends at no new address: fix leaves the url alone.
func TestPlanNeverMovesIntoADeadEnd(t *testing.T) {
	src := `version: 1
sections:
  - id: posts
    title: Posts
    resources:
      - {id: sold, title: Agents in the wild, kind: post, url: "http://old-domain.test/post"}
      - {id: template, title: Agents in the wild, kind: post, url: "https://oldblog.test/posts/agents-in-the-wild"}
`
	results := checkOnFakeWeb(t, src)
	why := map[string]string{"sold": "domain parked / for sale", "template": "soft 404: the site answers a made-up path"}
	if len(results) != len(why) {
		t.Fatalf("results = %+v, want %d", results, len(why))
	}
	for _, r := range results {
		if r.Status != status.Broken || !strings.Contains(r.Message, why[r.ID]) {
			t.Errorf("check(%s) = %v (%s), want broken (%s)", r.URL, r.Status, r.Message, why[r.ID])
		}
	}
	p := PlanFixes(mustLoad(t, src), results, Kinds)
	if len(p.Fixes) != 0 {
		t.Errorf("fixes = %s, want none: the chains end on dead pages", describeAll(p.Fixes))
	}
	out, _, _, err := Apply("resources.yaml", []byte(src), p.Fixes)
	if err != nil || string(out) != src {
		t.Errorf("Apply changed the catalog (err %v):\n%s", err, out)
	}
	if len(p.Human) != len(why) {
		t.Errorf("needs a human: %+v, want both entries", p.Human)
	}
}
