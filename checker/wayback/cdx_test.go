package wayback

import (
	"errors"
	"testing"
	"time"
)

// TestParseCDX: the rows of output=json, field names first; rows that
// cannot name a capture of a 200 are skipped, and an answer that is not
// a list of rows is an *AnswerError.
func TestParseCDX(t *testing.T) {
	tests := []struct {
		name string
		body string
		ct   string
		want []string // timestamps
		bad  bool
	}{
		{"rows", `[["timestamp","original","statuscode"],["20230102083000","https://a.example/","200"],["20240102083000","https://a.example/","200"]]`, "application/json", []string{"20230102083000", "20240102083000"}, false},
		{"fields in another order", `[["original","timestamp"],["https://a.example/","20230102083000"]]`, "text/plain", []string{"20230102083000"}, false},
		{"no match", `[]`, "application/json", nil, false},
		{"header only", `[["timestamp","original","statuscode"]]`, "application/json", nil, false},
		{"skipped rows", `[["timestamp","original","statuscode"],["2023","https://a.example/","200"],["20230102083000","https://a.example/","404"],["20230102083000","mailto:x@a.example","200"],["20230102083000","https://a.example/"],["20230202083000","https://a.example/","200"]]`, "application/json", []string{"20230202083000"}, false},
		{"HTML", `<html><title>Error</title></html>`, "text/html; charset=utf-8", nil, true},
		{"HTML without its type", ` <!DOCTYPE html><html></html>`, "", nil, true},
		{"truncated", `[["timestamp","original","statuscode"],["2023`, "application/json", nil, true},
		{"not rows", `{"rows": []}`, "application/json", nil, true},
		{"unknown fields", `[["urlkey","digest"],["a","b"]]`, "application/json", nil, true},
	}
	for _, tt := range tests {
		got, err := parseCDX([]byte(tt.body), tt.ct)
		var ae *AnswerError
		if tt.bad != errors.As(err, &ae) {
			t.Errorf("%s: parseCDX error = %v, want an *AnswerError: %v", tt.name, err, tt.bad)
			continue
		}
		var stamps []string
		for _, c := range got {
			stamps = append(stamps, c.Timestamp())
		}
		if len(stamps) != len(tt.want) {
			t.Errorf("%s: parseCDX = %v, want %v", tt.name, stamps, tt.want)
			continue
		}
		for i := range stamps {
			if stamps[i] != tt.want[i] {
				t.Errorf("%s: parseCDX = %v, want %v", tt.name, stamps, tt.want)
				break
			}
		}
	}
}

// FuzzParseCDX: whatever the CDX server answers, parsing never panics,
// and every capture it yields has a readable original and a moment.
func FuzzParseCDX(f *testing.F) {
	f.Add([]byte(`[["timestamp","original","statuscode"],["20230102083000","https://a.example/","200"]]`), "application/json")
	f.Add([]byte(`[]`), "application/json")
	f.Add([]byte(`<html>`), "text/html")
	f.Fuzz(func(t *testing.T, body []byte, ct string) {
		caps, err := parseCDX(body, ct)
		if err != nil && len(caps) > 0 {
			t.Fatalf("parseCDX returned captures and an error %v", err)
		}
		for _, c := range caps {
			if c.Original == "" || c.At.IsZero() || c.At.Location() != time.UTC {
				t.Fatalf("parseCDX yielded %+v", c)
			}
		}
	})
}
