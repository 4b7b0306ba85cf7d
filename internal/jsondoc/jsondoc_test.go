package jsondoc

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		name, data, want string
		notJSON          bool
	}{
		{"object", `{"schema": "x"}`, "", false},
		{"empty", "", "nothing (the file is empty)", false},
		{"blank", " \n\t", "nothing (the file is empty)", false},
		{"array", `[{"schema": "x"}]`, "a JSON array", false},
		{"string", `"x"`, "a JSON string", false},
		{"number", `42`, "a JSON number", false},
		{"boolean", `true`, "a JSON boolean", false},
		{"null", `null`, "JSON null", false},
		{"a catalog", "version: 1\nsections:\n  - id: s\n", "YAML, perhaps a catalog", true},
		{"a commented catalog", "# reading list\nversion: 1\n", "YAML, perhaps a catalog", true},
		{"cut short", `{"schema": "x", "targets": {`, "text that is not JSON", true},
		{"prose", "hello world", "text that is not JSON", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Sniff([]byte(tt.data))
			if got != tt.want || (err != nil) != tt.notJSON {
				t.Errorf("Sniff(%q) = %q, %v; want %q, error %v", tt.data, got, err, tt.want, tt.notJSON)
			}
			if err != nil && (strings.Contains(err.Error(), "Go ") || !strings.Contains(err.Error(), "line ")) {
				t.Errorf("Sniff(%q) error %q: want a position and no Go type", tt.data, err)
			}
		})
	}
}

func TestProblem(t *testing.T) {
	type target struct {
		Runs  int    `json:"runs"`
		Since string `json:"since"`
	}
	type doc struct {
		Schema  string            `json:"schema"`
		Targets map[string]target `json:"targets"`
	}
	tests := []struct {
		name, data, want string
	}{
		{"string for a number", "{\n  \"targets\": {\"a/url\": {\"runs\": \"3\"}}\n}", `line 2, column 35: targets.runs: want a whole number, got a string`},
		{"fraction for a whole number", `{"targets": {"a/url": {"runs": 1.5}}}`, `line 1, column 34: targets.runs: want a whole number, got the number 1.5`},
		{"array for an object", `{"targets": [1]}`, `line 1, column 13: targets: want an object, got an array`},
		{"number for a string", `{"schema": 3}`, `line 1, column 12: schema: want a string, got a number`},
		{"syntax", "{\n  \"schema\": \"x\",\n}", `line 3, column 1: invalid character '}' looking for beginning of object key string`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			err := json.Unmarshal([]byte(tt.data), &d)
			if err == nil {
				t.Fatalf("json.Unmarshal(%q) succeeded", tt.data)
			}
			got := Problem([]byte(tt.data), err)
			if got.Error() != tt.want {
				t.Errorf("Problem(%q) = %q, want %q", tt.data, got, tt.want)
			}
			if strings.Contains(got.Error(), "Go ") || strings.Contains(got.Error(), "main.") || strings.Contains(got.Error(), "jsondoc.") {
				t.Errorf("Problem(%q) = %q names a Go type", tt.data, got)
			}
		})
	}
}
