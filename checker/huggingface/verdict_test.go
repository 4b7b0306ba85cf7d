package huggingface

import (
	"net/http"
	"testing"

	"github.com/ai-reading-list/linkcheck/status"
)

func TestStageVerdict(t *testing.T) {
	tests := []struct {
		stage string
		want  status.Status
		msg   string
	}{
		{"RUNNING", status.OK, "Space is RUNNING"},
		{"RUNNING_BUILDING", status.OK, "Space is RUNNING_BUILDING"},
		{"RUNNING_APP_STARTING", status.OK, "Space is RUNNING_APP_STARTING"},
		{"SLEEPING", status.OK, "Space is SLEEPING (wakes on a visit)"},
		{"BUILDING", status.OK, "Space is BUILDING (building)"},
		{"APP_STARTING", status.OK, "Space is APP_STARTING (starting)"},
		{"RUNTIME_ERROR", status.Broken, "Space is failing: RUNTIME_ERROR"},
		{"BUILD_ERROR", status.Broken, "Space is failing: BUILD_ERROR"},
		{"CONFIG_ERROR", status.Broken, "Space is failing: CONFIG_ERROR"},
		{"NO_APP_FILE", status.Broken, "Space is failing: NO_APP_FILE"},
		{"PAUSED", status.Stale, "Space is not running: PAUSED"},
		{"STOPPED", status.Stale, "Space is not running: STOPPED"},
		{"DELETING", status.Stale, "Space is being deleted: DELETING"},
		{"HIBERNATING", status.OK, "Space stage HIBERNATING (not one linkcheck knows; reported as is)"},
		{"", status.OK, "Space has no runtime stage"},
	}
	for _, tt := range tests {
		st, msg := stageVerdict(tt.stage)
		if st != tt.want || msg != tt.msg {
			t.Errorf("stageVerdict(%q) = %v %q, want %v %q", tt.stage, st, msg, tt.want, tt.msg)
		}
	}
}

func TestAnswerVerdict(t *testing.T) {
	const base = "https://huggingface.co"
	h := func(kv ...string) http.Header {
		out := http.Header{}
		for i := 0; i < len(kv); i += 2 {
			out.Set(kv[i], kv[i+1])
		}
		return out
	}
	tests := []struct {
		name  string
		asked string
		code  int
		h     http.Header
		body  string
		want  status.Status
		msg   string
	}{
		{"running space", "spaces/mteb/leaderboard", 200, nil, `{"id":"mteb/leaderboard","runtime":{"stage":"RUNNING"}}`, status.OK, "Space is RUNNING"},
		{"crashed space", "spaces/a/b", 200, nil, `{"id":"a/b","runtime":{"stage":"RUNTIME_ERROR"}}`, status.Broken, "Space is failing: RUNTIME_ERROR"},
		{"renamed space", "spaces/lmsys/chatbot-arena-leaderboard", 200, nil, `{"id":"lmarena-ai/arena-leaderboard","runtime":{"stage":"RUNNING"}}`,
			status.Moved, "renamed or transferred to spaces/lmarena-ai/arena-leaderboard; Space is RUNNING"},
		{"renamed and crashed", "spaces/a/b", 200, nil, `{"id":"c/b","runtime":{"stage":"BUILD_ERROR"}}`,
			status.Broken, "renamed or transferred to spaces/c/b; Space is failing: BUILD_ERROR"},
		{"model", "a/b", 200, nil, `{"id":"a/b","gated":false}`, status.OK, ""},
		{"gated model", "meta-llama/Llama-3.1-8B", 200, nil, `{"id":"meta-llama/Llama-3.1-8B","gated":"manual"}`, status.OK, "gated: readers must accept its access conditions (manual approval)"},
		{"gated dataset", "datasets/a/b", 200, nil, `{"id":"a/b","gated":"auto"}`, status.OK, "gated: readers must accept its access conditions (auto approval)"},
		{"case differs only", "datasets/A/B", 200, nil, `{"id":"a/b"}`, status.OK, ""},
		{"disabled flag", "a/b", 200, nil, `{"id":"a/b","disabled":true}`, status.Broken, "disabled on the Hub"},
		{"private with a token", "a/b", 200, nil, `{"id":"a/b","private":true}`, status.Broken, "private on the Hub: readers cannot open it"},
		{"garbage", "a/b", 200, nil, `<html>`, status.Error, "Hub API: unreadable answer"},
		{"404", "a/b", 404, nil, "", status.Broken, "not found on the Hub, or made private"},
		{"401 RepoNotFound", "a/b", 401, h("X-Error-Code", "RepoNotFound"), "", status.Broken, "not found on the Hub, or made private"},
		{"401 disabled", "a/b", 401, h("X-Error-Message", "Access to this resource is disabled."), "", status.Broken, "disabled on the Hub"},
		{"401 gated", "a/b", 401, h("X-Error-Code", "GatedRepo"), "", status.OK, "gated: readers must accept its access conditions"},
		{"bare 401", "a/b", 401, nil, "", status.Blocked, "Hub API refused the request (HTTP 401)"},
		{"403", "a/b", 403, nil, "", status.Blocked, "Hub API refused the request (HTTP 403)"},
		{"429", "a/b", 429, nil, "", status.Blocked, "Hub API refused the request (HTTP 429)"},
		{"503", "a/b", 503, nil, "", status.Error, "Hub API unavailable (HTTP 503)"},
	}
	for _, tt := range tests {
		v := answerVerdict(tt.asked, tt.code, tt.h, []byte(tt.body), base)
		if v.Status != tt.want || v.Message != tt.msg {
			t.Errorf("answerVerdict(%s) = %v %q, want %v %q", tt.name, v.Status, v.Message, tt.want, tt.msg)
		}
	}
	v := answerVerdict("spaces/lmsys/chatbot-arena-leaderboard", 200, nil, []byte(`{"id":"lmarena-ai/arena-leaderboard","runtime":{"stage":"RUNNING"}}`), base)
	if v.CurrentRepo != "spaces/lmarena-ai/arena-leaderboard" || v.URL != "https://huggingface.co/spaces/lmarena-ai/arena-leaderboard" || v.Stage != "RUNNING" {
		t.Errorf("renamed space: now %q at %q, stage %q", v.CurrentRepo, v.URL, v.Stage)
	}
}
