package huggingface

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker/verifier"
)

// repoPart is the Hub's rule for the owner and the name of a repository.
var repoPart = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$`)

// sections are the Hub's own top-level pages, which are not owners:
// /blog/rlhf is a blog post, not a model named rlhf of a user named blog.
// An unknown section read as a model would give a false broken, so the
// list errs on the side of more.
var sections = map[string]bool{
	"api": true, "autotrain": true, "blog": true, "brand": true, "changelog": true, "chat": true,
	"collections": true, "competitions": true, "course": true, "datasets": true, "docs": true,
	"enterprise": true, "hardware": true, "huggingchat": true, "inference": true, "inference-api": true,
	"inference-endpoints": true, "join": true, "leaderboards": true, "learn": true, "login": true,
	"logout": true, "mcp": true, "models": true, "new": true, "new-collection": true, "new-dataset": true,
	"new-space": true, "notifications": true, "organizations": true, "papers": true, "posts": true,
	"pricing": true, "privacy": true, "pro": true, "search": true, "security": true, "settings": true,
	"spaces": true, "storage": true, "support": true, "tasks": true, "terms-of-service": true,
	"transformers": true, "welcome": true,
}

// repoPages are the pages below a repository that still name it: its
// files, history and discussions. Any other deeper path is left to the
// page check, since its kind is unclear.
var repoPages = map[string]bool{
	"tree": true, "blob": true, "resolve": true, "raw": true, "commits": true, "commit": true,
	"discussions": true,
}

// Claims implements verifier.Verifier: the entry's URL when it names a
// Space (/spaces/owner/name), a dataset (/datasets/owner/name) or a model
// (/owner/name), or a page below one. The page is still checked: the API
// says what the page cannot.
func (c *Client) Claims(r *catalog.Resource) []verifier.Claim {
	if r.URL == "" {
		return nil
	}
	cl, ok := urlClaim(r.URL)
	if !ok {
		return nil
	}
	return []verifier.Claim{cl}
}

// urlClaim reads the repository a huggingface.co URL names, if any.
func urlClaim(raw string) (verifier.Claim, bool) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Port() != "" {
		return verifier.Claim{}, false
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host != "huggingface.co" && host != "www.huggingface.co" {
		return verifier.Claim{}, false
	}
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	prefix := ""
	switch segs[0] {
	case "spaces", "datasets":
		prefix, segs = segs[0]+"/", segs[1:]
	default:
		if sections[strings.ToLower(segs[0])] {
			return verifier.Claim{}, false
		}
	}
	if len(segs) < 2 || !repoPart.MatchString(segs[0]) || !repoPart.MatchString(segs[1]) {
		return verifier.Claim{}, false
	}
	if len(segs) > 2 && !repoPages[segs[2]] {
		return verifier.Claim{}, false
	}
	repo := prefix + segs[0] + "/" + segs[1]
	return verifier.Claim{
		// The key keeps the URL's case: the API is asked for the name as written.
		Target:    verifier.Target{Kind: Kind, Key: repo},
		Repo:      repo,
		URLPrefix: u.Scheme + "://" + u.Host + "/" + repo,
	}, true
}
