package report

import (
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// docsURL is where the tool's documentation lives; SARIF rules link into it.
const docsURL = "https://github.com/ai-reading-list/linkcheck/blob/main/docs/"

// InformationURI is the tool's home, named by SARIF's tool.driver.
const InformationURI = "https://github.com/ai-reading-list/linkcheck"

// ruleText describes one kind of finding: short is a rule's title in
// code scanning, full says what it means and what to do.
type ruleText struct {
	short, full string
}

// statusRules describes every status that needs attention, one SARIF rule
// each. The rules are derived from status.All, so a new status needs only
// its line here (a test fails until it has one).
var statusRules = map[status.Status]ruleText{
	status.Broken: {"Broken link",
		"The resource is gone: 404, 410 or another 4xx, no such host, a redirect loop, a soft 404, a redirect to the site's home page, a parked domain, an unknown or withdrawn arXiv paper, or a repository that is gone, disabled or private. Remove the entry or find its new address."},
	status.Moved: {"Moved link",
		"A permanent redirect (301, 308, http to https) or a renamed or transferred repository. Replace the address with the new one."},
	status.Retitled: {"Retitled paper",
		"arXiv's current title differs from the catalog's title. Update the title, or check that the ID names the paper the entry means."},
	status.Updated: {"Newer paper version",
		"The catalog pins an arXiv version older than the latest. Pin the latest version or drop the version."},
	status.Stale: {"Stale resource",
		"The resource exists but is no longer maintained or running: an archived repository, no push for longer than the stale threshold, or a paused or stopped Space. Replace it or accept it with a reason."},
	status.Blocked: {"Blocked check",
		"The site refused an automated client (401, 403, 429, 999 or a bot challenge), so the link could not be verified. Check it by hand."},
	status.Timeout: {"Timed-out check",
		"No answer within the request timeout, after retries. Check it by hand or retry later."},
	status.Error: {"Failed check",
		"A TLS failure, a refused or reset connection, or a 5xx answer after retries. Check it by hand."},
	status.Archived: {"Archived copy in use",
		"The link is gone, and the entry's archive key names a Wayback Machine copy of the live page that still plays back: readers are served by the copy. Nothing to do until the original answers again."},
	status.Redirected: {"Temporary redirect",
		"Only temporary redirects (302, 303, 307, meta refresh) lead to the page. Keep the address unless the redirect is permanent in practice."},
}

// Findings that are not a status: a page whose title changed since the
// last run, and an ignore whose until date has passed.
const (
	ruleTitleChanged  = "title-changed"
	ruleIgnoreExpired = "ignore-expired"
	ruleArchiveCanGo  = "archive-can-go"
)

// sarifStatus reports whether results with status s are alerts of their
// own rule: every status that needs attention, and archived, which needs
// none but tells readers of the catalog that a link serves a copy.
func sarifStatus(s status.Status) bool {
	return s.Attention() || s == status.Archived
}

// sarifRuleDef is one rule of the driver: an id, its text and where the docs
// explain it.
type sarifRuleDef struct {
	id   string
	text ruleText
	help string
}

// sarifRules lists every kind of finding a SARIF report can hold: each
// status that needs attention, in severity order, then the findings that
// are not a status. The list does not depend on the run, so that rule
// indexes stay put between runs.
func sarifRules() []sarifRuleDef {
	var rules []sarifRuleDef
	for _, s := range status.All() {
		if !sarifStatus(s) {
			continue
		}
		text, ok := statusRules[s]
		if !ok {
			text = ruleText{short: "Status " + s.String(), full: "The check's status is " + s.String() + "."}
		}
		rules = append(rules, sarifRuleDef{id: s.String(), text: text, help: docsURL + "checks.md#statuses"})
	}
	return append(rules,
		sarifRuleDef{id: ruleTitleChanged, help: docsURL + "history.md", text: ruleText{"Page title changed",
			"The page's title changed since the last run although the link works: it may have become another page. Check that the page is still the one the entry means."}},
		sarifRuleDef{id: ruleIgnoreExpired, help: docsURL + "catalog.md", text: ruleText{"Expired ignore",
			"The entry's ignore has passed its until date, so the entry is checked again. Remove the ignore if the link works, or fix the link or extend the until date."}},
		sarifRuleDef{id: ruleArchiveCanGo, help: docsURL + "checks.md#archived-copies-of-gone-links", text: ruleText{"Archive no longer needed",
			"The entry's link answers again, so its archive key, which points readers at an archived copy, can go."}},
	)
}

// ruleFor is the kind of finding r is, "" when it is none (a link that is
// fine).
func ruleFor(r result.Result) string {
	switch {
	case sarifStatus(r.Status):
		return r.Status.String()
	case archiveCanGo(r):
		return ruleArchiveCanGo
	case r.History.PreviousTitle != "":
		return ruleTitleChanged
	case !r.IgnoreExpired.IsZero():
		return ruleIgnoreExpired
	}
	return ""
}
