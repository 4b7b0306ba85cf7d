package arxiv

import (
	"cmp"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/status"
)

// want is the expected verdict of one paper; empty fields are not checked.
type want struct {
	status   status.Status
	message  string // substring
	version  int
	current  string
	attempts int
	// similarity is checked when non-zero; use -1 for an expected 0.
	similarity float64
}

const (
	attention   = "Attention Is All You Need"
	reflexionV1 = "Reflexion: an autonomous agent with dynamic memory and self-reflection"
	gpt3        = "Language Models are Few-Shot Learners"
	cot         = "Chain of Thought Prompting Elicits Reasoning in Large Language Models"
	sleeper     = "Sleeper Agents: Training Deceptive LLMs that Persist Through Safety Training"
	currentIDs  = "1706.03762,2303.11366,quant-ph/0201082,2201.11903,2005.14165"
)

// verifyCase is one Verify run against the fake API.
type verifyCase struct {
	name     string
	papers   []Paper
	script   map[string][]reply
	cfg      Config
	want     map[string]want
	requests int
}

// runVerifyCases runs each case on a fresh fake and checks every verdict
// it names and the number of requests made.
func runVerifyCases(t *testing.T, tests []verifyCase) {
	t.Helper()
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
				if w.similarity != 0 && v.Similarity != max(w.similarity, 0) {
					t.Errorf("%s: similarity = %v, want %v", id, v.Similarity, max(w.similarity, 0))
				}
				if w.attempts != 0 && v.Attempts != w.attempts {
					t.Errorf("%s: attempts = %d, want %d", id, v.Attempts, w.attempts)
				}
			}
			if n := len(f.requests()); n != tt.requests {
				t.Errorf("requests = %d, want %d", n, tt.requests)
			}
			// Re-asks, retries and history look-ups keep the pace too.
			f.checkPolite(t, cmp.Or(tt.cfg.UserAgent, DefaultUserAgent))
		})
	}
}

// TestVerifyProtocol covers how the client talks to arXiv: both feed
// formats, missing IDs, error feeds, retries and refusals.
func TestVerifyProtocol(t *testing.T) {
	runVerifyCases(t, []verifyCase{
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
			name:   "a lone re-ask arXiv never answers is Error, never Broken",
			papers: []Paper{{ID: "1706.03762", Title: attention}, {ID: "2401.99999", Title: "No Such Paper"}},
			script: map[string][]reply{
				"1706.03762,2401.99999": {{file: "current_batch.xml"}},
				"2401.99999":            {{code: 503}, {code: 503}, {code: 503}, {code: 503}},
			},
			want: map[string]want{
				"1706.03762": {status: status.OK, attempts: 1},
				"2401.99999": {status: status.Error, message: "arXiv API unavailable: HTTP 503 (after 4 attempts)", attempts: 5},
			},
			requests: 5,
		},
		{
			name:     "a dropped connection is retried",
			papers:   []Paper{{ID: "1706.03762", Title: attention}},
			script:   map[string][]reply{"1706.03762": {{hangup: true}, {file: "current_batch.xml"}}},
			want:     map[string]want{"1706.03762": {status: status.OK, version: 7, attempts: 2}},
			requests: 2,
		},
		{
			name:     "connections dropped until retries run out is Error",
			papers:   []Paper{{ID: "1706.03762", Title: attention}},
			script:   map[string][]reply{"1706.03762": {{hangup: true}, {hangup: true}, {hangup: true}, {hangup: true}}},
			want:     map[string]want{"1706.03762": {status: status.Error, message: "arXiv API unavailable: ", attempts: 4}},
			requests: 4,
		},
		{
			name:     "an empty body is retried",
			papers:   []Paper{{ID: "1706.03762", Title: attention}},
			script:   map[string][]reply{"1706.03762": {{body: ""}, {file: "current_batch.xml"}}},
			want:     map[string]want{"1706.03762": {status: status.OK, attempts: 2}},
			requests: 2,
		},
		{
			name:     "a 400 error feed is not retried",
			papers:   []Paper{{ID: "2005.14165", Title: gpt3}},
			script:   map[string][]reply{"2005.14165": {{code: 400, file: "error_badid.xml"}, {file: "current_batch.xml"}}},
			want:     map[string]want{"2005.14165": {status: status.Error, message: "incorrect id format for 2005.14165", attempts: 1}},
			requests: 1,
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
			want:     map[string]want{"1706.03762": {status: status.Error, message: "HTTP 500 (after 1 attempt)", attempts: 1}},
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
			name:     "an invalid ID is never sent",
			papers:   []Paper{{ID: "abc", Title: "Nothing"}},
			want:     map[string]want{"abc": {status: status.Error, message: "not sent to arXiv"}},
			requests: 0,
		},
	})
}

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestVerifyCanonicalIDs: IDs are sent as arXiv indexes them (no prefix,
// no subject class, no version), since the API silently matches nothing
// for any other spelling; each verdict still goes to the paper as given.
func TestVerifyCanonicalIDs(t *testing.T) {
	f := newFakeArxiv(t)
	f.papers["1706.03762"] = []string{attention, attention}
	f.papers["2005.14165"] = []string{gpt3, gpt3, gpt3, gpt3}
	f.papers["math/0309136"] = []string{"Knots"}
	f.papers["hep-th/9901001"] = []string{"Strings"}
	papers := []Paper{
		{ID: "arXiv:1706.03762", Title: attention},
		{ID: "2005.14165V2", Title: gpt3},
		{ID: "math.GT/0309136", Title: "Knots"},
		{ID: "https://arxiv.org/abs/hep-th/9901001v1", Title: "Strings"},
	}
	got := verifyAll(t, f.client(t, Config{}), papers)
	wantStatus := map[string]status.Status{
		"arXiv:1706.03762":                       status.OK,
		"2005.14165V2":                           status.Updated,
		"math.GT/0309136":                        status.OK,
		"https://arxiv.org/abs/hep-th/9901001v1": status.OK,
	}
	for id, w := range wantStatus {
		if v := got[id]; v.Status != w {
			t.Errorf("%s: status = %v (%s), want %v", id, v.Status, v.Message, w)
		}
	}
	reqs := f.requests()
	if len(reqs) != 1 {
		t.Fatalf("requests = %d, want 1", len(reqs))
	}
	const want = "1706.03762,2005.14165,math/0309136,hep-th/9901001"
	if got := reqs[0].query.Get("id_list"); got != want {
		t.Errorf("id_list = %q, want %q", got, want)
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
