package catalog

import (
	"strings"

	"github.com/ai-reading-list/linkcheck/status"
)

// accept checks one item of a resource's accept list.
func (v *validator) accept(a *Accept) {
	hasStatus := has(a.Fields, "status", a.Status != status.Unknown)
	hasCode := has(a.Fields, "code", a.Code != 0)
	switch {
	case hasStatus && hasCode:
		v.add(a.Pos, "accept item must have exactly one of status or code, not both")
	case !hasStatus && !hasCode:
		if !isMisspelt(v.c.misspelt, a.Pos, "status") && !isMisspelt(v.c.misspelt, a.Pos, "code") {
			v.add(a.Pos, "accept item needs a status or a code")
		}
	case hasStatus && (a.Status == status.OK || a.Status == status.Skipped):
		v.add(fieldPos(a.Fields, "status", a.Pos), "accept status %q has no effect: %s results never fail a run", a.Status, a.Status)
	case hasCode && (a.Code < 100 || a.Code > 999):
		v.add(fieldPos(a.Fields, "code", a.Pos), "code %d is not an HTTP status code (want 100-999)", a.Code)
	}
	v.reason(a.Reason, a.Fields, a.Pos, "why this outcome is fine")
}

// ignore checks a resource's ignore: it must say why and until when.
// Whether it has expired is ExpiredIgnores' business.
func (v *validator) ignore(ig *Ignore) {
	v.reason(ig.Reason, ig.Fields, ig.Pos, "why the entry is ignored")
	if !has(ig.Fields, "until", !ig.Until.IsZero()) {
		if isMisspelt(v.c.misspelt, ig.Pos, "until") {
			return
		}
		v.add(ig.Pos, "missing until: an ignore needs an end date YYYY-MM-DD")
		return
	}
}

// reason checks the required reason of accept and ignore; why says what it
// should explain.
func (v *validator) reason(reason string, fields map[string]Pos, at Pos, why string) {
	if strings.TrimSpace(reason) != "" {
		return
	}
	if has(fields, "reason", false) {
		v.add(fieldPos(fields, "reason", at), "reason must not be empty: say %s", why)
		return
	}
	if !isMisspelt(v.c.misspelt, at, "reason") {
		v.add(at, "missing reason: say %s", why)
	}
}
