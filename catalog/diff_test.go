package catalog

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/status"
)

func TestChanged(t *testing.T) {
	cat := func(rs ...Resource) *Catalog {
		return &Catalog{Sections: []Section{{ID: "s", Title: "S", Resources: rs}}}
	}
	attention := Resource{ID: "attention", Title: "Attention Is All You Need", URL: "https://arxiv.org/abs/1706.03762", Arxiv: "1706.03762"}
	bert := Resource{ID: "bert", Title: "BERT", URL: "https://arxiv.org/abs/1810.04805"}
	react := Resource{ID: "react", Title: "ReAct", Arxiv: "2210.03629"}
	with := func(r Resource, edit func(*Resource)) Resource { edit(&r); return r }

	tests := []struct {
		name       string
		base, head *Catalog
		want       []string
	}{
		{"unchanged", cat(attention, bert), cat(attention, bert), nil},
		{"added", cat(attention), cat(attention, bert), []string{"bert"}},
		{"removed", cat(attention, bert), cat(attention), nil},
		{"renamed id", cat(attention), cat(with(attention, func(r *Resource) { r.ID = "transformer" })), []string{"transformer"}},
		{"changed url", cat(attention, bert), cat(attention, with(bert, func(r *Resource) { r.URL = "https://aclanthology.org/N19-1423/" })), []string{"bert"}},
		{"changed arxiv", cat(react), cat(with(react, func(r *Resource) { r.Arxiv = "2210.03629v3" })), []string{"react"}},
		{"changed title", cat(react), cat(with(react, func(r *Resource) { r.Title = "ReAct: Synergizing Reasoning and Acting" })), []string{"react"}},
		{"same url normalized", cat(bert), cat(with(bert, func(r *Resource) { r.URL = "HTTPS://arxiv.org:443/abs/1810.04805#abstract" })), nil},
		{"same arxiv canonical", cat(react), cat(with(react, func(r *Resource) { r.Arxiv = "arXiv:2210.03629" })), nil},
		{"tags and notes do not count", cat(react), cat(with(react, func(r *Resource) { r.Tags = []string{"agents"}; r.Note = "n" })), nil},
		{"ignore removed", cat(with(react, func(r *Resource) {
			r.Ignore = &Ignore{Reason: "down", Until: time.Date(2027, 1, 31, 0, 0, 0, 0, time.UTC)}
		})), cat(react), []string{"react"}},
		{"ignore extended", cat(with(react, func(r *Resource) {
			r.Ignore = &Ignore{Reason: "down", Until: time.Date(2027, 1, 31, 0, 0, 0, 0, time.UTC)}
		})),
			cat(with(react, func(r *Resource) {
				r.Ignore = &Ignore{Reason: "down", Until: time.Date(2027, 6, 30, 0, 0, 0, 0, time.UTC)}
			})), []string{"react"}},
		{"accept added", cat(bert), cat(with(bert, func(r *Resource) { r.Accept = []Accept{{Status: status.Blocked, Reason: "403 to bots"}} })), []string{"bert"}},
		{"accept code changed", cat(with(bert, func(r *Resource) { r.Accept = []Accept{{Code: 403, Reason: "r"}} })), cat(with(bert, func(r *Resource) { r.Accept = []Accept{{Code: 401, Reason: "r"}} })), []string{"bert"}},
		{"alternate added", cat(bert), cat(with(bert, func(r *Resource) { r.Alternates = []string{"https://aclanthology.org/N19-1423/"} })), []string{"bert"}},
		{"alternates reordered and normalized", cat(with(bert, func(r *Resource) { r.Alternates = []string{"https://a.example/x", "https://b.example/y"} })),
			cat(with(bert, func(r *Resource) { r.Alternates = []string{"HTTPS://b.example/y#top", "https://a.example/x"} })), nil},
		{"empty and absent lists are the same", cat(bert), cat(with(bert, func(r *Resource) { r.Alternates, r.Accept = []string{}, []Accept{} })), nil},
		{"github changed", cat(bert), cat(with(bert, func(r *Resource) { r.GitHub = "google-research/bert" })), []string{"bert"}},
		{"doi added", cat(bert), cat(with(bert, func(r *Resource) { r.DOI = "10.18653/v1/N19-1423" })), []string{"bert"}},
		{"archive added", cat(bert), cat(with(bert, func(r *Resource) { r.Archive = "https://web.archive.org/web/20230512083000/https://b.example/x" })), []string{"bert"}},
		{"positions do not count", cat(bert), cat(with(bert, func(r *Resource) { r.Pos = Pos{Line: 40}; r.Fields = map[string]Pos{"url": {Line: 43}} })), nil},
		{"settings changed: everything", cat(attention, bert), &Catalog{Settings: Settings{RequestTimeout: time.Minute, Fields: map[string]Pos{"request_timeout": {Line: 3}}},
			Sections: []Section{{ID: "s", Resources: []Resource{attention, bert}}}}, []string{"attention", "bert"}},
		{"moved to another section", cat(attention, bert), &Catalog{Sections: []Section{{ID: "a", Resources: []Resource{bert}}, {ID: "b", Resources: []Resource{attention}}}}, nil},
		{"head order", cat(attention), cat(react, attention, bert), []string{"react", "bert"}},
		{"nil base", nil, cat(attention, bert), []string{"attention", "bert"}},
		{"nil head", cat(attention), nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Changed(tt.base, tt.head); !slices.Equal(got, tt.want) {
				t.Errorf("Changed() = %q, want %q", got, tt.want)
			}
		})
	}
}

// descriptive are the fields of a resource and of its parts that cannot
// change a verdict. Every other field must make a resource changed: a
// field added later fails TestChangedEveryField until it is either compared
// (the default) or listed here and in verdictView.
var descriptive = map[string]bool{
	"Resource.Tags": true, "Resource.Note": true, "Resource.Section": true,
	"Resource.Pos": true, "Resource.Fields": true,
	"Accept.Pos": true, "Accept.Fields": true,
	"Ignore.Pos": true, "Ignore.Fields": true,
}

// TestChangedEveryField edits each field of a resource, of its accept
// items and of its ignore in turn, by reflection, so that no field can be
// forgotten.
func TestChangedEveryField(t *testing.T) {
	base := Resource{
		ID: "r", Title: "T", Kind: KindPost, URL: "https://example.com/a", Arxiv: "1706.03762",
		GitHub: "o/r", Tags: []string{"t"}, Note: "n", Alternates: []string{"https://example.com/b"},
		Accept:  []Accept{{Status: status.Blocked, Code: 0, Reason: "r", Pos: Pos{Line: 9}, Fields: map[string]Pos{"status": {Line: 9}}}},
		Ignore:  &Ignore{Reason: "r", Until: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), Pos: Pos{Line: 11}, Fields: map[string]Pos{"until": {Line: 11}}},
		Section: "s", Pos: Pos{Line: 5}, Fields: map[string]Pos{"id": {Line: 5}},
	}
	cat := func(r Resource) *Catalog { return &Catalog{Sections: []Section{{ID: "s", Resources: []Resource{r}}}} }
	edits := 0
	check := func(name string, edit func(*Resource, reflect.Value) bool, fieldOf func(*Resource) reflect.Value) {
		head := cloneResource(base)
		if !edit(&head, fieldOf(&head)) {
			t.Errorf("%s: no test value for a field of type %s; add one to changeValue", name, fieldOf(&head).Type())
			return
		}
		edits++
		got := Changed(cat(base), cat(head))
		want := !descriptive[name]
		if changed := len(got) > 0; changed != want {
			t.Errorf("editing %s: Changed = %q, want changed = %v", name, got, want)
		}
	}
	setField := func(_ *Resource, f reflect.Value) bool { return changeValue(f) }
	rt := reflect.TypeOf(Resource{})
	for i := range rt.NumField() {
		if rt.Field(i).Name == "ID" {
			continue // matched by id: a new id is a new resource
		}
		check("Resource."+rt.Field(i).Name, setField, func(r *Resource) reflect.Value { return reflect.ValueOf(r).Elem().Field(i) })
	}
	at := reflect.TypeOf(Accept{})
	for i := range at.NumField() {
		check("Accept."+at.Field(i).Name, setField, func(r *Resource) reflect.Value { return reflect.ValueOf(&r.Accept[0]).Elem().Field(i) })
	}
	it := reflect.TypeOf(Ignore{})
	for i := range it.NumField() {
		check("Ignore."+it.Field(i).Name, setField, func(r *Resource) reflect.Value { return reflect.ValueOf(r.Ignore).Elem().Field(i) })
	}
	if want := rt.NumField() - 1 + at.NumField() + it.NumField(); edits != want {
		t.Errorf("edited %d fields, want %d", edits, want)
	}
}

// cloneResource copies r deeply enough that editing the copy leaves r be.
func cloneResource(r Resource) Resource {
	c := r
	c.Tags = slices.Clone(r.Tags)
	c.Alternates = slices.Clone(r.Alternates)
	c.Accept = slices.Clone(r.Accept)
	if r.Ignore != nil {
		ig := *r.Ignore
		c.Ignore = &ig
	}
	return c
}

// changeValue sets f to a value that differs from any the test's base
// resource holds; false when it does not know f's type.
func changeValue(f reflect.Value) bool {
	switch v := f.Addr().Interface().(type) {
	case *string:
		*v = "https://changed.example/" + strings.ToLower(*v) + "x"
	case *Kind:
		*v = KindTool
	case *int:
		*v += 404
	case *status.Status:
		*v = status.Moved
	case *time.Time:
		*v = v.AddDate(0, 0, 1)
	case *Pos:
		v.Line += 100
	case *map[string]Pos:
		*v = map[string]Pos{"moved": {Line: 100}}
	case *[]string:
		*v = append(*v, "https://changed.example/")
	case *[]Accept:
		*v = append(*v, Accept{Code: 403, Reason: "r"})
	case **Ignore:
		*v = nil
	case *bool:
		*v = !*v
	case *float64:
		*v += 0.5
	case *time.Duration:
		*v += time.Second
	case *map[string]HostSettings:
		*v = map[string]HostSettings{"changed.example": {Rate: 1}}
	default:
		return false
	}
	return true
}

// TestChangedEverySetting edits each field of the settings in turn: any
// edit but a moved position makes every resource changed.
func TestChangedEverySetting(t *testing.T) {
	r := Resource{ID: "r", Title: "T", URL: "https://example.com/"}
	base := Settings{Retries: 3, Pos: Pos{Line: 2}, Fields: map[string]Pos{"retries": {Line: 3}},
		Hosts: map[string]HostSettings{"example.com": {Rate: 1, Pos: Pos{Line: 4}, Fields: map[string]Pos{"rate": {Line: 4}}}}}
	cat := func(s Settings) *Catalog {
		return &Catalog{Settings: s, Sections: []Section{{ID: "s", Resources: []Resource{r}}}}
	}
	st := reflect.TypeOf(Settings{})
	for i := range st.NumField() {
		name := st.Field(i).Name
		head := base
		head.Fields = map[string]Pos{"retries": {Line: 3}}
		if !changeValue(reflect.ValueOf(&head).Elem().Field(i)) {
			t.Errorf("Settings.%s: no test value for type %s; add one to changeValue", name, st.Field(i).Type)
			continue
		}
		got := Changed(cat(base), cat(head))
		if want := name != "Pos"; (len(got) > 0) != want {
			t.Errorf("editing Settings.%s: Changed = %q, want changed = %v", name, got, want)
		}
	}
	moved := base
	moved.Fields = map[string]Pos{"retries": {Line: 30}}
	moved.Hosts = map[string]HostSettings{"example.com": {Rate: 1, Pos: Pos{Line: 40}, Fields: map[string]Pos{"rate": {Line: 40}}}}
	if got := Changed(cat(base), cat(moved)); got != nil {
		t.Errorf("settings at other lines: Changed = %q, want nothing", got)
	}
}
