package catalogedit

import (
	"cmp"
	"maps"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/result"
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
	type left = map[status.Status]int
	for _, tt := range []struct {
		only    status.Set
		want    []string
		leftOut left
	}{
		{Kinds, []string{"moved-post url", "attention arxiv", "attention url", "toolformer title"}, nil},
		{status.NewSet(status.Moved), []string{"moved-post url"}, left{status.Retitled: 2, status.Updated: 1}},
		// wrong-id's retitle needs a human whatever --only says, since
		// its version cannot be trusted: toolformer's title alone is left.
		{status.NewSet(status.Updated), []string{"attention arxiv", "attention url"}, left{status.Moved: 2, status.Retitled: 1}},
		{status.NewSet(status.Retitled), []string{"toolformer title"}, left{status.Moved: 2, status.Updated: 1}},
	} {
		p := PlanFixes(cat, results, tt.only)
		var got []string
		for _, f := range p.Fixes {
			got = append(got, f.ID+" "+string(f.Field))
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("PlanFixes(only %v) = %v, want %v", tt.only, got, tt.want)
		}
		if !maps.Equal(p.LeftOut, tt.leftOut) {
			t.Errorf("PlanFixes(only %v) left out %v, want %v", tt.only, p.LeftOut, tt.leftOut)
		}
	}
}

func TestOutcomeHeadline(t *testing.T) {
	fix := Fix{ID: "a", Field: FieldURL, Old: "https://a.test/", New: "https://b.test/", Status: status.Moved}
	human := Attention{ID: "b", Status: status.Broken, Reason: "HTTP 404"}
	tests := []struct {
		o    Outcome
		want string
	}{
		{Outcome{Catalog: "c.yaml"}, "nothing to fix in c.yaml"},
		{Outcome{Catalog: "c.yaml", Applied: []Fix{fix}, Human: []Attention{human}}, "1 change to c.yaml; 1 entry needs a human"},
		{Outcome{Catalog: "c.yaml", Applied: []Fix{fix, fix}, DryRun: true}, "2 changes to c.yaml (dry run: nothing written)"},
		{Outcome{Catalog: "c.yaml", Applied: []Fix{fix}, Human: []Attention{human, human},
			LeftOut: map[status.Status]int{status.Retitled: 3}, Only: status.NewSet(status.Moved)},
			"1 change to c.yaml; 3 retitled not applied: --only moved; 2 entries need a human"},
		{Outcome{Catalog: "c.yaml", LeftOut: map[status.Status]int{status.Updated: 1, status.Moved: 2}, Only: status.NewSet(status.Retitled)},
			"nothing to fix in c.yaml; 2 moved, 1 updated not applied: --only retitled"},
	}
	for _, tt := range tests {
		if got := tt.o.Headline(); got != tt.want {
			t.Errorf("Headline() = %q, want %q", got, tt.want)
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

// Each rule of a move, on results as a saved run may hold them: only a
// chain of permanent hops that ended in a 2xx answer gives a new url.
func TestPlanMoveRules(t *testing.T) {
	const from, plain = "https://old.test/p", "http://old.test/p"
	hop := func(code int, u string) result.Hop { return result.Hop{URL: u, Code: code} }
	tests := []struct {
		name   string
		url    string // the entry's url; from when empty
		res    result.Result
		want   string // the new url, or "" for none
		reason string // what needs a human says, when want is ""
	}{
		{"301 to a 200", "", result.Result{Code: 200, FinalURL: "https://new.test/p",
			Redirects: []result.Hop{hop(301, from)}}, "https://new.test/p", ""},
		{"308 to a 203", "", result.Result{Code: 203, FinalURL: "https://new.test/p",
			Redirects: []result.Hop{hop(308, from)}}, "https://new.test/p", ""},
		{"301 to a 404", "", result.Result{Code: 404, FinalURL: "https://new.test/p",
			Redirects: []result.Hop{hop(301, from)}}, "", "which answered 404"},
		{"301 to a 500", "", result.Result{Code: 500, FinalURL: "https://new.test/p",
			Redirects: []result.Hop{hop(301, from)}}, "", "which answered 500"},
		{"301 to a 304", "", result.Result{Code: 304, FinalURL: "https://new.test/p",
			Redirects: []result.Hop{hop(301, from)}}, "", "which answered 304"},
		{"301 and no answer", "", result.Result{FinalURL: "https://new.test/p",
			Redirects: []result.Hop{hop(301, from)}}, "", "which answered 0"},
		{"no new address", "", result.Result{Code: 200}, "", "no new address"},
		{"https to http", "", result.Result{Code: 200, FinalURL: "http://new.test/p",
			Redirects: []result.Hop{hop(301, from)}}, "", "not https"},
		{"301 then 302", "", result.Result{Code: 200, FinalURL: "https://third.test/p",
			Redirects: []result.Hop{hop(301, from), hop(302, "https://new.test/p")}}, "", "temporary redirect (302) to https://third.test/p"},
		{"301 then a meta refresh", "", result.Result{Code: 200, FinalURL: "https://third.test/p",
			Redirects: []result.Hop{hop(301, from), hop(200, "https://new.test/p")}}, "", "meta refresh to https://third.test/p"},
		// A cookie or consent wall sends the first visit back to the same
		// address with a cookie: a detour, not a temporary move.
		{"http to https through a cookie wall", plain, result.Result{Code: 200, FinalURL: from,
			Redirects: []result.Hop{hop(301, plain), hop(302, from)}}, from, ""},
		{"a 302 upgrade, then a cookie wall", plain, result.Result{Code: 200, FinalURL: from,
			Redirects: []result.Hop{hop(302, plain), hop(302, from)}}, from, ""},
		{"through a consent page and back", plain, result.Result{Code: 200, FinalURL: from,
			Redirects: []result.Hop{hop(301, plain), hop(302, from), hop(302, "https://old.test/consent?back=/p")}}, from, ""},
		{"a cookie wall, then elsewhere for now", plain, result.Result{Code: 200, FinalURL: "https://third.test/p",
			Redirects: []result.Hop{hop(301, plain), hop(302, from), hop(302, from)}}, "", "temporary redirect (302) to https://third.test/p"},
		{"a 301 elsewhere after a cookie wall", "", result.Result{Code: 200, FinalURL: "https://new.test/p",
			Redirects: []result.Hop{hop(302, from), hop(301, from)}}, "https://new.test/p", ""},
		{"not a usable URL", "", result.Result{Code: 200, FinalURL: "ftp://new.test/p",
			Redirects: []result.Hop{hop(301, from)}}, "", "not a usable http(s) URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := cmp.Or(tt.url, from)
			cat := mustLoad(t, doc("      - {id: a, title: A, kind: post, url: \""+u+"\"}\n"))
			res := tt.res
			res.ID, res.Target, res.URL, res.Status = "a", result.TargetURL, u, status.Moved
			p := PlanFixes(cat, []result.Result{res}, Kinds)
			switch {
			case tt.want != "":
				if len(p.Fixes) != 1 || p.Fixes[0].New != tt.want || p.Fixes[0].Field != FieldURL || len(p.Human) != 0 {
					t.Errorf("PlanFixes = fixes %s, human %+v; want url → %s", describeAll(p.Fixes), p.Human, tt.want)
				}
			case len(p.Fixes) != 0:
				t.Errorf("PlanFixes = %s, want no fix", describeAll(p.Fixes))
			case len(p.Human) != 1 || !strings.Contains(p.Human[0].Reason, tt.reason):
				t.Errorf("needs a human: %+v, want it to say %q", p.Human, tt.reason)
			}
		})
	}
}

// The checker's own chain through a cookie wall after an upgrade to https
// (301 to https, 302 back to the same address with a cookie, the page) is
// a move to the https address, and fix takes it.
func TestPlanUpgradeThroughACookieWall(t *testing.T) {
	src := doc("      - {id: walled, title: Walled, kind: post, url: \"http://walled.test/p\"}\n")
	results := checkOnFakeWeb(t, src)
	if len(results) != 1 || results[0].Status != status.Moved || len(results[0].Redirects) != 2 {
		t.Fatalf("results = %+v, want one moved result through two hops", results)
	}
	p := PlanFixes(mustLoad(t, src), results, Kinds)
	if len(p.Fixes) != 1 || p.Fixes[0].New != "https://walled.test/p" || len(p.Human) != 0 {
		t.Errorf("PlanFixes = fixes %s, human %+v; want url → https://walled.test/p", describeAll(p.Fixes), p.Human)
	}
}

// A retitle's evidence names the paper once, as arXiv does, however the
// catalog writes its ID.
func TestRetitledEvidenceNamesThePaperOnce(t *testing.T) {
	for _, written := range []string{"2302.04761", `"arXiv:2302.04761"`, `"arxiv:2302.04761"`, "https://arxiv.org/abs/2302.04761"} {
		t.Run(written, func(t *testing.T) {
			src := strings.Replace(fixCatalog, "arxiv: 2302.04761", "arxiv: "+written, 1)
			if src == fixCatalog && written != "2302.04761" {
				t.Fatal("the test's replacement did not apply")
			}
			p := PlanFixes(mustLoad(t, src), checkOnFakeWeb(t, src), status.NewSet(status.Retitled))
			if len(p.Fixes) != 1 {
				t.Fatalf("PlanFixes gave %s, want the toolformer retitle", describeAll(p.Fixes))
			}
			const want = "arXiv 2302.04761's current title (similarity "
			if ev := p.Fixes[0].Evidence; !strings.HasPrefix(ev, want) {
				t.Errorf("retitle evidence = %q, want it to start %q", ev, want)
			}
		})
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
