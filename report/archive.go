package report

import (
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// withArchive adds a gone link's archived copy, or why it has none, to
// what the check found: the copy is where readers can still go, and the
// address a maintainer (or fix --only archived) writes into the catalog.
func withArchive(f finding, r result.Result) finding {
	a := archived(r)
	if a == "" {
		return f
	}
	if f.String() == "" {
		return finding{Text: a}
	}
	return finding{Text: f.String() + "; " + a}
}

// archived is "archived copy from 2023-05-12: URL", the result's archive
// note ("no archived copy of the live page", "archive lookup failed: …",
// "the original is back: `archive` can go"), or both; empty when the run
// looked for no copy.
func archived(r result.Result) string {
	var s string
	if r.ArchiveURL != "" {
		s = "archived copy"
		if !r.ArchivedAt.IsZero() {
			s += " from " + r.ArchivedAt.UTC().Format(dateLayout)
		}
		s += ": " + oneLine(r.ArchiveURL)
	}
	if note := oneLine(r.ArchiveNote); note != "" {
		if s != "" {
			s += "; "
		}
		s += note
	}
	return s
}

// archiveCanGo reports an entry whose archive key is no longer needed: the
// original answers again. Nothing fails, but the key should go, so the
// result is listed like one that needs attention.
func archiveCanGo(r result.Result) bool {
	return r.Status == status.OK && (r.ArchiveURL != "" || r.ArchiveNote != "")
}

// archiveSuggestion is the fix for a gone link with an archived copy, or
// for an archive key the original no longer needs; empty otherwise.
func archiveSuggestion(r result.Result) string {
	switch {
	case archiveCanGo(r):
		return "remove the archive key: the original is back"
	case r.Status == status.Broken && r.ArchiveURL != "":
		return "point readers at the archived copy (fix --only archived adds archive:), or find the new address"
	}
	return ""
}
