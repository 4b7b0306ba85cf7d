package arxiv

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/status"
)

// want is the expected verdict of one paper; empty fields are not checked.
type want struct {
	status   status.Status
	message  string // substring
	version  int
	current  string
	attempts int
}

const (
	attention   = "Attention Is All You Need"
	reflexionV1 = "Reflexion: an autonomous agent with dynamic memory and self-reflection"
	gpt3        = "Language Models are Few-Shot Learners"
	cot         = "Chain of Thought Prompting Elicits Reasoning in Large Language Models"
	sleeper     = "Sleeper Agents: Training Deceptive LLMs that Persist Through Safety Training"
	currentIDs  = "1706.03762,2303.11366,quant-ph/0201082,2201.11903,2005.14165"
)

func TestVerify(t *testing.T) {
	tests := []struct {
		name     string
		papers   []Paper
		script   map[string][]reply
		cfg      Config
		want     map[string]want
		requests int
	}{
		{
			name: "current format, entries out of order, retitled since v1, pinned version",
			papers: []Paper{
				{ID: "1706.03762", Version: 5, Title: attention},
				{ID: "2303.11366", Title: reflexionV1},
				{ID: "quant-ph/0201082", Title: "Quantum computation with linear optics"},
				{ID: "2201.11903", Title: cot},
				{ID: "2005.14165", Title: gpt3},
			},
			script: map[string][]reply{
				currentIDs:                               {{file: "current_batch.xml"}},
				"2303.11366v1,2303.11366v2,2303.11366v3": {{file: "reflexion_history.xml"}},
			},
			want: map[string]want{
				"1706.03762":       {status: status.Updated, message: "a newer version exists: v7 (2023-08-02); the catalog pins v5", version: 7, attempts: 1},
				"2303.11366":       {status: status.Retitled, message: `retitled since v1: arXiv's title is now "Reflexion: Language Agents with Verbal Reinforcement Learning"`, version: 4, attempts: 2},
				"quant-ph/0201082": {status: status.OK, version: 1, current: "Quantum Computation with Linear Optics"},
				"2201.11903":       {status: status.OK, version: 6, current: "Chain-of-Thought Prompting Elicits Reasoning in Large Language Models"},
				"2005.14165":       {status: status.OK, version: 4},
			},
			requests: 2,
		},
		{
			name:   "legacy format: wrapped titles, stub entry for a missing ID, re-asked alone",
			papers: []Paper{{ID: "2201.13452", Title: "Asymptotic Analysis for a Nonlinear Reaction-Diffusion System Modeling an Infectious Disease"}, {ID: "2401.99999", Title: "No Such Paper"}, {ID: "2401.05566", Title: sleeper}},
			script: map[string][]reply{
				"2201.13452,2401.99999,2401.05566": {{file: "legacy_missing.xml"}},
				"2401.99999":                       {{file: "legacy_empty_stub.xml"}},
			},
			want: map[string]want{
				"2201.13452": {status: status.OK, version: 1},
				"2401.99999": {status: status.Broken, message: "arXiv has no paper 2401.99999", attempts: 2},
				"2401.05566": {status: status.OK, version: 3, current: sleeper},
			},
			requests: 2,
		},
		{
			name:   "current format omits a missing ID, re-asked alone",
			papers: []Paper{{ID: "1706.03762", Title: attention}, {ID: "2401.99999", Title: "No Such Paper"}},
			script: map[string][]reply{
				"1706.03762,2401.99999": {{file: "current_batch.xml"}},
				"2401.99999":            {{file: "empty.xml"}},
			},
			want: map[string]want{
				"1706.03762": {status: status.OK, attempts: 1},
				"2401.99999": {status: status.Broken, message: "arXiv has no paper 2401.99999", attempts: 2},
			},
			requests: 2,
		},
		{
			name:   "an ID left out of a batch answer is found when re-asked alone",
			papers: []Paper{{ID: "1706.03762", Title: attention}, {ID: "2005.14165", Title: gpt3}},
			script: map[string][]reply{
				"1706.03762,2005.14165": {{body: strings.Replace(readFixture(t, "current_batch.xml"), "2005.14165v4", "2005.99999v4", 1)}},
				"2005.14165":            {{file: "current_batch.xml"}},
			},
			want: map[string]want{
				"2005.14165": {status: status.OK, version: 4, attempts: 2},
			},
			requests: 2,
		},
		{
			name:   "empty feed for a lone ID",
			papers: []Paper{{ID: "2401.99999", Title: "No Such Paper"}},
			script: map[string][]reply{"2401.99999": {{file: "empty.xml"}}},
			want: map[string]want{
				"2401.99999": {status: status.Broken, message: "arXiv has no paper 2401.99999", attempts: 1},
			},
			requests: 1,
		},
		{
			name:   "malformed-ID error feed: only that paper fails, the rest is re-sent",
			papers: []Paper{{ID: "1706.03762", Title: attention}, {ID: "2005.14165", Title: gpt3}, {ID: "2201.11903", Title: cot}},
			script: map[string][]reply{
				"1706.03762,2005.14165,2201.11903": {{code: 400, file: "error_badid.xml"}},
				"1706.03762,2201.11903":            {{file: "current_batch.xml"}},
			},
			want: map[string]want{
				"1706.03762": {status: status.OK, attempts: 2},
				"2005.14165": {status: status.Error, message: "incorrect id format for 2005.14165", attempts: 1},
				"2201.11903": {status: status.OK, attempts: 2},
			},
			requests: 2,
		},
		{
			name:     "totalResults > 0 without entries is retried",
			papers:   []Paper{{ID: "1706.03762", Title: attention}},
			script:   map[string][]reply{"1706.03762": {{file: "phantom.xml"}, {file: "current_batch.xml"}}},
			want:     map[string]want{"1706.03762": {status: status.OK, version: 7, attempts: 2}},
			requests: 2,
		},
		{
			name:     "non-XML body is retried",
			papers:   []Paper{{ID: "1706.03762", Title: attention}},
			script:   map[string][]reply{"1706.03762": {{file: "throttled.html"}, {code: 406}, {file: "current_batch.xml"}}},
			want:     map[string]want{"1706.03762": {status: status.OK, attempts: 3}},
			requests: 3,
		},
		{
			name:   "503 until retries run out is Error, never Broken",
			papers: []Paper{{ID: "1706.03762", Title: attention}, {ID: "2005.14165", Title: gpt3}},
			script: map[string][]reply{"1706.03762,2005.14165": {{code: 503}, {code: 503}, {code: 503}, {code: 503}}},
			want: map[string]want{
				"1706.03762": {status: status.Error, message: "arXiv API unavailable: HTTP 503 (after 4 attempts)", attempts: 4},
				"2005.14165": {status: status.Error, message: "arXiv API unavailable: HTTP 503", attempts: 4},
			},
			requests: 4,
		},
		{
			name:     "Retries below zero means one attempt",
			papers:   []Paper{{ID: "1706.03762", Title: attention}},
			cfg:      Config{Retries: -1},
			script:   map[string][]reply{"1706.03762": {{code: 500}, {file: "current_batch.xml"}}},
			want:     map[string]want{"1706.03762": {status: status.Error, message: "HTTP 500 (after 1 attempts)", attempts: 1}},
			requests: 1,
		},
		{
			name:     "a refusal other than a bad ID fails the batch without retries",
			papers:   []Paper{{ID: "1706.03762", Title: attention}},
			script:   map[string][]reply{"1706.03762": {{code: 403, body: "forbidden"}}},
			want:     map[string]want{"1706.03762": {status: status.Error, message: "arXiv API refused the request: HTTP 403", attempts: 1}},
			requests: 1,
		},
		{
			name: "withdrawn: stated in the comment, confirmed over OAI-PMH, or not",
			papers: []Paper{
				{ID: "2401.11111", Title: "A Proof of Everything"},
				{ID: "2402.22222", Title: "Agents That Reconsider"},
				{ID: "2403.33333", Title: "Withdrawal Dynamics in Multi-Agent Markets"},
			},
			script: map[string][]reply{
				"2401.11111,2402.22222,2403.33333": {{file: "withdrawn_batch.xml"}},
				"oai:arXiv.org:2402.22222":         {{file: "oai_withdrawn.xml"}},
				"oai:arXiv.org:2403.33333":         {{code: 503}, {file: "oai_not_withdrawn.xml"}},
			},
			want: map[string]want{
				"2401.11111": {status: status.Broken, message: "withdrawn (heuristic: arXiv comment says: This paper has been withdrawn by the author due to a crucial error in Lemma 3)", attempts: 1},
				"2402.22222": {status: status.Broken, message: "withdrawn", version: 3, attempts: 2},
				"2403.33333": {status: status.OK, attempts: 3},
			},
			requests: 4,
		},
		{
			name:   "a withdrawal hint OAI-PMH cannot settle is Error",
			papers: []Paper{{ID: "2402.22222", Title: "Agents That Reconsider"}},
			script: map[string][]reply{
				"2402.22222":               {{file: "withdrawn_batch.xml"}},
				"oai:arXiv.org:2402.22222": {{file: "oai_nosuch.xml"}},
			},
			want: map[string]want{
				"2402.22222": {status: status.Error, message: "could not be confirmed: arXiv OAI-PMH: idDoesNotExist"},
			},
			requests: 2,
		},
		{
			name:   "wrong ID: titles share nothing",
			papers: []Paper{{ID: "1706.03762", Title: "Toolformer: Language Models Can Teach Themselves to Use Tools"}},
			script: map[string][]reply{"1706.03762": {{file: "current_batch.xml"}}},
			want: map[string]want{
				"1706.03762": {status: status.Retitled, message: "(similarity 0.00): the ID probably points at another paper", current: attention},
			},
			requests: 2, // the batch, then v1…v6 in one request
		},
		{
			name:   "a reworded title that no older version had",
			papers: []Paper{{ID: "2005.14165", Version: 2, Title: "Language Models are Few-Shot Learners (GPT-3)"}},
			script: map[string][]reply{"2005.14165": {{file: "current_batch.xml"}}},
			want: map[string]want{
				"2005.14165": {status: status.Retitled, message: `retitled: arXiv's title is now "Language Models are Few-Shot Learners" (similarity 0.75); a newer version exists: v4 (2020-07-22); the catalog pins v2`},
			},
			requests: 2,
		},
		{
			name:   "a pinned version arXiv does not have",
			papers: []Paper{{ID: "1706.03762", Version: 9, Title: attention}},
			script: map[string][]reply{"1706.03762": {{file: "current_batch.xml"}}},
			want: map[string]want{
				"1706.03762": {status: status.Broken, message: "the catalog pins v9, but arXiv's latest version of 1706.03762 is v7"},
			},
			requests: 1,
		},
		{
			name:   "a missing title is unknown, not a retitle",
			papers: []Paper{{ID: "2104.12255", Title: "0"}},
			script: map[string][]reply{"2104.12255": {{body: untitledFeed}}},
			want: map[string]want{
				"2104.12255": {status: status.OK, message: "arXiv gave no title, so the title was not checked", version: 1},
			},
			requests: 1,
		},
		{
			name:     "an invalid ID is never sent",
			papers:   []Paper{{ID: "abc", Title: "Nothing"}},
			want:     map[string]want{"abc": {status: status.Error, message: "not sent to arXiv"}},
			requests: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeArxiv(t)
			f.script = tt.script
			c := f.client(t, tt.cfg)
			got := verifyAll(t, c, tt.papers)
			for id, w := range tt.want {
				v, ok := got[id]
				if !ok {
					t.Errorf("no verdict for %s", id)
					continue
				}
				if v.Status != w.status {
					t.Errorf("%s: status = %v (%s), want %v", id, v.Status, v.Message, w.status)
				}
				if !strings.Contains(v.Message, w.message) {
					t.Errorf("%s: message = %q, want it to contain %q", id, v.Message, w.message)
				}
				if w.version != 0 && v.LatestVersion != w.version {
					t.Errorf("%s: latest version = %d, want %d", id, v.LatestVersion, w.version)
				}
				if w.current != "" && v.CurrentTitle != w.current {
					t.Errorf("%s: current title = %q, want %q", id, v.CurrentTitle, w.current)
				}
				if w.attempts != 0 && v.Attempts != w.attempts {
					t.Errorf("%s: attempts = %d, want %d", id, v.Attempts, w.attempts)
				}
			}
			if n := len(f.requests()); n != tt.requests {
				t.Errorf("requests = %d, want %d", n, tt.requests)
			}
		})
	}
}

const untitledFeed = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
  <entry>
    <id>http://arxiv.org/abs/2104.12255v1</id>
    <updated>2021-04-25T20:00:00Z</updated>
    <published>2021-04-25T20:00:00Z</published>
    <summary>A paper whose title is the digit zero.</summary>
  </entry>
</feed>
`

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestVerifyMetadata checks the fields a verdict copies from the feed.
func TestVerifyMetadata(t *testing.T) {
	f := newFakeArxiv(t)
	f.script = map[string][]reply{"2005.14165": {{file: "current_batch.xml"}}}
	got := verifyAll(t, f.client(t, Config{}), []Paper{{ID: "2005.14165", Title: gpt3}})["2005.14165"]
	wantDate := time.Date(2020, 7, 22, 17, 42, 30, 0, time.UTC)
	if !got.VersionDate.Equal(wantDate) {
		t.Errorf("VersionDate = %v, want %v", got.VersionDate, wantDate)
	}
	if want := "Advances in Neural Information Processing Systems 33 (2020)"; got.JournalRef != want {
		t.Errorf("JournalRef = %q, want %q", got.JournalRef, want)
	}
	if want := "10.48550/arXiv.2005.14165"; got.DOI != want {
		t.Errorf("DOI = %q, want %q", got.DOI, want)
	}
	if got.Similarity != 1 {
		t.Errorf("Similarity = %v, want 1", got.Similarity)
	}
}

// TestVerifyDuplicates: papers citing one ID share one request and each
// get a verdict of their own.
func TestVerifyDuplicates(t *testing.T) {
	f := newFakeArxiv(t)
	f.papers["1706.03762"] = []string{attention, attention}
	c := f.client(t, Config{})
	var got []Verdict
	err := c.Verify(context.Background(), []Paper{{ID: "1706.03762", Title: attention}, {ID: "1706.03762", Version: 1, Title: attention}}, func(_ Paper, v Verdict) {
		got = append(got, v)
	})
	if err != nil {
		t.Fatalf("Verify() = %v", err)
	}
	if len(got) != 2 || got[0].Status != status.OK || got[1].Status != status.Updated {
		t.Errorf("verdicts = %+v, want OK then Updated", got)
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("requests = %d, want 1", n)
	}
}

func TestVerifyRetryAfter(t *testing.T) {
	f := newFakeArxiv(t)
	f.script = map[string][]reply{"1706.03762": {
		{code: 429, header: map[string]string{"Retry-After": "20"}, file: "throttled.html"},
		{file: "current_batch.xml"},
	}}
	got := verifyAll(t, f.client(t, Config{}), []Paper{{ID: "1706.03762", Title: attention}})
	if v := got["1706.03762"]; v.Status != status.OK || v.Attempts != 2 {
		t.Errorf("verdict = %v after %d attempts, want ok after 2", v.Status, v.Attempts)
	}
	reqs := f.requests()
	if len(reqs) != 2 {
		t.Fatalf("requests = %d, want 2", len(reqs))
	}
	if gap := reqs[1].at.Sub(reqs[0].at); gap < 20*time.Second {
		t.Errorf("retry came %v after the 429, want at least the 20s of Retry-After", gap)
	}
}

func TestVerifyCancelled(t *testing.T) {
	f := newFakeArxiv(t)
	c := f.client(t, Config{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	emitted := 0
	err := c.Verify(ctx, []Paper{{ID: "1706.03762", Title: attention}}, func(Paper, Verdict) { emitted++ })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Verify(cancelled) = %v, want context.Canceled", err)
	}
	if emitted != 0 {
		t.Errorf("Verify(cancelled) emitted %d verdicts, want 0", emitted)
	}
}

// TestVerifyReadingList runs the reading list's 24 papers as arXiv holds
// them today, Reflexion catalogued under its v1 title: one batch, then one
// request for Reflexion's older versions.
func TestVerifyReadingList(t *testing.T) {
	list := []struct {
		id       string
		versions int
		title    string
	}{
		{"1706.03762", 7, attention}, {"2005.14165", 4, gpt3},
		{"2203.02155", 1, "Training language models to follow instructions with human feedback"},
		{"2001.08361", 1, "Scaling Laws for Neural Language Models"},
		{"2203.15556", 1, "Training Compute-Optimal Large Language Models"},
		{"2201.11903", 6, "Chain-of-Thought Prompting Elicits Reasoning in Large Language Models"},
		{"2205.11916", 4, "Large Language Models are Zero-Shot Reasoners"},
		{"2305.10601", 2, "Tree of Thoughts: Deliberate Problem Solving with Large Language Models"},
		{"2210.03629", 3, "ReAct: Synergizing Reasoning and Acting in Language Models"},
		{"2303.11366", 4, "Reflexion: Language Agents with Verbal Reinforcement Learning"},
		{"2302.04761", 1, "Toolformer: Language Models Can Teach Themselves to Use Tools"},
		{"2308.03688", 3, "AgentBench: Evaluating LLMs as Agents"},
		{"2310.06770", 3, "SWE-bench: Can Language Models Resolve Real-World GitHub Issues?"},
		{"2005.11401", 4, "Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks"},
		{"2310.11511", 1, "Self-RAG: Learning to Retrieve, Generate, and Critique through Self-Reflection"},
		{"2403.04132", 1, "Chatbot Arena: An Open Platform for Evaluating LLMs by Human Preference"},
		{"2211.09110", 2, "Holistic Evaluation of Language Models"},
		{"2210.07316", 3, "MTEB: Massive Text Embedding Benchmark"},
		{"2305.01210", 3, "Is Your Code Generated by ChatGPT Really Correct? Rigorous Evaluation of Large Language Models for Code Generation"},
		{"2212.08073", 1, "Constitutional AI: Harmlessness from AI Feedback"},
		{"2401.05566", 3, sleeper},
		{"2412.16720", 1, "OpenAI o1 System Card"},
		{"2412.16339", 2, "Deliberative Alignment: Reasoning Enables Safer Language Models"},
		{"2309.06180", 1, "Efficient Memory Management for Large Language Model Serving with PagedAttention"},
	}
	f := newFakeArxiv(t)
	var papers []Paper
	for _, p := range list {
		titles := make([]string, p.versions)
		for i := range titles {
			titles[i] = p.title
		}
		f.papers[p.id] = titles
		catalogTitle := p.title
		if p.id == "2303.11366" {
			f.papers[p.id][0] = reflexionV1
			catalogTitle = reflexionV1
		}
		papers = append(papers, Paper{ID: p.id, Title: catalogTitle})
	}
	got := verifyAll(t, f.client(t, Config{}), papers)
	for _, p := range list {
		want := status.OK
		if p.id == "2303.11366" {
			want = status.Retitled
		}
		if v := got[p.id]; v.Status != want || v.LatestVersion != p.versions {
			t.Errorf("%s: %v v%d (%s), want %v v%d", p.id, v.Status, v.LatestVersion, v.Message, want, p.versions)
		}
	}
	if msg := got["2303.11366"].Message; !strings.HasPrefix(msg, "retitled since v1") {
		t.Errorf("2303.11366: message = %q, want it to start with %q", msg, "retitled since v1")
	}
	reqs := f.requests()
	if len(reqs) != 2 {
		t.Fatalf("requests = %d, want 2", len(reqs))
	}
	if got, want := reqs[1].query.Get("id_list"), "2303.11366v1,2303.11366v2,2303.11366v3"; got != want {
		t.Errorf("second request id_list = %q, want %q", got, want)
	}
}
