package arxiv

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWithdrawalHint(t *testing.T) {
	tests := []struct {
		comment          string
		stated, mentions bool
	}{
		{"15 pages, 5 figures", false, false},
		{"", false, false},
		{"This paper has been withdrawn by the author due to a crucial error in Lemma 3", true, true},
		{"This submission has been withdrawn by arXiv administrators", true, true},
		{"Withdrawn: the results are superseded by arXiv:2402.00001", true, true},
		{"withdrawn due to an error in the data", true, true},
		{"The paper is withdrawn", true, true},
		{"see the withdrawal notice in v3", false, true},
		{"12 pages; discusses the withdrawal of liquidity providers", false, true},
		{"authors withdraw the claim of Section 4", false, true},
		{"withdrawing", false, true},
		{"Withdrawals in Markets", false, true},
		{"notwithdrawn", false, false},
		// The paper itself, as arXiv withdrawal comments put it.
		{"This paper has been withdrawn by the authors.", true, true},
		{"This article has been withdrawn by the authors due to an error in Theorem 2", true, true},
		{"This manuscript has been withdrawn from arXiv", true, true},
		{"Paper withdrawn by the authors", true, true},
		{"Withdrawn.", true, true},
		{"withdrawn", true, true},
		{"[Withdrawn] see arXiv:2402.00001", true, true},
		{"v3: withdrawn by the author", true, true},
		{"Withdrawn at the request of the authors", true, true},
		{"23 pages. This submission has been withdrawn because of a flaw in the main proof", true, true},
		{"The authors have withdrawn this paper due to a flaw in the experiments", true, true},
		{"We withdraw this paper; a corrected version will follow", true, true},
		{"The present paper is hereby withdrawn", true, true},
		{"This version is withdrawn", true, true},
		// Part of the paper: unclear, so OAI-PMH decides.
		{"Section 5 withdrawn due to an error", false, true},
		{"Lemma 3 of v1 was withdrawn", false, true},
		{"Theorem 4 has been withdrawn; the rest of the paper stands", false, true},
		{"Section 5: withdrawn due to an error", false, true},
		{"The claim in Section 4 is withdrawn", false, true},
		{"Withdrawn Section 3 because of an error in Lemma 2", false, true},
		{"The proof in this paper was withdrawn and replaced", false, true},
		{"Part of this paper has been withdrawn", false, true},
		{"This paper has been partially withdrawn", false, true},
		{"This paper has been withdrawn in part: Section 6 is wrong", false, true},
		{"We withdraw this paper's main theorem", false, true},
		{"We withdraw Section 4 because of an error", false, true},
		{"The previous version has been withdrawn", false, true},
		{"v2 corrects an error; Corollary 2 of v1 is withdrawn", false, true},
		// Not a withdrawal from arXiv, or not of this paper.
		{"This paper has been withdrawn from ICML 2024", false, true},
		{"Accepted at NeurIPS 2023; withdrawn from ICLR", false, true},
		{"Supersedes arXiv:2301.00001, which has been withdrawn", false, true},
		{"This paper has not been withdrawn", false, true},
		{"Replaces a withdrawn paper", false, true},
		{"This paper has been retracted", false, true},
	}
	for _, tt := range tests {
		stated, mentions := withdrawalHint(tt.comment)
		if stated != tt.stated || mentions != tt.mentions {
			t.Errorf("withdrawalHint(%q) = %v, %v; want %v, %v", tt.comment, stated, mentions, tt.stated, tt.mentions)
		}
	}
}

func TestParseArxivRaw(t *testing.T) {
	tests := []struct {
		file      string
		versions  int
		withdrawn bool
		errCode   string
		wantErr   bool
	}{
		{file: "oai_withdrawn.xml", versions: 3, withdrawn: true},
		{file: "oai_not_withdrawn.xml", versions: 2},
		{file: "oai_nosuch.xml", errCode: "idDoesNotExist"},
		{file: "current_batch.xml", wantErr: true},
		{file: "throttled.html", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			versions, oaiErr, err := parseArxivRaw(body)
			if (err != nil) != tt.wantErr {
				t.Fatalf("parseArxivRaw(%s) error = %v, want error: %v", tt.file, err, tt.wantErr)
			}
			if len(versions) != tt.versions {
				t.Errorf("parseArxivRaw(%s) = %d versions, want %d", tt.file, len(versions), tt.versions)
			}
			if got := oaiErr != nil && oaiErr.Code == tt.errCode; tt.errCode != "" && !got {
				t.Errorf("parseArxivRaw(%s) OAI error = %+v, want code %s", tt.file, oaiErr, tt.errCode)
			}
			if len(versions) > 0 {
				if got := versions[len(versions)-1].withdrawn(); got != tt.withdrawn {
					t.Errorf("parseArxivRaw(%s): last version withdrawn = %v, want %v", tt.file, got, tt.withdrawn)
				}
			}
		})
	}
}

func TestRawVersionWithdrawn(t *testing.T) {
	tests := []struct {
		v    rawVersion
		want bool
	}{
		{rawVersion{Size: "0kb", SourceType: "D"}, true},
		{rawVersion{Size: " 0KB ", SourceType: ""}, true},
		{rawVersion{Size: "1kb", SourceType: "I"}, true},
		{rawVersion{Size: "812kb", SourceType: "D"}, false},
		{rawVersion{Size: "10kb", SourceType: "AD"}, false},
		{rawVersion{}, false},
	}
	for _, tt := range tests {
		if got := tt.v.withdrawn(); got != tt.want {
			t.Errorf("%+v.withdrawn() = %v, want %v", tt.v, got, tt.want)
		}
	}
}

func FuzzParseArxivRaw(f *testing.F) {
	for _, name := range []string{"oai_withdrawn.xml", "oai_not_withdrawn.xml", "oai_nosuch.xml"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		versions, oaiErr, err := parseArxivRaw(body)
		if err != nil && (versions != nil || oaiErr != nil) {
			t.Errorf("parseArxivRaw returned results with error %v", err)
		}
	})
}
