package huggingface

import (
	"context"
	"net/http"
	"slices"
	"testing"

	"github.com/ai-reading-list/linkcheck/checker/verifier"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

// directSender sends at once and retries 429 and 5xx up to three tries:
// the retry policy without its waits.
type directSender struct{}

func (directSender) Try(ctx context.Context, _ string, try func(context.Context) verifier.Attempt) verifier.Tried {
	for n := 1; ; n++ {
		a := try(ctx)
		if a.Final || n == 3 || (a.Retry == nil && a.Err == nil && a.Code < 500 && a.Code != http.StatusTooManyRequests) {
			return verifier.Tried{Outcome: a, Attempts: n}
		}
	}
}

func newTestClient(w *fakeweb.Web, cfg Config) *Client {
	cfg.Client = &http.Client{
		Transport:     &http.Transport{DialContext: w.DialContext, TLSClientConfig: w.TLSConfig()},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	cfg.Sender = directSender{}
	cfg.UserAgent = "linkcheck-test"
	return New(cfg)
}

func verify(t *testing.T, c *Client, keys ...string) map[string]verifier.Verdict {
	t.Helper()
	targets := make([]verifier.Target, len(keys))
	for i, k := range keys {
		targets[i] = verifier.Target{Kind: Kind, Key: k}
	}
	got := make(map[string]verifier.Verdict)
	if err := c.Verify(context.Background(), targets, func(tg verifier.Target, v verifier.Verdict) { got[tg.Key] = v }); err != nil {
		t.Fatalf("Verify: %v", err)
	}
	return got
}

// stages are the runtime stages of the Hub's client, with the verdict each
// must give.
var stages = []struct {
	stage string
	want  status.Status
}{
	{"RUNNING", status.OK}, {"RUNNING_BUILDING", status.OK}, {"RUNNING_APP_STARTING", status.OK},
	{"SLEEPING", status.OK}, {"BUILDING", status.OK}, {"APP_STARTING", status.OK},
	{"RUNTIME_ERROR", status.Broken}, {"BUILD_ERROR", status.Broken}, {"CONFIG_ERROR", status.Broken}, {"NO_APP_FILE", status.Broken},
	{"PAUSED", status.Stale}, {"STOPPED", status.Stale}, {"DELETING", status.Stale},
	{"SOME_NEW_STAGE", status.OK},
}

func TestVerify(t *testing.T) {
	w := fakeweb.New(t)
	hub := fakeweb.NewHubAPI()
	var keys []string
	for _, s := range stages {
		hub.Add(fakeweb.HubRepo{Kind: "spaces", ID: "stage/" + s.stage, Stage: s.stage})
		keys = append(keys, "spaces/stage/"+s.stage)
	}
	hub.Add(fakeweb.HubRepo{Kind: "spaces", ID: "lmarena-ai/arena-leaderboard", Stage: "RUNNING"}, "lmsys/chatbot-arena-leaderboard")
	hub.Add(fakeweb.HubRepo{Kind: "models", ID: "meta-llama/Llama-3.1-8B", Gated: "manual"})
	hub.Add(fakeweb.HubRepo{Kind: "models", ID: "team/private-model", Private: true})
	hub.Add(fakeweb.HubRepo{Kind: "datasets", ID: "old/disabled", Disabled: true})
	hub.Add(fakeweb.HubRepo{Kind: "datasets", ID: "princeton-nlp/SWE-bench_Verified"})
	w.Handle("huggingface.co", hub)
	c := newTestClient(w, Config{})
	others := []string{"spaces/lmsys/chatbot-arena-leaderboard", "meta-llama/Llama-3.1-8B", "team/private-model", "gone/model", "datasets/old/disabled", "datasets/princeton-nlp/SWE-bench_Verified"}
	got := verify(t, c, append(keys, others...)...)
	for _, s := range stages {
		v := got["spaces/stage/"+s.stage]
		if v.Status != s.want || v.Stage != s.stage {
			t.Errorf("Space in stage %s = %v %q (stage %q), want %v", s.stage, v.Status, v.Message, v.Stage, s.want)
		}
	}
	tests := []struct {
		key  string
		want status.Status
		msg  string
	}{
		{"spaces/lmsys/chatbot-arena-leaderboard", status.Moved, "renamed or transferred to spaces/lmarena-ai/arena-leaderboard; Space is RUNNING"},
		{"meta-llama/Llama-3.1-8B", status.OK, "gated: readers must accept its access conditions (manual approval)"},
		{"team/private-model", status.Broken, "not found on the Hub, or made private"},
		{"gone/model", status.Broken, "not found on the Hub, or made private"},
		{"datasets/old/disabled", status.Broken, "disabled on the Hub"},
		{"datasets/princeton-nlp/SWE-bench_Verified", status.OK, ""},
	}
	for _, tt := range tests {
		if v := got[tt.key]; v.Status != tt.want || v.Message != tt.msg {
			t.Errorf("verdict(%s) = %v %q, want %v %q", tt.key, v.Status, v.Message, tt.want, tt.msg)
		}
	}
	wantPaths := []string{"/api/models/meta-llama/Llama-3.1-8B", "/api/datasets/old/disabled", "/api/spaces/lmsys/chatbot-arena-leaderboard", "/api/spaces/lmarena-ai/arena-leaderboard"}
	var paths []string
	for _, r := range w.Log() {
		paths = append(paths, r.Path)
	}
	for _, p := range wantPaths {
		if !slices.Contains(paths, p) {
			t.Errorf("the API was not asked for %s; asked %v", p, paths)
		}
	}
	if n, want := w.Requests("huggingface.co"), len(keys)+len(others)+1; n != want {
		t.Errorf("API requests = %d, want %d: one per repository, one more for the rename", n, want)
	}
}

// HF_TOKEN goes to the Hub's host alone, only over https.
func TestTokenReachesTheHubAlone(t *testing.T) {
	w := fakeweb.New(t)
	hub := fakeweb.NewHubAPI()
	hub.Token = "hf_s3cret"
	hub.Add(fakeweb.HubRepo{Kind: "models", ID: "team/private-model", Private: true})
	mux := http.NewServeMux()
	mux.Handle("/api/models/moved/away", fakeweb.Redirect(http.StatusTemporaryRedirect, "https://cdn.example/api/models/moved/away"))
	mux.Handle("/api/models/moved/cleartext", fakeweb.Redirect(http.StatusTemporaryRedirect, "http://huggingface.co/api/models/team/private-model"))
	mux.Handle("/", hub)
	w.Handle("huggingface.co", mux)
	var cdn []string
	w.Handle("cdn.example", http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		cdn = append(cdn, r.Header.Get("Authorization"))
		rw.WriteHeader(http.StatusNotFound)
	}))
	c := newTestClient(w, Config{Token: "hf_s3cret"})
	got := verify(t, c, "team/private-model", "moved/away", "moved/cleartext")
	if v := got["team/private-model"]; v.Message != "private on the Hub: readers cannot open it" {
		t.Errorf("private model with the token = %v %q: the token must reach the Hub", v.Status, v.Message)
	}
	if auth := hub.Authorizations(); !slices.Equal(auth, []string{"Bearer hf_s3cret", ""}) {
		t.Errorf("Authorization at the Hub = %q, want the token over https only", auth)
	}
	if len(cdn) != 1 || cdn[0] != "" {
		t.Errorf("Authorization at the redirect's other host = %q, want one request without it", cdn)
	}
}
