package github

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker/verifier"
)

// ownerName and repoName are GitHub's rules for the two parts of a
// repository's name.
var (
	ownerName = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9]|-[A-Za-z0-9]){0,38}$`)
	repoName  = regexp.MustCompile(`^[A-Za-z0-9._-]+$`)
)

// notOwners are github.com's own top-level pages: /topics/llm or
// /orgs/x/repositories name no repository.
var notOwners = map[string]bool{
	"about": true, "account": true, "apps": true, "blog": true, "collections": true, "contact": true,
	"customer-stories": true, "dashboard": true, "enterprise": true, "events": true, "explore": true,
	"features": true, "github-copilot": true, "issues": true, "join": true, "login": true, "logout": true,
	"marketplace": true, "new": true, "notifications": true, "organizations": true, "orgs": true,
	"pricing": true, "pulls": true, "readme": true, "search": true, "security": true, "settings": true,
	"signup": true, "site": true, "sponsors": true, "stars": true, "team": true, "topics": true,
	"trending": true, "users": true, "codespaces": true, "copilot": true, "resources": true, "solutions": true,
}

// repoPages are the pages below a repository whose URL names it for this
// check: its tree, files and releases. Other pages (issues, wikis, pull
// requests) are checked as pages only.
var repoPages = map[string]bool{"tree": true, "blob": true, "releases": true}

// Claims implements verifier.Verifier: the entry's github field, and its
// URL when that is a github.com repository or a tree, file or release
// below one. A URL that is the repository's root is answered by the API
// alone (github.com's pages rate-limit hard); a deeper URL still gets its
// page checked.
func (c *Client) Claims(r *catalog.Resource) []verifier.Claim {
	var out []verifier.Claim
	add := func(cl verifier.Claim) {
		for i := range out {
			if out[i].Target == cl.Target {
				if cl.URLPrefix != "" {
					out[i].URLPrefix, out[i].CoversURL = cl.URLPrefix, cl.CoversURL
				}
				return
			}
		}
		out = append(out, cl)
	}
	if owner, name, ok := strings.Cut(r.GitHub, "/"); ok && validName(owner, name) {
		add(claim(owner, name))
	}
	if r.URL != "" {
		if cl, ok := urlClaim(r.URL); ok {
			add(cl)
		}
	}
	return out
}

func claim(owner, name string) verifier.Claim {
	repo := owner + "/" + name
	return verifier.Claim{Target: verifier.Target{Kind: Kind, Key: strings.ToLower(repo)}, Repo: repo}
}

func validName(owner, name string) bool {
	return ownerName.MatchString(owner) && repoName.MatchString(name) && name != "." && name != ".."
}

// urlClaim reads the repository a github.com URL names, if any.
func urlClaim(raw string) (verifier.Claim, bool) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return verifier.Claim{}, false
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if (host != "github.com" && host != "www.github.com") || u.Port() != "" {
		return verifier.Claim{}, false
	}
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	if len(segs) < 2 || notOwners[strings.ToLower(segs[0])] {
		return verifier.Claim{}, false
	}
	owner, name := segs[0], strings.TrimSuffix(segs[1], ".git")
	if !validName(owner, name) {
		return verifier.Claim{}, false
	}
	root := len(segs) == 2
	if !root && !repoPages[segs[2]] {
		return verifier.Claim{}, false
	}
	cl := claim(owner, name)
	cl.URLPrefix = u.Scheme + "://" + u.Host + "/" + segs[0] + "/" + segs[1]
	// Only an https root is answered by the API alone: an http URL's
	// upgrade to https is the page check's to report.
	cl.CoversURL = root && u.Scheme == "https"
	return cl, true
}
