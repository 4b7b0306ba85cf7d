package arxiv

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/status"
)

// TestMissingAskedAgainTogether: IDs left out of several batches are asked
// again in one request, so that N papers cost ⌈N/100⌉ + 1 requests, and
// those still left out are broken.
func TestMissingAskedAgainTogether(t *testing.T) {
	f := newFakeArxiv(t)
	papers := f.addPapers(250)
	gone := []string{"2401.00010", "2401.00110", "2401.00120", "2401.00210", "2401.00240"}
	for _, id := range gone {
		delete(f.papers, id)
	}
	got := verifyAll(t, f.client(t, Config{}), papers)
	reqs := f.requests()
	if len(reqs) != 4 {
		t.Fatalf("requests = %d, want 4 (3 batches, then the missing IDs together)", len(reqs))
	}
	if last := reqs[3].query.Get("id_list"); last != strings.Join(gone, ",") {
		t.Errorf("last request asked for %q, want the missing IDs together: %q", last, strings.Join(gone, ","))
	}
	for _, p := range papers {
		v := got[p.ID]
		switch {
		case slices.Contains(gone, p.ID):
			if v.Status != status.Broken || v.Attempts != 2 {
				t.Errorf("%s: %v after %d requests (%s), want broken after 2", p.ID, v.Status, v.Attempts, v.Message)
			}
		case v.Status != status.OK:
			t.Errorf("%s: %v (%s), want ok", p.ID, v.Status, v.Message)
		}
	}
	f.checkPolite(t, DefaultUserAgent)
}

// TestMissingAskedAloneWhenTheReaskLooksCut: when the answer to the missing
// IDs asked together counts more results than it holds, a lone request is
// the only proof of absence left, so each ID still missing gets one.
func TestMissingAskedAloneWhenTheReaskLooksCut(t *testing.T) {
	f := newFakeArxiv(t)
	papers := f.addPapers(4)
	delete(f.papers, "2401.00002")
	delete(f.papers, "2401.00003")
	// An answer holding one entry where it counts three.
	cut := strings.Replace(f.generate([]string{"2401.00004"}), "<opensearch:totalResults>1<", "<opensearch:totalResults>3<", 1)
	f.script = map[string][]reply{
		// The batch drops 2401.00004 (a glitch) besides the two unknown IDs.
		"2401.00001,2401.00002,2401.00003,2401.00004": {{body: f.generate([]string{"2401.00001"})}},
		"2401.00002,2401.00003,2401.00004":            {{body: cut}},
	}
	got := verifyAll(t, f.client(t, Config{}), papers)
	var asked []string
	for _, r := range f.requests() {
		asked = append(asked, r.query.Get("id_list"))
	}
	want := []string{
		"2401.00001,2401.00002,2401.00003,2401.00004",
		"2401.00002,2401.00003,2401.00004",
		"2401.00002", "2401.00003",
	}
	if fmt.Sprint(asked) != fmt.Sprint(want) {
		t.Errorf("requests asked for\n%q\nwant\n%q", asked, want)
	}
	for id, st := range map[string]status.Status{"2401.00001": status.OK, "2401.00002": status.Broken, "2401.00003": status.Broken, "2401.00004": status.OK} {
		if got[id].Status != st {
			t.Errorf("%s: %v (%s), want %v", id, got[id].Status, got[id].Message, st)
		}
	}
}

// TestLinkPapers: a paper known only from an arxiv.org link has no title
// of its own to compare, so it is never retitled; its pin still counts.
func TestLinkPapers(t *testing.T) {
	f := newFakeArxiv(t)
	f.papers["2310.06770"] = []string{"SWE-bench: Can Language Models Resolve Real-World GitHub Issues?", "SWE-bench: Can Language Models Resolve Real-world GitHub Issues?"}
	f.papers["hep-th/9901001"] = []string{"An old paper"}
	papers := []Paper{
		{ID: "2310.06770", Link: true},
		{ID: "hep-th/9901001", Link: true},
		{ID: "2310.06770", Version: 1, Link: true},
	}
	var verdicts []Verdict
	c := f.client(t, Config{})
	if err := c.Verify(t.Context(), papers, func(_ Paper, v Verdict) { verdicts = append(verdicts, v) }); err != nil {
		t.Fatal(err)
	}
	if len(verdicts) != 3 {
		t.Fatalf("got %d verdicts, want 3", len(verdicts))
	}
	var got []string
	for _, v := range verdicts {
		got = append(got, fmt.Sprintf("%v v%d %q", v.Status, v.LatestVersion, v.Message))
	}
	slices.Sort(got)
	want := []string{
		`ok v1 ""`,
		`ok v2 ""`,
		`updated v2 "a newer version exists: v2 (2024-01-02); the catalog pins v1"`,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("verdicts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("requests = %d, want 1", n)
	}
}
