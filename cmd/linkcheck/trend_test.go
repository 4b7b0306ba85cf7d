package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Each completed run adds to the state's trend, and the Markdown report
// draws it from the second run on, also rendered from a saved run.
func TestTrendAcrossRuns(t *testing.T) {
	c := newCLI(t)
	statePath := filepath.Join(c.dir, "state.json")
	results := filepath.Join(c.dir, "results.json")
	week0 := time.Date(2026, 11, 23, 6, 0, 0, 0, time.UTC)
	for week := range 2 {
		c.now = func() time.Time { return week0.AddDate(0, 0, 7*week) }
		code, stdout, stderr := c.run("check", "--state", statePath, "--format", "markdown")
		if code != exitFailing {
			t.Fatalf("week %d: check exited %d: %s", week, code, stderr)
		}
		if drawn := strings.Contains(stdout, "xychart-beta"); drawn != (week > 0) {
			t.Errorf("week %d: chart drawn %v, want %v:\n%s", week, drawn, week > 0, stdout)
		}
		data, err := os.ReadFile(statePath)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Trend []struct {
				At     string         `json:"at"`
				Counts map[string]int `json:"counts"`
			} `json:"trend"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Trend) != week+1 || doc.Trend[week].Counts["broken"] != 1 {
			t.Errorf("week %d: state trend %+v, want %d runs, the last with 1 broken", week, doc.Trend, week+1)
		}
	}
	c.now = func() time.Time { return week0.AddDate(0, 0, 14) }
	if code, _, stderr := c.run("check", "--state", statePath, "--format", "json", "-o", results); code != exitFailing {
		t.Fatalf("check exited %d: %s", code, stderr)
	}
	if data, err := os.ReadFile(results); err != nil {
		t.Fatal(err)
	} else {
		matchReportSchema(t, results, data)
	}
	code, stdout, stderr := c.run("report", "--from", results, "--format", "markdown")
	if code != exitOK || !strings.Contains(stdout, `x-axis ["11-23", "11-30", "12-07"]`) {
		t.Errorf("report --from exited %d (%s) without the three runs' chart:\n%s", code, stderr, stdout)
	}
}
