package huggingface

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/ai-reading-list/linkcheck/checker/verifier"
	"github.com/ai-reading-list/linkcheck/status"
)

// hubRepo is the part of the API's answer this check reads. gated is
// false, "auto" or "manual".
type hubRepo struct {
	ID       string          `json:"id"`
	Private  bool            `json:"private"`
	Disabled bool            `json:"disabled"`
	Gated    json.RawMessage `json:"gated"`
	Runtime  *struct {
		Stage string `json:"stage"`
	} `json:"runtime"`
}

// Space runtime stages (the SpaceStage enum of the Hub's own client). The
// failing ones are broken; paused and stopped ones (by their owner, or for
// want of hardware) stale; the rest are running or on their way. A stage
// outside these lists is reported as the Hub names it.
var (
	failingStages = map[string]bool{"RUNTIME_ERROR": true, "BUILD_ERROR": true, "CONFIG_ERROR": true, "NO_APP_FILE": true}
	stoppedStages = map[string]bool{"PAUSED": true, "STOPPED": true, "DELETING": true}
	runningStages = map[string]string{
		"RUNNING":              "",
		"RUNNING_BUILDING":     "",
		"RUNNING_APP_STARTING": "",
		"SLEEPING":             " (wakes on a visit)",
		"BUILDING":             " (building)",
		"APP_STARTING":         " (starting)",
	}
)

// stageVerdict judges a Space by its runtime stage.
func stageVerdict(stage string) (status.Status, string) {
	switch note, running := runningStages[stage]; {
	case stage == "":
		return status.OK, "Space has no runtime stage"
	case failingStages[stage]:
		return status.Broken, "Space is failing: " + stage
	case stage == "DELETING":
		return status.Stale, "Space is being deleted: DELETING"
	case stoppedStages[stage]:
		return status.Stale, "Space is not running: " + stage
	case running:
		return status.OK, "Space is " + stage + note
	}
	return status.OK, "Space stage " + stage + " (not one linkcheck knows; reported as is)"
}

// repoVerdict judges a repository the API answered for the name asked
// (kind/owner/name for Spaces and datasets, owner/name for models).
func repoVerdict(asked string, r hubRepo, base string) verifier.Verdict {
	v := verifier.Verdict{Status: status.OK, Code: http.StatusOK}
	kind, _ := splitKind(asked)
	if r.Runtime != nil {
		v.Stage = r.Runtime.Stage
	}
	var notes []string
	if kind == "spaces" {
		st, msg := stageVerdict(v.Stage)
		v.Status = st
		notes = append(notes, msg)
	} else if g := gated(r.Gated); g != "" {
		notes = append(notes, "gated: readers must accept its access conditions ("+g+" approval)")
	}
	if current := joinKind(kind, r.ID); r.ID != "" && !strings.EqualFold(current, asked) {
		if v.Status != status.Broken {
			v.Status = status.Moved
		}
		v.CurrentRepo, v.URL = current, base+"/"+current
		notes = append([]string{"renamed or transferred to " + current}, notes...)
	}
	switch {
	case r.Disabled:
		v.Status = status.Broken
		notes = append([]string{"disabled on the Hub"}, notes...)
	case r.Private:
		v.Status = status.Broken
		notes = append([]string{"private on the Hub: readers cannot open it"}, notes...)
	}
	v.Message = strings.Join(notes, "; ")
	return v
}

// gated returns how a gated repository approves readers ("auto",
// "manual"), or "" when it is not gated.
func gated(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil && s != "" {
		return s
	}
	var b bool
	if json.Unmarshal(raw, &b) == nil && b {
		return "some"
	}
	return ""
}

// answerVerdict judges the API's last answer for a repository.
func answerVerdict(asked string, code int, h http.Header, body []byte, base string) verifier.Verdict {
	errCode := h.Get("X-Error-Code")
	errMsg := strings.ToLower(h.Get("X-Error-Message"))
	switch {
	case code == http.StatusOK:
		var r hubRepo
		if err := json.Unmarshal(body, &r); err != nil {
			return verifier.Verdict{Status: status.Error, Code: code, Message: "Hub API: unreadable answer"}
		}
		return repoVerdict(asked, r, base)
	case code == http.StatusNotFound, code == http.StatusUnauthorized && errCode == "RepoNotFound":
		// The Hub answers alike for a repository that does not exist and
		// for a private one: either way readers cannot open it.
		return verifier.Verdict{Status: status.Broken, Code: code, Message: "not found on the Hub, or made private"}
	case (code == http.StatusUnauthorized || code == http.StatusForbidden) && strings.Contains(errMsg, "disabled"):
		return verifier.Verdict{Status: status.Broken, Code: code, Message: "disabled on the Hub"}
	case (code == http.StatusUnauthorized || code == http.StatusForbidden) && errCode == "GatedRepo":
		return verifier.Verdict{Status: status.OK, Code: code, Message: "gated: readers must accept its access conditions"}
	case code == http.StatusUnauthorized || code == http.StatusForbidden || code == http.StatusTooManyRequests:
		return verifier.Verdict{Status: status.Blocked, Code: code, Message: fmt.Sprintf("Hub API refused the request (HTTP %d)", code)}
	case code == http.StatusGone:
		return verifier.Verdict{Status: status.Broken, Code: code, Message: "gone from the Hub (HTTP 410)"}
	case code >= 300 && code < 400:
		return verifier.Verdict{Status: status.Error, Code: code, Message: fmt.Sprintf("Hub API: redirect (HTTP %d) that cannot be followed", code)}
	}
	return verifier.Verdict{Status: status.Error, Code: code, Message: fmt.Sprintf("Hub API unavailable (HTTP %d)", code)}
}

// splitKind splits "spaces/owner/name" into "spaces" and "owner/name"; a
// model's "owner/name" has no kind.
func splitKind(repo string) (kind, id string) {
	if k, rest, ok := strings.Cut(repo, "/"); ok && (k == "spaces" || k == "datasets") {
		return k, rest
	}
	return "", repo
}

func joinKind(kind, id string) string {
	if kind == "" {
		return id
	}
	return kind + "/" + id
}

// apiPath is the API path of a repository: /api/spaces/owner/name,
// /api/datasets/owner/name, /api/models/owner/name.
func apiPath(repo string) []string {
	kind, id := splitKind(repo)
	if kind == "" {
		kind = "models"
	}
	return append([]string{"api", kind}, strings.Split(id, "/")...)
}
