package github

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"github.com/ai-reading-list/linkcheck/checker/verifier"
	"github.com/ai-reading-list/linkcheck/status"
)

// Verify implements verifier.Verifier: one request per repository (and
// one more per redirect of a renamed one), one after another, as GitHub
// asks of a client. Once the quota is spent, the repositories not yet
// asked about are Blocked without a request. With a token, repositories
// are first asked about in GraphQL batches of up to 100, and only those
// a batch did not find are asked about one by one.
func (c *Client) Verify(ctx context.Context, targets []verifier.Target, emit func(verifier.Target, verifier.Verdict)) error {
	if c.baseErr != nil {
		return c.baseErr
	}
	var keys []string
	for _, t := range targets {
		if t.Kind == Kind {
			keys = append(keys, t.Key)
		}
	}
	var batched map[string]verifier.Verdict
	if len(keys) > 1 && c.api.Authorized(graphQLURL(c.base)) {
		batched = c.batch(ctx, keys)
	}
	for _, t := range targets {
		if err := ctx.Err(); err != nil {
			return err
		}
		if t.Kind != Kind {
			continue
		}
		if v, ok := batched[t.Key]; ok {
			emit(t, v)
			continue
		}
		v, ok := c.verifyOne(ctx, t.Key)
		if !ok {
			return ctx.Err()
		}
		emit(t, v)
	}
	return ctx.Err()
}

// verifyOne asks about one repository, following the API's redirects. ok
// is false when the run was stopped before a verdict.
func (c *Client) verifyOne(ctx context.Context, repo string) (v verifier.Verdict, ok bool) {
	start := time.Now()
	u := c.base.JoinPath("repos", repo)
	attempts := 0
	for hops := 0; ; hops++ {
		if spent, reset := c.rate.exhausted(c.cfg.Now()); spent {
			v = c.rateLimited(reset)
			break
		}
		r := c.api.Get(ctx, u)
		if ctx.Err() != nil {
			return verifier.Verdict{}, false
		}
		attempts += r.Attempts
		c.rate.observe(r.Header)
		if next := verifier.Redirect(u, r); next != nil && hops < maxRedirects {
			u = next
			continue
		}
		v = c.judgeReply(repo, u, r)
		break
	}
	v.Attempts, v.Duration = attempts, time.Since(start)
	return v, true
}

// judgeReply turns the last reply into a verdict.
func (c *Client) judgeReply(repo string, u *url.URL, r verifier.Reply) verifier.Verdict {
	if r.Err != nil {
		return verifier.NoAnswer("GitHub API", r.Err)
	}
	if overQuota(r.Code, r.Header) {
		var reset time.Time
		if _, until := c.rate.exhausted(c.cfg.Now()); !until.IsZero() {
			reset = until
		}
		v := c.rateLimited(reset)
		v.Code = r.Code
		return v
	}
	return answerVerdict(repo, replyFacts{code: r.Code, body: r.Body, withToken: c.api.Authorized(u)}, c.cfg.Now(), c.cfg.StaleAfter)
}

// rateLimited is the verdict of a repository the quota left unasked.
func (c *Client) rateLimited(reset time.Time) verifier.Verdict {
	msg := "GitHub API rate limit reached; set " + c.cfg.TokenVar
	if c.cfg.Token != "" {
		msg = "GitHub API rate limit reached"
		if !reset.IsZero() {
			msg += fmt.Sprintf(" (resets at %s UTC)", reset.UTC().Format("15:04"))
		}
	}
	return verifier.Verdict{Status: status.Blocked, Message: msg}
}
