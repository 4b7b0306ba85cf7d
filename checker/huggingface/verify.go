package huggingface

import (
	"context"
	"time"

	"github.com/ai-reading-list/linkcheck/checker/verifier"
)

// Verify implements verifier.Verifier: one request per repository (and
// one more per redirect), one after another; the pool paces them with
// the Hub's pages.
func (c *Client) Verify(ctx context.Context, targets []verifier.Target, emit func(verifier.Target, verifier.Verdict)) error {
	if c.baseErr != nil {
		return c.baseErr
	}
	for _, t := range targets {
		if err := ctx.Err(); err != nil {
			return err
		}
		if t.Kind != Kind {
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
func (c *Client) verifyOne(ctx context.Context, repo string) (verifier.Verdict, bool) {
	start := time.Now()
	u := c.base.JoinPath(apiPath(repo)...)
	attempts := 0
	var v verifier.Verdict
	for hops := 0; ; hops++ {
		r := c.api.Get(ctx, u)
		if ctx.Err() != nil {
			return verifier.Verdict{}, false
		}
		attempts += r.Attempts
		if next := verifier.Redirect(u, r); next != nil && hops < maxRedirects {
			u = next
			continue
		}
		if r.Err != nil {
			v = verifier.NoAnswer("Hub API", r.Err)
		} else {
			v = answerVerdict(repo, r.Code, r.Header, r.Body, c.base.String())
		}
		break
	}
	v.Attempts, v.Duration = attempts, time.Since(start)
	return v, true
}
