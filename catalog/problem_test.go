package catalog

import (
	"errors"
	"fmt"
	"testing"
)

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "resources.yaml", Line: 12, Column: 5, Message: "missing title"}, "resources.yaml:12:5: missing title"},
		{Problem{Line: 1, Column: 1, Message: "catalog is empty"}, "1:1: catalog is empty"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestProblemsSortAndError(t *testing.T) {
	ps := Problems{
		{File: "f", Line: 3, Column: 1, Message: "b"},
		{File: "f", Line: 1, Column: 9, Message: "a"},
		{File: "f", Line: 3, Column: 1, Message: "a"},
		{File: "f", Line: 1, Column: 2, Message: "z"},
		{File: "f", Line: 3, Column: 1, Message: "b"},
	}
	ps = ps.sorted()
	want := "f:1:2: z\nf:1:9: a\nf:3:1: a\nf:3:1: b"
	if got := ps.Error(); got != want {
		t.Errorf("sorted Problems.Error() = %q, want %q", got, want)
	}
	var err error = fmt.Errorf("load: %w", ps)
	var got Problems
	if !errors.As(err, &got) || len(got) != 4 {
		t.Errorf("errors.As(%v) = %v, want the 4 problems", err, got)
	}
	if err := (Problems{}).asError(); err != nil {
		t.Errorf("empty Problems.asError() = %v, want nil", err)
	}
}
