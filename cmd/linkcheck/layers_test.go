package main

import (
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

// TestSettingsLayers: every key of the catalog's settings is honoured when
// written, an explicit zero included, and loses to its flag when the flag
// is given. A key added to the schema fails the test until it is layered.
func TestSettingsLayers(t *testing.T) {
	tests := []struct {
		key     string
		setting string                    // the settings line
		flag    []string                  // a flag overriding it, if any
		got     func(checker.Options) any // the option it sets
		want    any                       // from the settings
		flagged any                       // from the flag
	}{
		{"concurrency", "concurrency: 5", []string{"--concurrency", "7"}, func(o checker.Options) any { return o.Concurrency }, 5, 7},
		{"host_concurrency", "host_concurrency: 1", []string{"--host-concurrency", "3"}, func(o checker.Options) any { return o.HostConcurrency }, 1, 3},
		{"host_rate", "host_rate: 1/4s", []string{"--host-rate", "5"}, func(o checker.Options) any { return o.HostRate }, 0.25, 5.0},
		{"request_timeout", "request_timeout: 7s", []string{"--request-timeout", "9s"}, func(o checker.Options) any { return o.RequestTimeout }, 7 * time.Second, 9 * time.Second},
		{"retries", "retries: 0", []string{"--retries", "2"}, func(o checker.Options) any { return o.Retries }, checker.NoRetries, 2},
		{"stale_after", "stale_after: 30d", []string{"--stale-after", "10d"}, func(o checker.Options) any { return o.StaleAfter }, 30 * 24 * time.Hour, 10 * 24 * time.Hour},
		{"hosts", "hosts: {ok.test: {rate: 1/3s, burst: 1, concurrency: 1}}", nil, func(o checker.Options) any { return o.Hosts["ok.test"] }, checker.HostLimit{Rate: 1.0 / 3, Burst: 1, Concurrency: 1}, nil},
		{"archive", "archive: false", []string{"--archive=true"}, func(o checker.Options) any { return o.Archive }, false, true},
		// state is the history file, not a checker option: history_test.go.
		{"state", "state: s.json", nil, nil, nil, nil},
	}
	var covered []string
	for _, tt := range tests {
		covered = append(covered, tt.key)
		if _, ok := settingFlags[tt.key]; !ok {
			t.Errorf("settingFlags lacks %q", tt.key)
		}
		if tt.got == nil {
			continue
		}
		t.Run(tt.key, func(t *testing.T) {
			cat, err := catalog.Parse("c.yaml", strings.NewReader("version: 1\nsettings:\n  "+tt.setting+"\nsections: []\n"))
			if err != nil {
				t.Fatal(err)
			}
			if got := tt.got(options(t, cat)); got != tt.want {
				t.Errorf("settings %q: option = %v, want %v", tt.setting, got, tt.want)
			}
			if tt.flag != nil {
				if got := tt.got(options(t, cat, tt.flag...)); got != tt.flagged {
					t.Errorf("settings %q with %v: option = %v, want the flag's %v", tt.setting, tt.flag, got, tt.flagged)
				}
			}
		})
	}
	for _, key := range catalog.SettingsKeys() {
		if !slices.Contains(covered, key) {
			t.Errorf("settings key %q has no case here: decide how it layers under the flags", key)
		}
	}
}

// options returns the checker options check would use for cat with args.
func options(t *testing.T, cat *catalog.Catalog, args ...string) checker.Options {
	t.Helper()
	f := &checkFlags{}
	cmd := &cobra.Command{}
	f.register(cmd)
	if err := cmd.ParseFlags(args); err != nil {
		t.Fatal(err)
	}
	opts, err := f.options(env{Now: time.Now}, cat)
	if err != nil {
		t.Fatal(err)
	}
	return opts
}

// TestRetriesZeroInSettings: "retries: 0" means a failing link is asked
// once, not four times.
func TestRetriesZeroInSettings(t *testing.T) {
	c := newCLI(t)
	c.web.Handle("flaky.test", fakeweb.Status(http.StatusServiceUnavailable))
	writeFile(t, filepath.Join(c.dir, "resources.yaml"), `version: 1
settings:
  retries: 0
sections:
  - id: posts
    title: Posts
    resources:
      - id: flaky
        title: A flaky post
        kind: post
        url: https://flaky.test/post
`)
	if code, _, stderr := c.run("check"); code != exitOK {
		t.Fatalf("check exited %d: %s", code, stderr)
	}
	if n := c.web.Requests("flaky.test"); n != 1 {
		t.Errorf("flaky.test got %d requests, want 1 (settings say no retries)", n)
	}
}

// TestUsageErrorsForLimits: a limit flag is honoured or refused, never
// silently replaced by a default.
func TestUsageErrorsForLimits(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--concurrency", "0"}, "invalid --concurrency 0: want at least 1"},
		{[]string{"--host-concurrency", "0"}, "invalid --host-concurrency 0"},
		{[]string{"--host-rate", "0"}, "invalid --host-rate 0"},
		{[]string{"--host-rate", "-1"}, "invalid --host-rate -1"},
		{[]string{"--request-timeout", "0s"}, "invalid --request-timeout 0s"},
		{[]string{"--max-retry-wait", "0s"}, "invalid --max-retry-wait 0s"},
		{[]string{"--max-body", "0"}, "invalid --max-body 0"},
		{[]string{"--retries", "-1"}, "invalid --retries -1"},
		{[]string{"--timeout", "-1s"}, "invalid --timeout -1s"},
		{[]string{"--stale-after", "0d"}, "invalid --stale-after 0d: want a positive age"},
		{[]string{"--stale-after", "0w"}, "invalid --stale-after 0d: want a positive age"},
		{[]string{"--header", "ok.test:443=Authorization: Bearer x"}, `header host "ok.test:443" can never match`},
		{[]string{"--header", "https://ok.test=Authorization: Bearer x"}, `header host "https://ok.test" can never match`},
		{[]string{"--header", "ok.test/api=Authorization: Bearer x"}, `header host "ok.test/api" can never match`},
	}
	c := newCLI(t)
	for _, tt := range tests {
		for _, cmd := range []string{"check", "report"} {
			args := append([]string{cmd}, tt.args...)
			code, stdout, stderr := c.run(args...)
			if code != exitInvalid || !strings.Contains(stderr, tt.want) {
				t.Errorf("linkcheck %v = exit %d, stderr %q; want exit 2 and %q", args, code, stderr, tt.want)
			}
			if strings.Contains(stderr, "Bearer") || strings.Contains(stdout, "Bearer") {
				t.Errorf("linkcheck %v printed the header's value", args)
			}
		}
	}
	for _, ok := range [][]string{{"--retries", "0"}, {"--timeout", "0"}, {"--header", "ok.test=X-Token: 1"}, {"--header", "::1=X-Token: 1"}} {
		if code, _, stderr := c.run(append([]string{"check", "--fail-on", ""}, ok...)...); code != exitOK {
			t.Errorf("linkcheck check %v exited %d, want 0: %s", ok, code, stderr)
		}
	}
}
