package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/state"
	"github.com/ai-reading-list/linkcheck/status"
)

// realCatalog is the bundled catalog, relative to this package.
const realCatalog = "../../resources.yaml"

// siteCase is how the fake web answers one entry's URL and what linkcheck
// must make of it. Entries without one are served a 200 page bearing their
// title and must come out ok.
type siteCase struct {
	serve http.Handler
	want  status.Status
	why   string // what the result's message must say
	final string // the new address a move must report
}

// paperCase is what the fake arXiv API says of one entry's paper.
type paperCase struct {
	version int
	title   string // arXiv's current title; "" means the catalog's
	comment string
	want    status.Status
	why     string // what the result's message must say
}

// realSiteCases script what the catalog's notes say its sites do today,
// plus one page of each kind of failure. Redirect targets live in
// realTargets.
func realSiteCases() map[string]siteCase {
	return map[string]siteCase{
		// /helm/latest/ is a meta-refresh stub for HELM Classic; the entry's
		// URL leads through it to HELM Classic, one of its alternates.
		"helm": {serve: fakeweb.MetaRefresh("/helm/latest/"), want: status.OK,
			why: "redirected to alternate https://crfm.stanford.edu/helm/classic/latest/"},
		// The home page sends visitors to the marketing site, an alternate.
		"wandb": {serve: fakeweb.Redirect(http.StatusFound, "https://wandb.ai/site"), want: status.OK,
			why: "redirected to alternate https://wandb.ai/site"},
		// openai.com and medium.com refuse bots; the entries accept that.
		"cross-lab-eval-openai": {serve: fakeweb.Status(http.StatusForbidden), want: status.OK, why: "accepted: openai.com"},
		"o1-system-card":        {serve: fakeweb.Status(http.StatusForbidden), want: status.OK, why: "accepted: openai.com"},
		"karpathy-software-2-0": {serve: fakeweb.Challenge(), want: status.OK, why: "accepted: medium.com"},
		// The failures a maintainer must act on.
		"ruder-state-of-nlp": {
			serve: fakeweb.Redirect(http.StatusMovedPermanently, "https://ruder.io/state-of-transfer-learning-in-nlp/"),
			want:  status.Moved, why: "moved permanently (301)", final: "https://ruder.io/state-of-transfer-learning-in-nlp/",
		},
		"aws-amazon-advanced-finetuning": {serve: fakeweb.Redirect(http.StatusMovedPermanently, "/"), want: status.Broken,
			why: "redirected to the site's home page"},
		"alammar-visual-nn": {serve: fakeweb.Status(http.StatusNotFound), want: status.Broken, why: "HTTP 404"},
	}
}

// realTargets are the pages the scripted redirects lead to.
func realTargets() map[string]http.Handler {
	return map[string]http.Handler{
		"https://crfm.stanford.edu/helm/latest/":              fakeweb.MetaRefresh("/helm/classic/latest/"),
		"https://crfm.stanford.edu/helm/classic/latest/":      fakeweb.Page("HELM Classic", "<h1>HELM Classic</h1>"),
		"https://wandb.ai/site":                               fakeweb.Page("Weights & Biases", "<h1>W&amp;B</h1>"),
		"https://ruder.io/state-of-transfer-learning-in-nlp/": fakeweb.Page("The State of Transfer Learning in NLP", "<h1>ok</h1>"),
		"https://aws.amazon.com/":                             fakeweb.Page("Cloud Computing Services - Amazon Web Services", "<h1>AWS</h1>"),
	}
}

// repoCase is what the fake GitHub API says of one repository the
// catalog names.
type repoCase struct {
	archived bool
	pushed   time.Duration // how long ago the last push was; a month when 0
	want     status.Status
	why      string
}

// realRepoCases script the GitHub API's answers, keyed by repository as
// the catalog names it: active repositories, plus one archived and one
// dormant.
func realRepoCases() map[string]repoCase {
	const year = 365 * 24 * time.Hour
	return map[string]repoCase{
		"princeton-nlp/tree-of-thought-llm": {pushed: 3 * year, want: status.Stale, why: "no push since"},
		"noahshinn/reflexion":               {archived: true, pushed: 2 * year, want: status.Stale, why: "archived on GitHub"},
		"THUDM/AgentBench":                  {},
		"SWE-bench/swe-bench.github.io":     {},
		"SWE-bench/SWE-bench":               {},
		"stanford-crfm/helm":                {},
		"embeddings-benchmark/mteb":         {},
		"evalplus/evalplus":                 {},
		"bigcode-project/bigcodebench":      {},
		"rasbt/LLMs-from-scratch":           {},
		"vllm-project/vllm":                 {},
	}
}

// spaceCase is what the fake Hub API says of one Space.
type spaceCase struct {
	stage string
	want  status.Status
	why   string
}

// realSpaceCases script the runtime stage of the catalog's Spaces, keyed by
// owner/name.
func realSpaceCases() map[string]spaceCase {
	return map[string]spaceCase{
		"mteb/leaderboard":                          {stage: "RUNNING", want: status.OK, why: "Space is RUNNING"},
		"open-llm-leaderboard/open_llm_leaderboard": {stage: "SLEEPING", want: status.OK, why: "Space is SLEEPING (wakes on a visit)"},
	}
}

// realPaperCases hold every paper's latest version (arxiv-api.md §6 where
// it knows, scripted otherwise). Latest versions matter only for the
// report: the catalog pins none. The retitled paper stays at v1 so that no
// older titles are asked for, and the withdrawal comment states it, so no
// OAI-PMH record is needed: the run asks arXiv once.
func realPaperCases() map[string]paperCase {
	return map[string]paperCase{
		"attention-is-all-you-need":  {version: 7},
		"gpt3-few-shot-learners":     {version: 4},
		"instructgpt":                {version: 1},
		"scaling-laws-kaplan":        {version: 1},
		"chinchilla":                 {version: 1},
		"chain-of-thought-prompting": {version: 6},
		"kojima-zero-shot-reasoners": {version: 4},
		"tree-of-thoughts":           {version: 2},
		"react":                      {version: 3},
		"reflexion":                  {version: 4},
		"toolformer": {version: 1, want: status.Retitled, why: "arXiv's title is now",
			title: "Toolformer: Language Models Can Teach Themselves to Use Tools and APIs"},
		"agentbench":          {version: 3},
		"swe-bench-paper":     {version: 3},
		"rag-lewis":           {version: 4},
		"self-rag":            {version: 1},
		"chatbot-arena-paper": {version: 1},
		"helm-paper":          {version: 2},
		"mteb-paper":          {version: 3},
		"evalplus-paper": {version: 4, want: status.Broken, why: "withdrawn",
			comment: "This paper has been withdrawn by the authors"},
		"constitutional-ai":      {version: 1},
		"sleeper-agents":         {version: 3},
		"o1-system-card":         {version: 1},
		"deliberative-alignment": {version: 2},
		"vllm-paper":             {version: 1},
	}
}

func TestRealCatalogOnFakeWeb(t *testing.T) {
	cat, err := catalog.Load(realCatalog)
	if err != nil {
		t.Fatalf("catalog.Load(%q): %v", realCatalog, err)
	}
	entries := cat.Resources()
	sites, papers, repos, spaces := realSiteCases(), realPaperCases(), realRepoCases(), realSpaceCases()
	web := serveRealCatalog(t, entries, sites, papers, repos, spaces)

	dir := t.TempDir()
	results := filepath.Join(dir, "results.json")
	statePath := filepath.Join(dir, "state.json")
	start := time.Now()
	code, stdout, stderr := runLinkcheck(t, web.Web, "check", "--catalog", realCatalog, "--format", "json", "--output", results, "--state", statePath)
	t.Logf("check of %d entries took %v", len(entries), time.Since(start).Round(time.Millisecond))
	if code != exitFailing {
		t.Fatalf("check exited %d, want %d (broken entries)\nstdout:\n%s\nstderr:\n%s", code, exitFailing, stdout, stderr)
	}
	doc := readRealResults(t, results)
	want := expectedResults(entries, sites, papers, repos, spaces)
	if len(doc.Results) != len(want) || doc.Summary["total"] != len(want) {
		t.Errorf("results.json holds %d results (summary total %d), want %d", len(doc.Results), doc.Summary["total"], len(want))
	}
	got := make(map[string]realResult, len(doc.Results))
	for _, r := range doc.Results {
		key := r.ID + "/" + r.Target
		if _, dup := got[key]; dup {
			t.Errorf("results.json has %s twice", key)
		}
		got[key] = r
	}
	for _, w := range want {
		t.Run(w.key(), func(t *testing.T) {
			g, ok := got[w.key()]
			switch {
			case !ok:
				t.Fatalf("results.json lacks %s", w.key())
			case g.Status != w.Status:
				t.Errorf("status of %s = %s (%s), want %s", w.key(), g.Status, g.Message, w.Status)
			case !strings.Contains(g.Message, w.Message):
				t.Errorf("message of %s = %q, want it to say %q", w.key(), g.Message, w.Message)
			case g.TargetLine != w.TargetLine || g.TargetColumn != w.TargetColumn:
				t.Errorf("%s points at %d:%d, want the %s value at %d:%d", w.key(), g.TargetLine, g.TargetColumn, w.Target, w.TargetLine, w.TargetColumn)
			case g.Line != w.Line:
				t.Errorf("line of %s = %d, want %d", w.key(), g.Line, w.Line)
			case g.FinalURL != w.FinalURL && w.Status == "moved":
				t.Errorf("final_url of %s = %q, want %q", w.key(), g.FinalURL, w.FinalURL)
			case g.CurrentTitle != w.CurrentTitle && w.Target == "arxiv":
				t.Errorf("current_title of %s = %q, want %q", w.key(), g.CurrentTitle, w.CurrentTitle)
			case g.Version != w.Version:
				t.Errorf("version of %s = %d, want %d", w.key(), g.Version, w.Version)
			}
		})
	}

	// The scripted 429 was waited out and retried, not reported.
	retried := false
	for _, r := range doc.Results {
		retried = retried || (strings.HasPrefix(r.URL, "https://simonwillison.net/") && r.Status == "ok" && r.Attempts > 1)
	}
	if !retried {
		t.Errorf("no simonwillison.net result took a second attempt, want the one refused with 429 retried")
	}

	// Everything arXiv knows comes from one API request: every paper fits
	// one batch and nothing calls for a second (see realPaperCases).
	if calls := web.api.calls(); len(calls) != 1 {
		t.Errorf("arXiv API got %d requests %v, want 1", len(calls), calls)
	} else if wantIDs := paperIDs(entries); !slices.Equal(sorted(calls[0]), wantIDs) {
		t.Errorf("arXiv API was asked for %v, want %v", sorted(calls[0]), wantIDs)
	}
	if n := web.Requests("arxiv.org"); n != 0 {
		t.Errorf("arxiv.org got %d requests, want 0: the API covers each entry's own paper", n)
	}
	// One GitHub API request per repository; no repository page is
	// fetched where the API answered for it.
	if n := web.Requests("api.github.com"); n != len(repos) {
		t.Errorf("GitHub API got %d requests, want %d: one per repository", n, len(repos))
	}
	if n := web.Requests("github.com"); n != 0 {
		t.Errorf("github.com got %d page requests, want 0: the API answers for repository roots", n)
	}
	// No page of the catalog looks like a not-found template, alone or
	// beside its host's other pages: no site is asked for a made-up path
	// (README: Soft 404s).
	if paths := madeUpPaths(web.Web); len(paths) != 0 {
		t.Errorf("sites were asked for %d made-up paths %v, want none", len(paths), paths)
	}
	checkPoliteness(t, web, cat)
	checkReports(t, web.Web, results, want)
	checkRealState(t, statePath, doc)
}

// madeUpPath is the path a site is asked for to see its answer to a page
// that cannot exist: "lc" and 26 random characters, at any depth.
var madeUpPath = regexp.MustCompile(`/lc[a-z2-7]{26}/?$`)

// madeUpPaths lists the made-up paths w was asked for.
func madeUpPaths(w *fakeweb.Web) []string {
	var out []string
	for _, r := range w.Log() {
		if madeUpPath.MatchString(r.Path) {
			out = append(out, r.Host+r.Path)
		}
	}
	return out
}

// checkRealState checks that the run's history holds one target per
// result that was checked, and logs its size (docs/architecture.md: Performance).
func checkRealState(t *testing.T, path string, doc realResults) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the completed run wrote no state: %v", err)
	}
	s, err := state.Load(path)
	if err != nil {
		t.Fatalf("state.Load: %v", err)
	}
	checked := 0
	for _, r := range doc.Results {
		if r.Status == "skipped" {
			continue
		}
		checked++
		k := state.KeyOf(result.Result{ID: r.ID, Target: result.TargetKind(r.Target), URL: r.URL, Arxiv: r.Arxiv, Repo: r.Repo})
		if _, ok := s.Targets[k]; !ok {
			t.Errorf("state lacks %s/%s", r.ID, r.Target)
		}
	}
	if len(s.Targets) != checked {
		t.Errorf("state holds %d targets, want %d (one per checked result)", len(s.Targets), checked)
	}
	t.Logf("state file: %d bytes for %d targets (%d results)", len(data), len(s.Targets), len(doc.Results))
}

// repoRootURL reports an entry whose URL is the github.com page of the
// repository its github field names, which the GitHub API answers for.
func repoRootURL(r catalog.Resource) bool {
	return r.GitHub != "" && strings.EqualFold(r.URL, "https://github.com/"+r.GitHub)
}

// realResult is the part of a results.json result this test reads.
type realResult struct {
	ID           string `json:"id"`
	Target       string `json:"target"`
	URL          string `json:"url"`
	Arxiv        string `json:"arxiv"`
	Repo         string `json:"repo"`
	Line         int    `json:"line"`
	TargetLine   int    `json:"target_line"`
	TargetColumn int    `json:"target_column"`
	Status       string `json:"status"`
	FinalURL     string `json:"final_url"`
	CurrentTitle string `json:"current_title"`
	Version      int    `json:"version"`
	Attempts     int    `json:"attempts"`
	Message      string `json:"message"`
}

func (r realResult) key() string { return r.ID + "/" + r.Target }

type realResults struct {
	Summary map[string]int `json:"summary"`
	Results []realResult   `json:"results"`
}

func readRealResults(t *testing.T, path string) realResults {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc realResults
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("results.json: %v", err)
	}
	matchReportSchema(t, path, data)
	return doc
}

// expectedResults lists, in catalog order, the result each entry must
// get: one for its URL unless that is its own paper's page, one for its
// arXiv ID.
func expectedResults(entries []catalog.Resource, sites map[string]siteCase, papers map[string]paperCase, repos map[string]repoCase, spaces map[string]spaceCase) []realResult {
	var want []realResult
	for _, r := range entries {
		if id, ok := strings.CutPrefix(r.URL, "https://huggingface.co/spaces/"); ok {
			sc := spaces[id]
			want = append(want, located(r, "url", realResult{ID: r.ID, Target: "huggingface", Line: r.Pos.Line, Status: sc.want.String(), Message: sc.why}))
		}
		if r.GitHub != "" {
			rc := repos[r.GitHub]
			w := realResult{ID: r.ID, Target: "github", Line: r.Pos.Line, Status: cmp.Or(rc.want, status.OK).String(), Message: rc.why}
			want = append(want, located(r, "github", w))
		}
		if r.URL != "" && !ownPaperURL(r) && !repoRootURL(r) {
			w := realResult{ID: r.ID, Target: "url", Line: r.Pos.Line, Status: "ok"}
			if sc, ok := sites[r.ID]; ok {
				w.Status, w.Message, w.FinalURL = sc.want.String(), sc.why, sc.final
			}
			want = append(want, located(r, "url", w))
		}
		if r.Arxiv != "" {
			pc := papers[r.ID]
			w := realResult{ID: r.ID, Target: "arxiv", Line: r.Pos.Line, Status: "ok",
				CurrentTitle: cmp.Or(pc.title, r.Title), Version: pc.version}
			if pc.want != status.Unknown {
				w.Status, w.Message = pc.want.String(), pc.why
			}
			want = append(want, located(r, "arxiv", w))
		}
	}
	return want
}

// located sets where the catalog writes the value of r's key, where a
// result about it points.
func located(r catalog.Resource, key string, w realResult) realResult {
	at := r.Fields[key]
	w.TargetLine, w.TargetColumn = at.Line, at.Column
	return w
}

// arrivalSlack is how much earlier than its turn a request may reach a
// host. linkcheck paces when requests start; the first request to a host
// then spends a while connecting (TCP, TLS) that later ones on the open
// connection do not, so a host metering arrivals sees those early by about
// that long.
const arrivalSlack = 250 * time.Millisecond

// checkPoliteness asserts that the run kept every host's limits: the
// requests each host received fit its token bucket (rate and burst, with
// arrivalSlack), no host had more requests at once than it allows, and
// every request went to a page the table serves.
func checkPoliteness(t *testing.T, web *realWeb, cat *catalog.Catalog) {
	t.Helper()
	throttled := 0
	for _, r := range web.Log() {
		if r.Code == http.StatusTooManyRequests {
			throttled++
		}
		if !web.served[r.Host+r.Path] {
			t.Errorf("%s %s%s: a page the fake web does not serve", r.Method, r.Host, r.Path)
		}
	}
	if throttled != 1 {
		t.Errorf("the fake web answered 429 %d times, want once (the scripted simonwillison.net)", throttled)
	}
	arxivLimit := cat.Settings.Hosts["arxiv.org"]
	for host, times := range web.watch.arrived() {
		rate, burst, conc := checker.DefaultHostRate, checker.DefaultHostBurst, checker.DefaultHostConcurrency
		if catalog.IsArxivHost(host) {
			rate, burst, conc = arxivLimit.Rate, arxivLimit.Burst, arxivLimit.Concurrency
		}
		if n, d, ok := fitsBucket(times, rate, burst); !ok {
			t.Errorf("%s got %d requests within %v, more than %g req/s with a burst of %d allow", host, n, d, rate, burst)
		}
		if peak := web.watch.peaks()[host]; peak > conc {
			t.Errorf("%s had %d requests in flight at once, want at most %d", host, peak, conc)
		}
	}
}

// fitsBucket checks arrival times against a token bucket: n of them
// spanning d may be at most burst + rate·(d + arrivalSlack). When they are
// not, it returns the first n and d that are too many.
func fitsBucket(times []time.Time, rate float64, burst int) (n int, d time.Duration, ok bool) {
	for i := range times {
		for j := i + burst; j < len(times); j++ {
			n, d = j-i+1, times[j].Sub(times[i])
			if float64(n) > float64(burst)+rate*(d+arrivalSlack).Seconds() {
				return n, d, false
			}
		}
	}
	return 0, 0, true
}

// checkReports re-renders the saved run in every human format and asserts
// that each names the entries to fix with their catalog lines.
func checkReports(t *testing.T, web *fakeweb.Web, results string, want []realResult) {
	t.Helper()
	before := len(web.Log())
	formats := []struct {
		format  string
		lineRef func(realResult) string
	}{
		{"table", func(r realResult) string { return fmt.Sprintf("resources.yaml:%d", r.Line) }},
		{"markdown", func(r realResult) string { return fmt.Sprintf("resources.yaml:%d", r.Line) }},
		// Annotations sit at the value the finding is about.
		{"github", func(r realResult) string { return fmt.Sprintf("line=%d,col=%d,", r.TargetLine, r.TargetColumn) }},
	}
	for _, f := range formats {
		t.Run("report "+f.format, func(t *testing.T) {
			code, stdout, stderr := runLinkcheck(t, web, "report", "--from", results, "--format", f.format)
			if code != exitOK {
				t.Fatalf("report --from --format %s exited %d: %s", f.format, code, stderr)
			}
			for _, w := range want {
				if w.Status == "ok" {
					continue
				}
				if !hasLineWith(stdout, w.ID, f.lineRef(w)) {
					t.Errorf("report --format %s has no line naming %s with %q:\n%s", f.format, w.ID, f.lineRef(w), stdout)
				}
				if w.Status == "moved" && !strings.Contains(stdout, w.FinalURL) {
					t.Errorf("report --format %s lacks %s's new address %s", f.format, w.ID, w.FinalURL)
				}
				if w.Status == "retitled" && !strings.Contains(stdout, w.CurrentTitle) {
					t.Errorf("report --format %s lacks %s's current title %q", f.format, w.ID, w.CurrentTitle)
				}
			}
			if testing.Verbose() {
				t.Logf("report --format %s:\n%s", f.format, stdout)
			}
		})
	}
	if after := len(web.Log()); after != before {
		t.Errorf("report --from made %d requests, want none", after-before)
	}
}

func hasLineWith(text string, parts ...string) bool {
	for _, line := range strings.Split(text, "\n") {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(line, p)
		}
		if all {
			return true
		}
	}
	return false
}

// runLinkcheck runs linkcheck in-process against web.
func runLinkcheck(t testing.TB, web *fakeweb.Web, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runLinkcheckEnv(t, web, nil, args...)
}

// runLinkcheckEnv runs linkcheck in-process against web, with environ as
// its environment.
func runLinkcheckEnv(t testing.TB, web *fakeweb.Web, environ map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, env{
		In:     strings.NewReader(""),
		Out:    &out,
		Err:    &errb,
		Getenv: func(k string) string { return environ[k] },
		Now:    time.Now,
		Hook: func(o *checker.Options) {
			o.DialContext = web.DialContext
			o.TLSConfig = web.TLSConfig()
			o.AllowPrivate = true
		},
	})
	return code, out.String(), errb.String()
}

func TestFitsBucket(t *testing.T) {
	at := func(offsets ...time.Duration) []time.Time {
		base := time.Unix(0, 0)
		out := make([]time.Time, len(offsets))
		for i, d := range offsets {
			out[i] = base.Add(d)
		}
		return out
	}
	ms := time.Millisecond
	tests := []struct {
		name  string
		times []time.Time
		want  bool
	}{
		{"a burst, then one per turn", at(0, 0, 500*ms, 1000*ms, 1500*ms), true},
		{"a turn early by a connection setup", at(0, 0, 480*ms, 980*ms), true},
		{"three at once", at(0, 0, 10*ms), false},
		{"a burst after stale turns", at(0, 0, 1000*ms, 1000*ms, 1000*ms, 1000*ms), false},
		{"twice the rate", at(0, 0, 250*ms, 500*ms, 750*ms, 1000*ms, 1250*ms), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, got := fitsBucket(tt.times, 2, 2); got != tt.want {
				t.Errorf("fitsBucket(%v, 2, 2) = %v, want %v", tt.times, got, tt.want)
			}
		})
	}
}
