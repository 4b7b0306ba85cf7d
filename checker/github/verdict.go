package github

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/ai-reading-list/linkcheck/checker/verifier"
	"github.com/ai-reading-list/linkcheck/status"
)

// repository is the part of the API's repository object this check reads.
// updated_at is left out on purpose: it changes with every star.
type repository struct {
	FullName string     `json:"full_name"`
	HTMLURL  string     `json:"html_url"`
	Archived bool       `json:"archived"`
	Disabled bool       `json:"disabled"`
	Private  bool       `json:"private"`
	PushedAt *time.Time `json:"pushed_at"`
}

const dateLayout = "2006-01-02"

// repoVerdict judges a repository the API answered for the name asked.
// In order: disabled or private (readers cannot open it) is broken; a
// different name is a move (the API redirected); archived, or no push for
// longer than staleAfter, is stale.
func repoVerdict(asked string, repo repository, now time.Time, staleAfter time.Duration) verifier.Verdict {
	v := verifier.Verdict{Status: status.OK, Code: http.StatusOK}
	if repo.PushedAt != nil {
		v.PushedAt = repo.PushedAt.UTC()
	}
	var notes []string
	switch {
	case repo.Archived && repo.PushedAt != nil:
		notes = append(notes, fmt.Sprintf("archived on GitHub (last push %s)", v.PushedAt.Format(dateLayout)))
	case repo.Archived:
		notes = append(notes, "archived on GitHub")
	case repo.PushedAt != nil && now.Sub(v.PushedAt) > staleAfter:
		notes = append(notes, fmt.Sprintf("no push since %s (more than %d days)", v.PushedAt.Format(dateLayout), int(staleAfter.Hours()/24)))
	}
	if len(notes) > 0 {
		v.Status = status.Stale
	}
	renamed := repo.FullName != "" && !strings.EqualFold(repo.FullName, asked)
	if renamed {
		v.Status, v.CurrentRepo, v.URL = status.Moved, repo.FullName, repo.HTMLURL
		notes = append([]string{"renamed or transferred to " + repo.FullName}, notes...)
	}
	switch {
	case repo.Disabled:
		v.Status = status.Broken
		notes = append([]string{"disabled on GitHub"}, notes...)
	case repo.Private:
		v.Status = status.Broken
		notes = append([]string{"private on GitHub: readers cannot open it"}, notes...)
	}
	if len(notes) == 0 && repo.PushedAt != nil {
		notes = append(notes, "last push "+v.PushedAt.Format(dateLayout))
	}
	v.Message = strings.Join(notes, "; ")
	return v
}

// answerVerdict judges the API's last answer for a repository: the JSON
// of a 200, or what its status says. withToken says whether the request
// carried a token (a private repository is a 404 without one).
func answerVerdict(asked string, r replyFacts, now time.Time, staleAfter time.Duration) verifier.Verdict {
	switch code := r.code; {
	case code == http.StatusOK:
		var repo repository
		if err := json.Unmarshal(r.body, &repo); err != nil || repo.FullName == "" {
			return verifier.Verdict{Status: status.Error, Code: code, Message: "GitHub API: unreadable answer"}
		}
		return repoVerdict(asked, repo, now, staleAfter)
	case code == http.StatusNotFound && r.withToken:
		return verifier.Verdict{Status: status.Broken, Code: code, Message: "not found on GitHub, or private and out of the token's reach"}
	case code == http.StatusNotFound:
		return verifier.Verdict{Status: status.Broken, Code: code, Message: "not found on GitHub (a private repository looks the same without a token)"}
	case code == http.StatusUnavailableForLegalReasons:
		return verifier.Verdict{Status: status.Broken, Code: code, Message: "blocked on GitHub for legal reasons (HTTP 451)"}
	case code == http.StatusGone:
		return verifier.Verdict{Status: status.Broken, Code: code, Message: "gone from GitHub (HTTP 410)"}
	case code == http.StatusUnauthorized:
		return verifier.Verdict{Status: status.Blocked, Code: code, Message: "GitHub API refused the token (HTTP 401)"}
	case code == http.StatusForbidden || code == http.StatusTooManyRequests:
		return verifier.Verdict{Status: status.Blocked, Code: code, Message: fmt.Sprintf("GitHub API refused the request (HTTP %d)", code)}
	case code >= 300 && code < 400:
		return verifier.Verdict{Status: status.Error, Code: code, Message: fmt.Sprintf("GitHub API: redirect (HTTP %d) that cannot be followed", code)}
	}
	return verifier.Verdict{Status: status.Error, Code: r.code, Message: fmt.Sprintf("GitHub API unavailable (HTTP %d)", r.code)}
}

// replyFacts is what answerVerdict needs of an API reply.
type replyFacts struct {
	code      int
	body      []byte
	withToken bool
}
