package main

import (
	"regexp"
	"runtime/debug"
	"strings"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3"; it
// wins over what the build info says.
var version string

// buildVersion names this binary for --version and the User-Agent.
func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	return versionOf(version, info, ok)
}

// pseudoVersion matches the versions the go command makes up for a commit
// without a tag (v0.0.0-20261202162100-147d5ad4e633, also after a tag and
// with +dirty): they name a revision, not a release.
var pseudoVersion = regexp.MustCompile(`[-.]\d{14}-[0-9a-f]{12}(\+.*)?$`)

// versionOf names a build, so that a bug report or a site operator reading
// the User-Agent can tell which code ran:
//   - the version given at link time, when there is one;
//   - a binary built in a clone (the build info holds vcs.revision): its
//     release tag when built exactly at one with no local change, else
//     "devel+" and the short revision, with "-dirty" when the tree had
//     uncommitted changes;
//   - a binary installed with go install …@v1.2.3 (the module proxy's copy
//     has no VCS information): the module version, a pseudo-version for an
//     untagged commit included;
//   - "devel" when nothing is known (go run or go build with
//     -buildvcs=false, or a copy of the source outside version control).
//
// The parentheses of Go's "(devel)" are left out: they are not allowed in
// a User-Agent's product version.
func versionOf(ldflags string, info *debug.BuildInfo, ok bool) string {
	if ldflags != "" {
		return ldflags
	}
	if !ok || info == nil {
		return "devel"
	}
	var revision string
	var modified bool
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	module := info.Main.Version
	known := module != "" && module != "(devel)"
	switch {
	case revision != "":
		if known && !modified && !pseudoVersion.MatchString(module) && !strings.Contains(module, "+") {
			return module
		}
		v := "devel+" + revision[:min(len(revision), 7)]
		if modified {
			v += "-dirty"
		}
		return v
	case known:
		return module
	}
	return "devel"
}
