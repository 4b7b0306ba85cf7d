package arxiv

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestParseFeed(t *testing.T) {
	tests := []struct {
		file    string
		ids     []string // entry IDs with versions, in document order
		titles  []string // only checked when set
		total   int
		raw     int
		errText string
	}{
		{
			file:   "current_batch.xml",
			ids:    []string{"quant-ph/0201082v1", "2303.11366v4", "1706.03762v7", "2201.11903v6", "2005.14165v4"},
			titles: []string{"Quantum Computation with Linear Optics", "Reflexion: Language Agents with Verbal Reinforcement Learning", "Attention Is All You Need", "Chain-of-Thought Prompting Elicits Reasoning in Large Language Models", "Language Models are Few-Shot Learners"},
			total:  5, raw: 5,
		},
		{
			file:   "legacy_missing.xml",
			ids:    []string{"2201.13452v1", "2401.05566v3"},
			titles: []string{"Asymptotic Analysis for a Nonlinear Reaction-Diffusion System Modeling an Infectious Disease", "Sleeper Agents: Training Deceptive LLMs that Persist Through Safety Training"},
			total:  3, raw: 3,
		},
		{file: "legacy_empty_stub.xml", total: 1, raw: 1},
		{file: "empty.xml", total: 0, raw: 0},
		{file: "phantom.xml", total: 1, raw: 0},
		{file: "error_badid.xml", total: 1, raw: 1, errText: "incorrect id format for 2005.14165"},
		{file: "legacy_error.xml", total: 1, raw: 1, errText: "incorrect id format for 1234.12345"},
		{file: "reflexion_history.xml", ids: []string{"2303.11366v3", "2303.11366v1", "2303.11366v2"}, total: 3, raw: 3},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			f, err := parseFeed(body)
			if err != nil {
				t.Fatalf("parseFeed(%s) = %v", tt.file, err)
			}
			var ids, titles []string
			for _, e := range f.entries {
				ids = append(ids, e.id.String())
				titles = append(titles, e.title)
			}
			if !slices.Equal(ids, tt.ids) {
				t.Errorf("parseFeed(%s) IDs = %q, want %q", tt.file, ids, tt.ids)
			}
			if tt.titles != nil && !slices.Equal(titles, tt.titles) {
				t.Errorf("parseFeed(%s) titles = %q, want %q", tt.file, titles, tt.titles)
			}
			if f.totalResults != tt.total || f.rawEntries != tt.raw {
				t.Errorf("parseFeed(%s) totalResults, entries = %d, %d; want %d, %d", tt.file, f.totalResults, f.rawEntries, tt.total, tt.raw)
			}
			if f.errorMessage != tt.errText {
				t.Errorf("parseFeed(%s) error message = %q, want %q", tt.file, f.errorMessage, tt.errText)
			}
		})
	}
}

// TestParseFeedMetadata checks what an entry carries besides its ID and
// title, in both formats: the version is the <id>'s vN and the date is
// <updated>, whatever <published> says.
func TestParseFeedMetadata(t *testing.T) {
	tests := []struct {
		file, id   string
		updated    time.Time
		journalRef string
		doi        string
		comment    string
	}{
		{"current_batch.xml", "2005.14165v4", time.Date(2020, 7, 22, 17, 42, 30, 0, time.UTC),
			"Advances in Neural Information Processing Systems 33 (2020)", "10.48550/arXiv.2005.14165", "40+32 pages"},
		{"current_batch.xml", "quant-ph/0201082v1", time.Date(2002, 1, 17, 14, 51, 3, 0, time.UTC), "", "", ""},
		{"legacy_missing.xml", "2201.13452v1", time.Date(2022, 1, 31, 18, 59, 34, 0, time.UTC),
			"J. Math. Anal. Appl. 512 (2022) 126155", "10.1000/example.2022.1", "34 pages"},
		{"legacy_missing.xml", "2401.05566v3", time.Date(2024, 1, 17, 22, 34, 25, 0, time.UTC), "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file+" "+tt.id, func(t *testing.T) {
			f, err := parseFeed([]byte(readFixture(t, tt.file)))
			if err != nil {
				t.Fatalf("parseFeed(%s) = %v", tt.file, err)
			}
			i := slices.IndexFunc(f.entries, func(e entry) bool { return e.id.String() == tt.id })
			if i < 0 {
				t.Fatalf("parseFeed(%s) has no entry %s", tt.file, tt.id)
			}
			e := f.entries[i]
			if !e.updated.Equal(tt.updated) || e.journalRef != tt.journalRef || e.doi != tt.doi || e.comment != tt.comment {
				t.Errorf("entry %s = updated %v, journal_ref %q, doi %q, comment %q; want %v, %q, %q, %q",
					tt.id, e.updated, e.journalRef, e.doi, e.comment, tt.updated, tt.journalRef, tt.doi, tt.comment)
			}
		})
	}
}

func TestParseFeedRejectsNonAtom(t *testing.T) {
	for _, body := range []string{"", "  \n", "<html><body>Rate exceeded</body></html>", "<feed>no namespace</feed>", "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><entry>"} {
		if _, err := parseFeed([]byte(body)); !errors.Is(err, errNotAtom) {
			t.Errorf("parseFeed(%q) = %v, want errNotAtom", body, err)
		}
	}
}

func FuzzParseFeed(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.xml"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(untitledFeed))
	f.Fuzz(func(t *testing.T, body []byte) {
		fd, err := parseFeed(body)
		if err != nil {
			return
		}
		if len(fd.entries) > fd.rawEntries {
			t.Errorf("parseFeed kept %d papers from %d entries", len(fd.entries), fd.rawEntries)
		}
		for _, e := range fd.entries {
			if e.id.IsZero() {
				t.Errorf("parseFeed kept an entry without an ID")
			}
			if e.hasTitle != (e.title != "") {
				t.Errorf("parseFeed: hasTitle = %v for title %q", e.hasTitle, e.title)
			}
		}
	})
}
