package main

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/checker"
)

func TestVersionOf(t *testing.T) {
	const rev = "147d5ad4e633de5be52117b43505a5d36d276914"
	vcs := func(modified string) []debug.BuildSetting {
		return []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: rev},
			{Key: "vcs.time", Value: "2026-12-02T16:21:00Z"},
			{Key: "vcs.modified", Value: modified},
		}
	}
	build := func(version string, settings []debug.BuildSetting) *debug.BuildInfo {
		return &debug.BuildInfo{Main: debug.Module{Path: "github.com/ai-reading-list/linkcheck", Version: version}, Settings: settings}
	}
	tests := []struct {
		name    string
		ldflags string
		info    *debug.BuildInfo
		ok      bool
		want    string
	}{
		{"go install at a tag", "", build("v1.2.3", nil), true, "v1.2.3"},
		{"go install @latest of an untagged commit", "", build("v0.0.0-20261202162100-147d5ad4e633", nil), true, "v0.0.0-20261202162100-147d5ad4e633"},
		{"clone, clean, at a tag", "", build("v1.2.3", vcs("false")), true, "v1.2.3"},
		{"clone, clean, after a tag", "", build("v1.2.4-0.20261202162100-147d5ad4e633", vcs("false")), true, "devel+147d5ad"},
		{"clone, clean, no tag", "", build("v0.0.0-20261202162100-147d5ad4e633", vcs("false")), true, "devel+147d5ad"},
		{"clone with changes", "", build("v0.0.0-20261202162100-147d5ad4e633+dirty", vcs("true")), true, "devel+147d5ad-dirty"},
		{"clone with changes, at a tag", "", build("v1.2.3+dirty", vcs("true")), true, "devel+147d5ad-dirty"},
		{"clone, older go: no module version", "", build("(devel)", vcs("false")), true, "devel+147d5ad"},
		{"no VCS information", "", build("(devel)", nil), true, "devel"},
		{"no build information", "", nil, false, "devel"},
		{"set at link time", "v2.0.0", build("(devel)", vcs("true")), true, "v2.0.0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := versionOf(tt.ldflags, tt.info, tt.ok)
			if got != tt.want {
				t.Errorf("versionOf(%q, %+v) = %q, want %q", tt.ldflags, tt.info, got, tt.want)
			}
			// A User-Agent's product version is a token: no parentheses,
			// spaces or slashes.
			if ua := checker.DefaultUserAgent(got); !strings.HasPrefix(ua, "linkcheck/"+got+" ") || strings.ContainsAny(got, "() /") {
				t.Errorf("User-Agent %q: version %q is not a product token", ua, got)
			}
		})
	}
}
