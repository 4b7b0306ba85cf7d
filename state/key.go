package state

import (
	"strings"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/result"
)

// Key names one checked target: a catalog entry, the kind of target, and
// the target itself. An entry whose URL, paper or repository changes names
// another target, whose history starts afresh: a new URL does not inherit
// the old one's streak, and two repositories named by one entry (a
// github: field and a github.com url naming another) have a history each.
type Key struct {
	ID     string
	Target result.TargetKind
	// Subject is the target in a form that does not change with how it is
	// written: the normalized URL, the arXiv ID without its version (a
	// newer pinned version is the same paper), the repository. It is ""
	// only for a repository remembered by a linkcheck that did not record
	// which one (see legacyOf).
	Subject string
}

// String is the key as messages and the document write it when an entry
// has one target of the kind: "attention/arxiv".
func (k Key) String() string { return k.ID + "/" + string(k.Target) }

// KeyOf returns the key of a result.
func KeyOf(r result.Result) Key {
	return Key{ID: r.ID, Target: r.Target, Subject: subject(r.Target, r.URL, r.Arxiv, r.Repo)}
}

// subject is the Subject of a target of kind that was checked at url,
// names the paper arxiv or the repository repo.
func subject(kind result.TargetKind, url, arxiv, repo string) string {
	switch kind {
	case result.TargetArxiv:
		if id, err := catalog.ParseArxivID(arxiv); err == nil {
			return id.ID
		}
		return arxiv
	case result.TargetGitHub:
		// GitHub's names are case-insensitive: Owner/Repo is owner/repo.
		return strings.ToLower(repo)
	case result.TargetHuggingFace:
		return repo
	}
	if n, err := catalog.NormalizeURL(url); err == nil {
		return n
	}
	return url
}

// repoOf is the repository a key names, "" for a URL or a paper.
func repoOf(k Key) string {
	if k.Target == result.TargetGitHub || k.Target == result.TargetHuggingFace {
		return k.Subject
	}
	return ""
}
