package catalog

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unsafe"

	"github.com/ai-reading-list/linkcheck/status"
)

func TestParseStructure(t *testing.T) {
	tests := []problemCase{
		{"empty file", "", []string{"c.yaml:1:1: catalog is empty"}},
		{"only comments", "# nothing yet\n\n", []string{"c.yaml:1:1: catalog is empty"}},
		{"a list", "- a\n- b\n", []string{"c.yaml:1:1: catalog must be a mapping with version and sections, not a list"}},
		{"a string", "hello\n", []string{"c.yaml:1:1: catalog must be a mapping with version and sections, not a string"}},
		// yaml itself names the line above the list holding the bad
		// indentation; more in TestSyntaxErrorLine.
		{"syntax error", "version: 1\nsections:\n  - id: a\n   title: x\n", []string{"c.yaml:4:4: invalid YAML: did not find expected '-' indicator"}},
		{"syntax error in flow", "version: 1\nsections: [a\nfoo: 1\n", []string{"c.yaml:2:1: invalid YAML: did not find expected ',' or ']'"}},
		{"tab indentation", "version: 1\nsections:\n\t- id: a\n", []string{"c.yaml:3:1: invalid YAML: found character that cannot start any token"}},
		{"second document", "version: 1\nsections: []\n---\nversion: 2\n", []string{"c.yaml:3:1: catalog must be a single YAML document: remove this second one"}},
		{"missing version", "sections: []\n", []string{`c.yaml:1:1: missing version: add "version: 1" at the top`}},
		{"missing sections", "version: 1\n", []string{"c.yaml:1:1: missing sections: list the resources under sections"}},
		{"misspelt version is one mistake", "verison: 1\nsections: []\n", []string{"c.yaml:1:1: unknown key \"verison\" in catalog: did you mean `version`?"}},
		{"version 2", "version: 2\nsections: []\n", []string{"c.yaml:1:10: unsupported version 2: this linkcheck reads version 1"}},
		{"version not a number", "version: one\nsections: []\n", []string{"c.yaml:1:10: version must be an integer"}},
		{"unknown top-level key", "version: 1\nsections: []\nowner: me\n", []string{`c.yaml:3:1: unknown key "owner" in catalog (valid keys: version, settings, sections)`}},
		{"duplicate key", "version: 1\nsections: []\nversion: 1\n", []string{`c.yaml:3:1: duplicate key "version" in catalog (first at line 1)`}},
		{"non-string key", "version: 1\nsections: []\n[a]: 1\n", []string{"c.yaml:3:1: keys in catalog must be strings"}},
		{"merge key", "version: 1\nsections: []\n<<: {a: 1}\n", []string{"c.yaml:3:1: merge keys (<<) are not supported in catalog: write the keys out"}},
		{"resource typo", head + entry("id: a", "titel: T", "kind: paper", "url: https://e.com/a"),
			[]string{"c.yaml:7:9: unknown key \"titel\" in resource: did you mean `title`?"}},
		{"resource key case", head + entry("id: a", "Title: T", "kind: paper", "url: https://e.com/a"),
			[]string{"c.yaml:7:9: unknown key \"Title\" in resource: did you mean `title`?"}},
		{"resource url typo", head + entry("id: a", "title: T", "kind: paper", "ur: https://e.com/a"),
			[]string{"c.yaml:9:9: unknown key \"ur\" in resource: did you mean `url`?"}},
		{"resource unknown key", head + entry("id: a", "title: T", "kind: paper", "url: https://e.com/a", "year: 2017"),
			[]string{`c.yaml:10:9: unknown key "year" in resource (valid keys: id, title, kind, url, arxiv, github, doi, archive, tags, note, alternates, accept, ignore)`}},
		{"resource duplicate key", head + entry("id: a", "title: T", "kind: paper", "url: https://e.com/a", "url: https://e.com/b"),
			[]string{`c.yaml:10:9: duplicate key "url" in resource (first at line 9)`}},
		{"section typo", "version: 1\nsections:\n  - id: s\n    title: S\n    resource: []\n",
			[]string{"c.yaml:5:5: unknown key \"resource\" in section: did you mean `resources`?"}},
		{"accept typo", head + entry("id: a", "title: T", "kind: paper", "url: https://e.com/a", "accept: [{stauts: blocked, reason: r}]"),
			[]string{"c.yaml:10:19: unknown key \"stauts\" in accept item: did you mean `status`?"}},
		{"ignore typo", head + entry("id: a", "title: T", "kind: paper", "url: https://e.com/a", "ignore: {reason: r, untill: 2027-01-01}"),
			[]string{"c.yaml:10:29: unknown key \"untill\" in ignore: did you mean `until`?"}},
	}
	checkProblems(t, tests)
}

func TestParseSettings(t *testing.T) {
	src := `version: 1
settings:
  concurrency: 32
  host_concurrency: 2
  host_rate: 2/s
  request_timeout: 20s
  retries: 3
  stale_after: 365d
  hosts:
    arxiv.org: {rate: 1/3s, burst: 1, concurrency: 1}
    openai.com:
      rate: 0.5
  state: history/links.json
  archive: false
sections: []
`
	c, err := Parse("c.yaml", strings.NewReader(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if ps := c.Validate(testNow); ps != nil {
		t.Fatalf("Validate = %v, want none", ps)
	}
	s := c.Settings
	if s.Concurrency != 32 || s.HostConcurrency != 2 || s.HostRate != 2 || s.RequestTimeout != 20*time.Second || s.Retries != 3 {
		t.Errorf("Settings = %+v, want 32, 2, 2/s, 20s, 3", s)
	}
	if s.StaleAfter != 365*24*time.Hour {
		t.Errorf("Settings.StaleAfter = %v, want 365 days", s.StaleAfter)
	}
	if s.Pos != (Pos{3, 3}) || s.Fields["retries"] != (Pos{7, 12}) {
		t.Errorf("Settings.Pos = %v, Fields[retries] = %v, want 3:3 and 7:12", s.Pos, s.Fields["retries"])
	}
	arxiv := s.Hosts["arxiv.org"]
	if arxiv.Rate != 1.0/3 || arxiv.Burst != 1 || arxiv.Concurrency != 1 || arxiv.Pos != (Pos{10, 5}) {
		t.Errorf("Hosts[arxiv.org] = %+v, want rate 1/3, burst 1, concurrency 1 at 10:5", arxiv)
	}
	if got := s.Hosts["openai.com"].Rate; got != 0.5 {
		t.Errorf("Hosts[openai.com].Rate = %v, want 0.5", got)
	}
	if s.State != "history/links.json" {
		t.Errorf("State = %q, want history/links.json", s.State)
	}
	if _, set := s.Fields["archive"]; s.Archive || !set {
		t.Errorf("Archive = %v (set %v), want false, set", s.Archive, set)
	}
}

func TestParseSettingsProblems(t *testing.T) {
	settings := func(lines ...string) string {
		return "version: 1\nsections: []\nsettings:\n  " + strings.Join(lines, "\n  ") + "\n"
	}
	tests := []problemCase{
		{"negative concurrency", settings("concurrency: -1"), []string{"c.yaml:4:16: concurrency must be at least 1, got -1"}},
		{"zero host concurrency", settings("host_concurrency: 0"), []string{"c.yaml:4:21: host_concurrency must be at least 1, got 0"}},
		{"zero rate", settings("host_rate: 0"), []string{`c.yaml:4:14: host_rate must be a positive rate such as "2/s" or "1/3s"`}},
		{"zero rate per unit", settings("host_rate: 0/s"), []string{`c.yaml:4:14: host_rate must be a positive rate such as "2/s" or "1/3s"`}},
		{"bad rate", settings("host_rate: fast"), []string{`c.yaml:4:14: host_rate must be requests per second or a rate such as "2/s", "30/m" or "1/3s"`}},
		{"rate per zero", settings("host_rate: 1/0s"), []string{`c.yaml:4:14: host_rate must be requests per second or a rate such as "2/s", "30/m" or "1/3s"`}},
		{"infinite rate", settings("host_rate: .inf"), []string{`c.yaml:4:14: host_rate must be a positive rate such as "2/s" or "1/3s"`}},
		{"duration without unit", settings("request_timeout: 20"), []string{`c.yaml:4:20: request_timeout must be a duration with a unit, such as "20s" or "1m30s"`}},
		{"negative duration", settings("request_timeout: -5s"), []string{"c.yaml:4:20: request_timeout must be positive, got -5s"}},
		{"age without a unit it knows", settings("stale_after: 2y"), []string{`c.yaml:4:16: stale_after must be an age such as "730d", "104w" or "17520h"`}},
		{"negative age", settings("stale_after: -1d"), []string{`c.yaml:4:16: stale_after must be an age such as "730d", "104w" or "17520h"`}},
		{"zero age", settings("stale_after: 0d"), []string{"c.yaml:4:16: stale_after must be a positive age, got 0d"}},
		{"zero age in weeks", settings("stale_after: 0w"), []string{"c.yaml:4:16: stale_after must be a positive age, got 0d"}},
		{"negative retries", settings("retries: -1"), []string{"c.yaml:4:12: retries must not be negative, got -1"}},
		{"zero retries is fine", settings("retries: 0"), nil},
		{"a state file", settings("state: .linkcheck-state.json"), nil},
		{"empty state", settings("state: \"\""), []string{`c.yaml:4:10: state must be a file name, such as ".linkcheck-state.json"`}},
		{"state not a string", settings("state: [a]"), []string{"c.yaml:4:10: state must be a string, not a list"}},
		{"archive off", settings("archive: false"), nil},
		{"archive not a boolean", settings("archive: off"), []string{"c.yaml:4:12: archive must be true or false"}},
		{"archive as a string", settings(`archive: "false"`), []string{"c.yaml:4:12: archive must be true or false"}},
		{"retries not a number", settings("retries: many"), []string{"c.yaml:4:12: retries must be an integer"}},
		{"settings typo", settings("concurency: 4"), []string{"c.yaml:4:3: unknown key \"concurency\" in settings: did you mean `concurrency`?"}},
		{"settings key style", settings("hostRate: 4"), []string{"c.yaml:4:3: unknown key \"hostRate\" in settings: did you mean `host_rate`?"}},
		{"settings not a mapping", "version: 1\nsections: []\nsettings: [a]\n", []string{"c.yaml:3:11: settings must be a mapping"}},
		{"host upper-case", settings("hosts: {Arxiv.org: {rate: 1}}"), []string{`c.yaml:4:11: host "Arxiv.org" must be a lower-case host name without scheme, port or path, such as "arxiv.org"`}},
		{"host with scheme", settings("hosts: {\"https://arxiv.org\": {rate: 1}}"), []string{`c.yaml:4:11: host "https://arxiv.org" must be a lower-case host name without scheme, port or path, such as "arxiv.org"`}},
		{"host key typo", settings("hosts: {arxiv.org: {rat: 1}}"), []string{"c.yaml:4:23: unknown key \"rat\" in hosts entry \"arxiv.org\": did you mean `rate`?"}},
		{"host zero burst", settings("hosts: {arxiv.org: {burst: 0}}"), []string{"c.yaml:4:30: burst must be at least 1, got 0"}},
		{"host not a mapping", settings("hosts: {arxiv.org: 1}"), []string{`c.yaml:4:22: hosts entry "arxiv.org" must be a mapping of rate, burst and concurrency`}},
		{"duplicate host", settings("hosts: {arxiv.org: {rate: 1}, arxiv.org: {rate: 2}}"), []string{`c.yaml:4:33: duplicate host "arxiv.org" in hosts (first at line 4)`}},
		{"hosts not a mapping", settings("hosts: [arxiv.org]"), []string{"c.yaml:4:10: hosts must be a mapping of host name to limits"}},
		// The checker applies limits per host group; two names for one group
		// would be refused by check, so validate refuses them too.
		{"two names of arXiv's group", settings("hosts:", "  arxiv.org: {rate: 1/3s}", "  export.arxiv.org: {rate: 1/5s}"),
			[]string{`c.yaml:6:5: hosts "arxiv.org" and "export.arxiv.org" both set the limits of arxiv.org (line 5): keep one`}},
		{"www.arxiv.org first", settings("hosts:", "  www.arxiv.org: {rate: 1/3s}", "  arxiv.org: {rate: 1/5s}"),
			[]string{`c.yaml:6:5: hosts "www.arxiv.org" and "arxiv.org" both set the limits of arxiv.org (line 5): keep one`}},
		{"a name and its trailing dot", settings("hosts:", "  example.org: {rate: 1}", "  example.org.: {rate: 2}"),
			[]string{`c.yaml:6:5: hosts "example.org" and "example.org." both set the limits of example.org (line 5): keep one`}},
		{"different hosts are fine", settings("hosts:", "  arxiv.org: {rate: 1/3s}", "  www.example.org: {rate: 1}", "  example.org: {rate: 1}"), nil},
	}
	checkProblems(t, tests)
}

func TestParseRate(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"2", 2}, {"0.5", 0.5}, {"2/s", 2}, {"30/m", 0.5}, {"3600/h", 1}, {"1/3s", 1.0 / 3}, {"1 / 500ms", 2},
	}
	for _, tt := range tests {
		if got, err := ParseRate(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseRate(%q) = %v, %v, want %v", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "fast", "1/", "1/x", "1/0s", "1/-3s", "NaN", "Inf/s"} {
		if got, err := ParseRate(in); err == nil {
			t.Errorf("ParseRate(%q) = %v, want an error", in, got)
		}
	}
}

// TestParseResource checks that a resource's values and positions land
// where the checker and reporters look for them.
func TestParseResource(t *testing.T) {
	src := head + entry(
		"id: attention",
		"title: Attention Is All You Need",
		"kind: paper",
		"url: https://arxiv.org/abs/1706.03762",
		"arxiv: 1706.03762v5",
		"github: tensorflow/tensor2tensor",
		"tags: [transformers, attention]",
		"note: the one",
		"alternates: [https://papers.nips.cc/paper/7181]",
		"accept:",
		"  - {status: blocked, reason: bot wall}",
		"  - code: 410",
		"    reason: gone but still cited",
		"ignore: {reason: moving, until: 2027-01-31}",
	)
	c, err := Parse("c.yaml", strings.NewReader(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if ps := c.Validate(testNow); ps != nil {
		t.Fatalf("Validate = %v, want none", ps)
	}
	if n, s := c.Count(); n != 1 || s != 1 {
		t.Fatalf("Count() = %d, %d, want 1, 1", n, s)
	}
	r := c.Sections[0].Resources[0]
	want := Resource{
		ID: "attention", Title: "Attention Is All You Need", Kind: KindPaper,
		URL: "https://arxiv.org/abs/1706.03762", Arxiv: "1706.03762v5", GitHub: "tensorflow/tensor2tensor",
		Tags: []string{"transformers", "attention"}, Note: "the one",
		Alternates: []string{"https://papers.nips.cc/paper/7181"}, Section: "s", Pos: Pos{6, 9},
	}
	if r.ID != want.ID || r.Title != want.Title || r.Kind != want.Kind || r.URL != want.URL || r.Arxiv != want.Arxiv ||
		r.GitHub != want.GitHub || !slices.Equal(r.Tags, want.Tags) || r.Note != want.Note ||
		!slices.Equal(r.Alternates, want.Alternates) || r.Section != want.Section || r.Pos != want.Pos {
		t.Errorf("resource = %+v\nwant %+v", r, want)
	}
	for key, pos := range map[string]Pos{"id": {6, 13}, "url": {9, 14}, "arxiv": {10, 16}, "alternates[0]": {14, 22}, "accept": {16, 11}} {
		if got := r.Fields[key]; got != pos {
			t.Errorf("Fields[%q] = %v, want %v", key, got, pos)
		}
	}
	wantAccept := []Accept{{Status: status.Blocked, Reason: "bot wall", Pos: Pos{16, 13}}, {Code: 410, Reason: "gone but still cited", Pos: Pos{17, 13}}}
	if len(r.Accept) != 2 {
		t.Fatalf("Accept = %+v, want %+v", r.Accept, wantAccept)
	}
	for i, a := range r.Accept {
		w := wantAccept[i]
		if a.Status != w.Status || a.Code != w.Code || a.Reason != w.Reason || a.Pos != w.Pos {
			t.Errorf("Accept[%d] = %+v, want %+v", i, a, w)
		}
	}
	until := time.Date(2027, 1, 31, 0, 0, 0, 0, time.UTC)
	if ig := r.Ignore; ig == nil || ig.Reason != "moving" || !ig.Until.Equal(until) || ig.Pos != (Pos{19, 17}) {
		t.Errorf("Ignore = %+v, want moving until %v at 19:17", ig, until)
	}
	if s := c.Sections[0]; s.ID != "s" || s.Title != "S" || s.Pos != (Pos{3, 5}) {
		t.Errorf("section = %+v, want s, S at 3:5", s)
	}
}

func TestParseReturnsCatalogWithProblems(t *testing.T) {
	src := head + entry("id: a", "titel: T", "kind: paper", "url: https://e.com/a") + ok("b")
	c, err := Parse("c.yaml", strings.NewReader(src))
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != 1 {
		t.Fatalf("Parse error = %v, want one problem", err)
	}
	if c == nil {
		t.Fatal("Parse returned no catalog with a structural problem")
	}
	if n, _ := c.Count(); n != 2 {
		t.Errorf("best-effort catalog has %d resources, want 2", n)
	}
	if c, err := Parse("c.yaml", strings.NewReader("a: [")); c != nil || err == nil {
		t.Errorf("Parse(syntax error) = %v, %v, want nil catalog and an error", c, err)
	}
}

func TestParseReadError(t *testing.T) {
	boom := errors.New("boom")
	_, err := Parse("c.yaml", iotest.ErrReader(boom))
	var ps Problems
	if !errors.Is(err, boom) || errors.As(err, &ps) {
		t.Errorf("Parse(failing reader) error = %v, want it to wrap %v and not be Problems", err, boom)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.yaml")
	_, err := Load(missing)
	var ps Problems
	if !errors.Is(err, fs.ErrNotExist) || errors.As(err, &ps) {
		t.Errorf("Load(missing) error = %v, want a not-exist error that is not Problems", err)
	}
	if want := "read catalog " + missing + ": "; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Load(missing) error = %v, want prefix %q", err, want)
	}
	if _, err := LoadValid(missing, testNow); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("LoadValid(missing) error = %v, want a not-exist error", err)
	}

	path := filepath.Join(dir, "resources.yaml")
	src := head + entry("id: a", "titel: T", "kind: paper", "url: https://e.com/a") + ok("b") +
		entry("id: b", "title: T", "kind: paper", "url: https://e.com/c")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := LoadValid(path, testNow)
	if !errors.As(err, &ps) || c == nil {
		t.Fatalf("LoadValid = %v, %v, want a catalog and Problems", c, err)
	}
	want := []string{
		path + ":7:9: unknown key \"titel\" in resource: did you mean `title`?",
		path + `:14:13: duplicate id "b" (first at line 10)`,
	}
	if got := strings.Split(err.Error(), "\n"); !slices.Equal(got, want) {
		t.Errorf("LoadValid problems = %q, want %q", got, want)
	}
	if c.File != path {
		t.Errorf("File = %q, want %q", c.File, path)
	}
}

func TestParseAge(t *testing.T) {
	day := 24 * time.Hour
	tests := []struct {
		in      string
		want    time.Duration
		wantErr bool
	}{
		{"730d", 730 * day, false},
		{"730", 730 * day, false},
		{" 104w ", 104 * 7 * day, false},
		{"17520h", 730 * day, false},
		{"0d", 0, false},
		{"-5d", 0, true},
		{"-1h", 0, true},
		{"2y", 0, true},
		{"d", 0, true},
		{"", 0, true},
		{"99999999999999999999d", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseAge(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("ParseAge(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

// TestInternKind checks that every kind decodes to the constant itself,
// not a copy: a large catalog would hold one string per entry.
func TestInternKind(t *testing.T) {
	for _, k := range Kinds() {
		text := string([]byte(k)) // a copy, as the YAML parser makes
		if got := internKind(text); got != k || unsafe.StringData(string(got)) != unsafe.StringData(string(k)) {
			t.Errorf("internKind(%q) is not the constant %q", text, k)
		}
	}
	if got := internKind("podcast"); got != "podcast" {
		t.Errorf("internKind(%q) = %q, want it unchanged", "podcast", got)
	}
}
