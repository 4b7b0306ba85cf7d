package github

import (
	"net/http"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/status"
)

func TestRepoVerdict(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	at := func(y int, m time.Month, d int) *time.Time {
		t := time.Date(y, m, d, 10, 0, 0, 0, time.UTC)
		return &t
	}
	const twoYears = 730 * 24 * time.Hour
	tests := []struct {
		name  string
		asked string
		repo  repository
		want  status.Status
		msg   string
	}{
		{"active", "a/b", repository{FullName: "a/b", PushedAt: at(2026, 11, 1)}, status.OK, "last push 2026-11-01"},
		{"case differs only", "princeton-nlp/swe-bench", repository{FullName: "princeton-nlp/SWE-bench", PushedAt: at(2026, 11, 1)}, status.OK, "last push 2026-11-01"},
		{"archived", "a/b", repository{FullName: "a/b", Archived: true, PushedAt: at(2023, 12, 21)}, status.Stale, "archived on GitHub (last push 2023-12-21)"},
		{"archived without push date", "a/b", repository{FullName: "a/b", Archived: true}, status.Stale, "archived on GitHub"},
		{"dormant", "a/b", repository{FullName: "a/b", PushedAt: at(2024, 11, 29)}, status.Stale, "no push since 2024-11-29 (more than 730 days)"},
		{"just within", "a/b", repository{FullName: "a/b", PushedAt: at(2024, 12, 1)}, status.OK, "last push 2024-12-01"},
		{"no push date", "a/b", repository{FullName: "a/b"}, status.OK, ""},
		{"renamed", "princeton-nlp/swe-bench", repository{FullName: "SWE-bench/SWE-bench", HTMLURL: "https://github.com/SWE-bench/SWE-bench", PushedAt: at(2026, 11, 1)},
			status.Moved, "renamed or transferred to SWE-bench/SWE-bench"},
		{"renamed and archived", "a/b", repository{FullName: "c/b", Archived: true, PushedAt: at(2023, 1, 5)},
			status.Moved, "renamed or transferred to c/b; archived on GitHub (last push 2023-01-05)"},
		{"disabled", "a/b", repository{FullName: "a/b", Disabled: true, PushedAt: at(2026, 1, 1)}, status.Broken, "disabled on GitHub"},
		{"private", "a/b", repository{FullName: "a/b", Private: true, PushedAt: at(2026, 1, 1)}, status.Broken, "private on GitHub: readers cannot open it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := repoVerdict(tt.asked, tt.repo, now, twoYears)
			if v.Status != tt.want || v.Message != tt.msg {
				t.Errorf("repoVerdict(%s) = %v %q, want %v %q", tt.name, v.Status, v.Message, tt.want, tt.msg)
			}
			if tt.want == status.Moved && (v.CurrentRepo != tt.repo.FullName || v.URL != tt.repo.HTMLURL) {
				t.Errorf("repoVerdict(%s) moved to %q at %q, want %q at %q", tt.name, v.CurrentRepo, v.URL, tt.repo.FullName, tt.repo.HTMLURL)
			}
		})
	}
}

func TestAnswerVerdict(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		r    replyFacts
		want status.Status
		msg  string
	}{
		{"ok", replyFacts{code: 200, body: []byte(`{"full_name":"a/b","pushed_at":"2026-11-01T00:00:00Z"}`)}, status.OK, "last push 2026-11-01"},
		{"null push", replyFacts{code: 200, body: []byte(`{"full_name":"a/b","pushed_at":null}`)}, status.OK, ""},
		{"garbage", replyFacts{code: 200, body: []byte(`<html>`)}, status.Error, "GitHub API: unreadable answer"},
		{"not found", replyFacts{code: 404}, status.Broken, "not found on GitHub (a private repository looks the same without a token)"},
		{"not found with token", replyFacts{code: 404, withToken: true}, status.Broken, "not found on GitHub, or private and out of the token's reach"},
		{"legal", replyFacts{code: 451}, status.Broken, "blocked on GitHub for legal reasons (HTTP 451)"},
		{"bad token", replyFacts{code: 401}, status.Blocked, "GitHub API refused the token (HTTP 401)"},
		{"forbidden", replyFacts{code: 403}, status.Blocked, "GitHub API refused the request (HTTP 403)"},
		{"too many", replyFacts{code: 429}, status.Blocked, "GitHub API refused the request (HTTP 429)"},
		{"5xx", replyFacts{code: 502}, status.Error, "GitHub API unavailable (HTTP 502)"},
		{"redirect left over", replyFacts{code: 301}, status.Error, "GitHub API: redirect (HTTP 301) that cannot be followed"},
	}
	for _, tt := range tests {
		v := answerVerdict("a/b", tt.r, now, DefaultStaleAfter)
		if v.Status != tt.want || v.Message != tt.msg || v.Code != tt.r.code {
			t.Errorf("answerVerdict(%s) = %v %q (code %d), want %v %q", tt.name, v.Status, v.Message, v.Code, tt.want, tt.msg)
		}
	}
}

func TestJudge(t *testing.T) {
	h := func(kv ...string) http.Header {
		out := http.Header{}
		for i := 0; i < len(kv); i += 2 {
			out.Set(kv[i], kv[i+1])
		}
		return out
	}
	tests := []struct {
		name      string
		code      int
		h         http.Header
		final     bool
		wantRetry bool
	}{
		{"quota spent 403", 403, h("X-RateLimit-Remaining", "0"), true, false},
		{"quota spent 429", 429, h("X-RateLimit-Remaining", "0", "Retry-After", "30"), true, false},
		{"secondary limit", 403, h("X-RateLimit-Remaining", "12", "Retry-After", "30"), false, true},
		{"plain 403", 403, h("X-RateLimit-Remaining", "12"), false, false},
		{"429 with quota left", 429, h("X-RateLimit-Remaining", "12"), false, false},
		{"ok with quota spent", 200, h("X-RateLimit-Remaining", "0"), false, false},
	}
	for _, tt := range tests {
		final, retry := judge(tt.code, tt.h)
		if final != tt.final || (retry != nil) != tt.wantRetry {
			t.Errorf("judge(%s) = %v, %v; want final %v, retry %v", tt.name, final, retry, tt.final, tt.wantRetry)
		}
	}
}

func TestRateLimit(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	var l rateLimit
	if spent, _ := l.exhausted(now); spent {
		t.Fatal("a fresh rateLimit is exhausted")
	}
	l.observe(http.Header{"X-Ratelimit-Remaining": {"1"}, "X-Ratelimit-Reset": {"1800000600"}})
	if spent, _ := l.exhausted(now); spent {
		t.Error("exhausted with 1 request left")
	}
	l.observe(http.Header{"X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {"1800000600"}})
	spent, reset := l.exhausted(now)
	if !spent || !reset.Equal(time.Unix(1_800_000_600, 0)) {
		t.Errorf("exhausted = %v until %v, want true until the reset", spent, reset)
	}
	if spent, _ := l.exhausted(now.Add(10 * time.Minute)); spent {
		t.Error("still exhausted once the reset has passed")
	}
	l.observe(http.Header{}) // an answer without the headers changes nothing
	if spent, _ := l.exhausted(now); !spent {
		t.Error("an answer without rate-limit headers cleared the limit")
	}
}
