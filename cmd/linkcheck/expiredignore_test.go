package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestExpiredIgnore: validate and check agree on the until day (the
// ignore holds through it, in UTC); after it, validate fails while check
// and report check the entry as usual and list the expired ignore.
func TestExpiredIgnore(t *testing.T) {
	catalogWith := func(c *cli) {
		src := strings.Replace(testCatalog, "        url: https://gone.test/post\n",
			"        url: https://gone.test/post\n        ignore: {reason: site migration, until: 2026-03-01}\n", 1)
		src = strings.Replace(src, "        url: https://ok.test/fine\n",
			"        url: https://ok.test/fine\n        ignore: {reason: was down, until: 2026-03-01}\n", 1)
		writeFile(t, filepath.Join(c.dir, "resources.yaml"), src)
	}
	type resultJSON struct {
		ID, Status, Message string
		IgnoreExpired       string `json:"ignore_expired"`
	}
	tests := []struct {
		name         string
		now          time.Time
		validateCode int
		checkCode    int
		want         map[string]resultJSON
	}{
		{"the until day's last second", time.Date(2026, 3, 1, 23, 59, 59, 0, time.UTC), exitOK, exitOK, map[string]resultJSON{
			"gone-post": {Status: "skipped", Message: "ignored until 2026-03-01: site migration"},
			"fine-post": {Status: "skipped", Message: "ignored until 2026-03-01: was down"},
		}},
		{"the day after, in New York's evening", time.Date(2026, 3, 1, 19, 30, 0, 0, time.FixedZone("EST", -5*3600)), exitInvalid, exitFailing, map[string]resultJSON{
			"gone-post": {Status: "broken", Message: "HTTP 404; ignore expired on 2026-03-01 (site migration)", IgnoreExpired: "2026-03-01"},
			"fine-post": {Status: "ok", Message: "HTTP 200; ignore expired on 2026-03-01 (was down)", IgnoreExpired: "2026-03-01"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCLI(t)
			c.now = func() time.Time { return tt.now }
			catalogWith(c)
			cat := filepath.Join(c.dir, "resources.yaml")
			code, stdout, stderr := c.run("validate", "--catalog", cat)
			if code != tt.validateCode {
				t.Errorf("validate exited %d, want %d\n%s%s", code, tt.validateCode, stdout, stderr)
			}
			if tt.validateCode != exitOK && !strings.Contains(stderr, "ignore expired on 2026-03-01") {
				t.Errorf("validate stderr = %q, want the expired ignore named", stderr)
			}
			code, stdout, stderr = c.run("check", "--format", "json")
			if code != tt.checkCode {
				t.Fatalf("check exited %d, want %d\n%s", code, tt.checkCode, stderr)
			}
			var doc struct{ Results []resultJSON }
			if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
				t.Fatal(err)
			}
			for _, r := range doc.Results {
				w, ok := tt.want[r.ID]
				if !ok {
					continue
				}
				w.ID = r.ID
				if r != w {
					t.Errorf("check: %+v, want %+v", r, w)
				}
			}
			if tt.checkCode == exitOK {
				return
			}
			// report lists the expired ignore even where the link works.
			code, stdout, stderr = c.run("report", "--format", "markdown")
			if code != exitOK {
				t.Fatalf("report exited %d: %s", code, stderr)
			}
			for _, want := range []string{"fine-post", "remove the expired ignore", "gone-post", "ignore expired on 2026-03-01"} {
				if !strings.Contains(stdout, want) {
					t.Errorf("report lacks %q:\n%s", want, stdout)
				}
			}
		})
	}
}
