package catalogedit

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// rename plans a renamed or transferred repository's new name, on the
// platform API's word (it answered for the old name with the new one):
//
//   - the github field becomes the new name, when the result is about the
//     repository that field names;
//   - the url becomes the checker's FinalURL (the url with the part that
//     named the repository replaced by the repository's new address),
//     when the url names the repository. The same rules as for any move
//     hold: a usable https URL, never an http one in place of https.
func (p *Plan) rename(e catalog.Resource, res result.Result) {
	to := res.CurrentRepo
	switch {
	case to == "":
		p.human(e, res, "moved, but the check recorded no new name")
		return
	case res.Code < 200 || res.Code > 299:
		p.human(e, res, fmt.Sprintf("renamed to %s, but the API's answer was %d", to, res.Code))
		return
	}
	evidence := fmt.Sprintf("the %s API answers for %s as %s", platformName(res.Target), res.Repo, to)
	fromField := res.Target == result.TargetGitHub && e.GitHub != "" && strings.EqualFold(e.GitHub, res.Repo)
	if fromField {
		p.add(e, res, Fix{ID: e.ID, Field: FieldGitHub, Old: e.GitHub, New: to,
			Status: status.Moved, Evidence: evidence, Line: e.Pos.Line})
	}
	if res.FinalURL == "" {
		switch {
		case fromField:
		case res.Target != result.TargetGitHub:
			p.human(e, res, fmt.Sprintf("renamed to %s, but the check recorded no new address", to))
		case !strings.EqualFold(e.GitHub, to): // else fixed already
			// The result is about the github field alone, which no
			// longer names the repository checked: edited since.
			p.stale(e, res, FieldGitHub, e.GitHub, res.Repo)
		}
		return
	}
	switch {
	case e.URL == res.FinalURL: // fixed already
		return
	case e.URL != res.URL:
		p.stale(e, res, FieldURL, e.URL, res.URL)
		return
	}
	if why := unusable(e.URL, res.FinalURL); why != "" {
		p.human(e, res, fmt.Sprintf("renamed to %s, but its new address is %s", to, why))
		return
	}
	if e.Archive != "" {
		// As for a move: the archive is a copy of the old url.
		p.human(e, res, fmt.Sprintf("renamed to %s, which answers again: remove archive and replace url", to))
		return
	}
	p.add(e, res, Fix{ID: e.ID, Field: FieldURL, Old: e.URL, New: res.FinalURL,
		Status: status.Moved, Evidence: evidence, Line: e.Pos.Line})
}

// unusable says why to cannot replace from as an entry's url
// ("http://a.test/p, which is not https: check it by hand"), or returns "".
func unusable(from, to string) string {
	u, err := url.Parse(to)
	switch {
	case err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil:
		return fmt.Sprintf("%q, which is not a usable http(s) URL", to)
	case u.Scheme == "http" && strings.HasPrefix(strings.ToLower(from), "https:"):
		return fmt.Sprintf("%s, which is not https: check it by hand", to)
	}
	return ""
}

// platformName names a repository target's platform for people.
func platformName(t result.TargetKind) string {
	switch t {
	case result.TargetGitHub:
		return "GitHub"
	case result.TargetHuggingFace:
		return "Hugging Face"
	}
	return string(t)
}
