package state

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/ai-reading-list/linkcheck/internal/atomicfile"
	"github.com/ai-reading-list/linkcheck/internal/jsondoc"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// The wire form. Keys are written sorted at every level (a map's keys are
// sorted by encoding/json, and the fields below are declared in
// alphabetical order) so that a week's changes are a small diff.
type fileDoc struct {
	Schema    string                `json:"schema"`
	Targets   map[string]fileTarget `json:"targets"`
	Trend     []fileRun             `json:"trend,omitempty"`
	UpdatedAt string                `json:"updated_at,omitempty"`
}

type fileTarget struct {
	Arxiv        string `json:"arxiv,omitempty"`
	ArxivTitle   string `json:"arxiv_title,omitempty"`
	ArxivVersion int    `json:"arxiv_version,omitempty"`
	FailingRuns  int    `json:"failing_runs,omitempty"`
	FinalURL     string `json:"final_url,omitempty"`
	LastChecked  string `json:"last_checked"`
	LastOK       string `json:"last_ok,omitempty"`
	PageTitle    string `json:"page_title,omitempty"`
	Repo         string `json:"repo,omitempty"`
	Runs         int    `json:"runs"`
	Since        string `json:"since"`
	Status       string `json:"status"`
	URL          string `json:"url,omitempty"`
}

// Load reads the state at path. A missing file is a fresh history: an
// empty state and no error. A file that cannot be read is an error, one
// that is not a state of this schema a *CorruptError or *SchemaError;
// the file is never modified.
func Load(path string) (*State, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return New(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("read state file: %w", err)
	}
	return parse(path, data)
}

func parse(path string, data []byte) (*State, error) {
	// What the file is comes first, so that another document is named as
	// such (and never called a corrupt history to delete), not as a
	// puzzling field error.
	what, syntax := jsondoc.Sniff(data)
	switch {
	case syntax != nil && bytes.Contains(data, []byte(`"`+Schema+`"`)):
		// A state file cut short or broken by a hand edit.
		return nil, &CorruptError{Path: path, Err: fmt.Errorf("not valid JSON: %w", syntax)}
	case what != "":
		return nil, &SchemaError{Path: path, What: what}
	}
	var head struct {
		Schema json.RawMessage `json:"schema"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, &CorruptError{Path: path, Err: jsondoc.Problem(data, err)}
	}
	var schema string
	switch {
	case head.Schema == nil:
		return nil, &SchemaError{Path: path}
	case json.Unmarshal(head.Schema, &schema) != nil:
		return nil, &SchemaError{Path: path, What: "JSON whose \"schema\" is not a string"}
	case schema != Schema:
		return nil, &SchemaError{Path: path, Got: schema}
	}
	var doc fileDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, &CorruptError{Path: path, Err: jsondoc.Problem(data, err)}
	}
	s, err := fromFile(doc)
	if err != nil {
		return nil, &CorruptError{Path: path, Err: err}
	}
	return s, nil
}

func fromFile(doc fileDoc) (*State, error) {
	s := New()
	if doc.UpdatedAt != "" {
		t, err := time.Parse(time.RFC3339, doc.UpdatedAt)
		if err != nil {
			return nil, fmt.Errorf("updated_at: %w", err)
		}
		s.UpdatedAt = t
	}
	trend, err := trendFromFile(doc.Trend)
	if err != nil {
		return nil, err
	}
	s.Trend = trend
	var errs []error
	names := make(map[Key]string, len(doc.Targets))
	for name, ft := range doc.Targets {
		k, t, err := targetFromFile(name, ft)
		if err != nil {
			errs = append(errs, fmt.Errorf("target %q: %w", name, err))
			continue
		}
		if other, dup := names[k]; dup {
			errs = append(errs, fmt.Errorf("targets %q and %q: the same target twice", min(name, other), max(name, other)))
			continue
		}
		names[k] = name
		s.Targets[k] = t
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return s, nil
}

// targetFromFile reads one target. Its name is ID/TARGET, or
// ID/TARGET/SUBJECT when the entry has several targets of the kind (see
// Marshal); the subject of a plain name is read from the target's fields.
func targetFromFile(name string, ft fileTarget) (Key, Target, error) {
	id, rest, ok := strings.Cut(name, "/")
	kind, named, extended := strings.Cut(rest, "/")
	if !ok || id == "" || kind == "" || (extended && named == "") {
		return Key{}, Target{}, errors.New("want a key of the form ID/TARGET, e.g. attention/arxiv, or ID/TARGET/REPOSITORY")
	}
	k := Key{ID: id, Target: result.TargetKind(kind), Subject: subject(result.TargetKind(kind), ft.URL, ft.Arxiv, ft.Repo)}
	if extended {
		fromName := subject(k.Target, named, named, named)
		switch {
		case k.Subject == "":
			k.Subject = fromName
		case fromName != k.Subject:
			return Key{}, Target{}, fmt.Errorf("the key names %q, the target %q", named, k.Subject)
		}
	}
	st, err := status.Parse(ft.Status)
	if err != nil || ft.Status != st.String() {
		return Key{}, Target{}, fmt.Errorf("status: unknown status %q", ft.Status)
	}
	if ft.Runs < 1 || ft.FailingRuns < 0 {
		return Key{}, Target{}, fmt.Errorf("runs %d, failing_runs %d: want runs ≥ 1 and failing_runs ≥ 0", ft.Runs, ft.FailingRuns)
	}
	t := Target{
		Status:       st,
		Runs:         ft.Runs,
		FailingRuns:  ft.FailingRuns,
		URL:          ft.URL,
		FinalURL:     ft.FinalURL,
		PageTitle:    ft.PageTitle,
		Repo:         orElse(ft.Repo, repoOf(k)),
		Arxiv:        ft.Arxiv,
		ArxivVersion: ft.ArxivVersion,
		ArxivTitle:   ft.ArxivTitle,
	}
	for _, f := range []struct {
		name     string
		value    string
		to       *time.Time
		required bool
	}{
		{"since", ft.Since, &t.Since, true},
		{"last_checked", ft.LastChecked, &t.LastChecked, true},
		{"last_ok", ft.LastOK, &t.LastOK, false},
	} {
		if f.value == "" && !f.required {
			continue
		}
		v, err := time.Parse(time.RFC3339, f.value)
		if err != nil {
			return Key{}, Target{}, fmt.Errorf("%s: want an RFC 3339 time, got %q", f.name, f.value)
		}
		*f.to = v
	}
	return k, t, nil
}

// Marshal returns the document Save writes. A target is named ID/TARGET,
// as in every state of v1; an entry with several targets of one kind (two
// repositories) names each ID/TARGET/SUBJECT, since a name is unique.
func Marshal(s *State) ([]byte, error) {
	doc := fileDoc{Schema: Schema, Targets: make(map[string]fileTarget, len(s.Targets)), Trend: trendToFile(s.Trend)}
	if !s.UpdatedAt.IsZero() {
		doc.UpdatedAt = stamp(s.UpdatedAt)
	}
	kinds := make(map[group]int, len(s.Targets))
	for k := range s.Targets {
		kinds[groupOf(k)]++
	}
	for k, t := range s.Targets {
		name := k.String()
		if kinds[groupOf(k)] > 1 {
			name += "/" + k.Subject
		}
		doc.Targets[name] = fileTarget{
			Arxiv:        t.Arxiv,
			ArxivTitle:   t.ArxivTitle,
			ArxivVersion: t.ArxivVersion,
			FailingRuns:  t.FailingRuns,
			FinalURL:     t.FinalURL,
			LastChecked:  stamp(t.LastChecked),
			LastOK:       stamp(t.LastOK),
			PageTitle:    t.PageTitle,
			Repo:         t.Repo,
			Runs:         t.Runs,
			Since:        stamp(t.Since),
			Status:       t.Status.String(),
			URL:          t.URL,
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// URLs with & and titles with < stay readable in a diff.
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("encode state: %w", err)
	}
	return buf.Bytes(), nil
}

// stamp writes a time in UTC to the second: finer digits would only make
// the file differ for nothing.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Truncate(time.Second).Format(time.RFC3339)
}

// Save writes s to path atomically: a temporary file beside it, renamed
// into place. When it fails, the file at path is as it was. A path that is
// a symbolic link is written through: the link stays, the file it names is
// replaced and keeps its mode.
func Save(path string, s *State) error {
	data, err := Marshal(s)
	if err != nil {
		return err
	}
	if err := atomicfile.WriteBytes(path, data); err != nil {
		return fmt.Errorf("state file: %w", err)
	}
	return nil
}
