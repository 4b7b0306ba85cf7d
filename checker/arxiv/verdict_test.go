package arxiv

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/status"
)

// TestVerifyVerdicts covers what the client concludes from arXiv's
// answers: retitles, wrong IDs, versions, withdrawals, missing titles.
func TestVerifyVerdicts(t *testing.T) {
	if !strings.Contains(readTestdata(t, "reflexion_history.xml"), "<title>"+reflexionV1+"</title>") {
		t.Fatal("reflexion_history.xml no longer holds the v1 title the cases below rewrite")
	}
	runVerifyCases(t, []verifyCase{
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
				"2303.11366":       {status: status.Retitled, message: `retitled since v1: arXiv's title is now “Reflexion: Language Agents with Verbal Reinforcement Learning”`, version: 4, attempts: 2, similarity: 2.0 / 15},
				"quant-ph/0201082": {status: status.OK, version: 1, current: "Quantum Computation with Linear Optics"},
				"2201.11903":       {status: status.OK, version: 6, current: "Chain-of-Thought Prompting Elicits Reasoning in Large Language Models"},
				"2005.14165":       {status: status.OK, version: 4},
			},
			requests: 2,
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
				"2401.11111": {status: status.Broken, message: "withdrawn, judging by arXiv's comment (a heuristic): “This paper has been withdrawn by the author due to a crucial error in Lemma 3”", attempts: 1},
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
				"1706.03762": {status: status.Retitled, message: "(similarity 0.00): the ID probably points at another paper", current: attention, similarity: -1},
			},
			requests: 2, // the batch, then v1…v6 in one request
		},
		{
			name:   "a reworded title that no older version had",
			papers: []Paper{{ID: "2005.14165", Version: 2, Title: "Language Models are Few-Shot Learners (GPT-3)"}},
			script: map[string][]reply{"2005.14165": {{file: "current_batch.xml"}}},
			want: map[string]want{
				"2005.14165": {status: status.Retitled, message: `arXiv's title is now “Language Models are Few-Shot Learners” (similarity 0.75); a newer version exists: v4 (2020-07-22); the catalog pins v2`, current: gpt3, similarity: 0.75},
			},
			requests: 2,
		},
		{
			// Lists call papers by a name: no version had it, so nothing
			// was retitled; a pinned older version is still Updated.
			name: "a short name the paper never had as its title",
			papers: []Paper{
				{ID: "2303.11366", Title: "Reflexion"},
				{ID: "1706.03762", Version: 5, Title: "Attention"},
			},
			script: map[string][]reply{
				"2303.11366,1706.03762": {{file: "current_batch.xml"}},
				"2303.11366v1,2303.11366v2,2303.11366v3,1706.03762v1,1706.03762v2,1706.03762v3,1706.03762v4,1706.03762v5,1706.03762v6": {{file: "reflexion_history.xml"}},
			},
			want: map[string]want{
				"2303.11366": {status: status.OK, message: "the catalog's title is a short name of arXiv's “Reflexion: Language Agents with Verbal Reinforcement Learning”", version: 4, attempts: 2, similarity: 1.0 / 7},
				"1706.03762": {status: status.Updated, message: "the catalog's title is a short name of arXiv's “Attention Is All You Need”; a newer version exists: v7", version: 7},
			},
			requests: 2,
		},
		{
			// A paper first titled by its name and later given a longer
			// title was retitled: its history says so.
			name:   "a short name that an older version had as its title",
			papers: []Paper{{ID: "2303.11366", Title: "Reflexion"}},
			script: map[string][]reply{
				"2303.11366": {{file: "current_batch.xml"}},
				"2303.11366v1,2303.11366v2,2303.11366v3": {{body: strings.Replace(readTestdata(t, "reflexion_history.xml"),
					"<title>"+reflexionV1+"</title>", "<title>Reflexion</title>", 1)}},
			},
			want: map[string]want{
				"2303.11366": {status: status.Retitled, message: "retitled since v1: arXiv's title is now “Reflexion: Language Agents with Verbal Reinforcement Learning”"},
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
			name:   "a partial withdrawal is asked of OAI-PMH, which finds the paper live",
			papers: []Paper{{ID: "2403.33333", Title: "Agents That Recover"}},
			script: map[string][]reply{
				"2403.33333":               {{body: partialWithdrawalFeed}},
				"oai:arXiv.org:2403.33333": {{file: "oai_not_withdrawn.xml"}},
			},
			want: map[string]want{
				"2403.33333": {status: status.OK, version: 2, attempts: 2},
			},
			requests: 2,
		},
		{
			name:   "a TeX title is the catalog's Unicode title",
			papers: []Paper{{ID: "2104.22222", Title: "Schrödinger Bridges for α-Divergences, á la Carte"}},
			script: map[string][]reply{"2104.22222": {{body: texFeed}}},
			want: map[string]want{
				"2104.22222": {status: status.OK, version: 1, similarity: 1},
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
	})
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

const texFeed = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry>
    <id>http://arxiv.org/abs/2104.22222v1</id>
    <title>{\em Schr\"{o}dinger} Bridges for $\alpha$-Divergences, \'a la
  Carte</title>
    <updated>2021-04-25T20:00:00Z</updated>
    <published>2021-04-25T20:00:00Z</published>
  </entry>
</feed>
`

const partialWithdrawalFeed = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <entry>
    <id>http://arxiv.org/abs/2403.33333v2</id>
    <title>Agents That Recover</title>
    <updated>2024-04-05T10:00:00Z</updated>
    <published>2024-03-10T10:00:00Z</published>
    <arxiv:comment>v2: Section 5 withdrawn due to an error; Lemma 3 of v1 was withdrawn</arxiv:comment>
  </entry>
</feed>
`

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

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
