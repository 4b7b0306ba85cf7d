package catalogedit

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// update plans moving a pinned arXiv version to the latest, in arxiv and in
// an arxiv.org url that pins the same version. The pin comes from the
// catalog itself; the result's arxiv, when it carries a version, must agree.
func (p *Plan) update(e catalog.Resource, res result.Result) {
	if res.Target != result.TargetArxiv {
		p.human(e, res, humanReason(res))
		return
	}
	pinned, err := catalog.ParseArxivID(e.Arxiv)
	if err != nil || pinned.Version == 0 || res.Version <= pinned.Version {
		return
	}
	if checked, err := catalog.ParseArxivID(res.Arxiv); err != nil || checked.ID != pinned.ID ||
		(checked.Version != 0 && checked.Version != pinned.Version) {
		p.stale(e, res, FieldArxiv, e.Arxiv, res.Arxiv)
		return
	}
	evidence := fmt.Sprintf("arXiv's latest version is v%d", res.Version)
	if !res.VersionDate.IsZero() {
		evidence += " (" + res.VersionDate.Format("2006-01-02") + ")"
	}
	latest := catalog.ArxivID{ID: pinned.ID, Version: res.Version}
	newID, ok := repin(e.Arxiv, pinned.Version, res.Version, func(s string) bool {
		a, err := catalog.ParseArxivID(s)
		return err == nil && a == latest
	})
	if !ok {
		p.human(e, res, fmt.Sprintf("a newer version exists (v%d), but %q could not be rewritten: edit it by hand", res.Version, e.Arxiv))
		return
	}
	p.add(e, res, Fix{ID: e.ID, Field: FieldArxiv, Old: e.Arxiv, New: newID,
		Status: status.Updated, Evidence: evidence, Line: e.Pos.Line})
	if inURL, ok := catalog.ArxivIDFromURL(e.URL); ok && inURL == pinned {
		newURL, ok := repin(e.URL, pinned.Version, res.Version, func(s string) bool {
			a, ok := catalog.ArxivIDFromURL(s)
			return ok && a == latest
		})
		if ok {
			p.add(e, res, Fix{ID: e.ID, Field: FieldURL, Old: e.URL, New: newURL,
				Status: status.Updated, Evidence: evidence, Line: e.Pos.Line})
		}
	}
}

// repin replaces the last "vN" (N = from, right after a digit and not
// followed by one) in s with "v<to>", keeping the v's case, and accepts
// the result only if check does: "arXiv:1706.03762v5" and
// "https://arxiv.org/pdf/1706.03762v5.pdf" keep their form.
func repin(s string, from, to int, check func(string) bool) (string, bool) {
	n := strconv.Itoa(from)
	for i := len(s) - len(n) - 1; i >= 1; i-- {
		if (s[i] != 'v' && s[i] != 'V') || !isDigit(s[i-1]) || !strings.HasPrefix(s[i+1:], n) {
			continue
		}
		if end := i + 1 + len(n); end < len(s) && isDigit(s[end]) {
			continue
		}
		out := s[:i+1] + strconv.Itoa(to) + s[i+1+len(n):]
		if check(out) {
			return out, true
		}
		return "", false
	}
	return "", false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// Describe says in one line what a fix changes, for people.
func (f Fix) Describe() string {
	return fmt.Sprintf("%s: %s %q → %q (%s: %s)", f.ID, f.Field, f.Old, f.New, f.Status, f.Evidence)
}
