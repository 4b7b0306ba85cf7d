package arxiv

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"time"
)

// maxBody bounds what is read of one response: a batch of 100 entries with
// their abstracts is a few hundred kilobytes.
const maxBody = 16 << 20

// The Accept headers sent. arXiv's edge has answered 406 to clients that
// sent none.
const (
	acceptAtom = "application/atom+xml"
	acceptOAI  = "text/xml, application/xml"
)

// Client verifies papers against arXiv. It is safe for concurrent use; all
// of its requests share one Gate, so concurrent runs stay within arXiv's
// rate policy together.
type Client struct {
	cfg   Config
	gate  Gate
	clock Clock
	http  *http.Client
	// jitter returns a number in [0,1) that spreads retries out.
	jitter func() float64
}

// New returns a Client for cfg, zero fields replaced by the defaults and
// BatchSize capped at DefaultBatchSize.
func New(cfg Config) *Client {
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	if cfg.OAIBaseURL == "" {
		cfg.OAIBaseURL = DefaultOAIBaseURL
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: DefaultTimeout}
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	// Bigger batches risk 414 URI Too Long (arXiv answered one of 642 IDs
	// so), and one bad ID fails the whole batch.
	if cfg.BatchSize <= 0 || cfg.BatchSize > DefaultBatchSize {
		cfg.BatchSize = DefaultBatchSize
	}
	switch {
	case cfg.Retries == 0:
		cfg.Retries = DefaultRetries
	case cfg.Retries < 0:
		cfg.Retries = 0
	}
	if cfg.MaxRetryWait <= 0 {
		cfg.MaxRetryWait = DefaultMaxRetryWait
	}
	if cfg.Clock == nil {
		cfg.Clock = realClock{}
	}
	gate := cfg.Gate
	if gate == nil {
		gate = newPacer(cfg.Clock, DefaultInterval)
	}
	return &Client{cfg: cfg, gate: gate, clock: cfg.Clock, http: cfg.HTTPClient, jitter: rand.Float64}
}

// exchange is what one HTTP request produced: a response, or the error
// that kept it from arriving.
type exchange struct {
	code   int
	header http.Header
	body   []byte
	err    error
}

// roundTrip makes one paced GET. The gate is released as soon as the body
// has been read, before anyone parses it.
func (c *Client) roundTrip(ctx context.Context, url, accept string) exchange {
	release, err := c.gate.Acquire(ctx)
	if err != nil {
		return exchange{err: fmt.Errorf("wait for a request slot: %w", err)}
	}
	defer release()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return exchange{err: fmt.Errorf("build request: %w", err)}
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", accept)
	resp, err := c.http.Do(req)
	if err != nil {
		return exchange{err: err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return exchange{code: resp.StatusCode, header: resp.Header, err: fmt.Errorf("read response: %w", err)}
	}
	return exchange{code: resp.StatusCode, header: resp.Header, body: body}
}

// get GETs url until judge accepts the exchange or the retries run out.
// judge returns why an exchange should be retried, or nil to keep it.
// onAttempt learns the time each attempt took. The error is ctx's when the
// run was cancelled, an *unavailableError otherwise.
func (c *Client) get(ctx context.Context, url, accept string, judge func(exchange) error, onAttempt func(time.Duration)) error {
	var last error
	for attempt := 0; ; attempt++ {
		start := c.clock.Now()
		x := c.roundTrip(ctx, url, accept)
		if err := ctx.Err(); err != nil {
			return err
		}
		onAttempt(c.clock.Now().Sub(start))
		if last = judge(x); last == nil {
			return nil
		}
		if attempt >= c.cfg.Retries {
			return &unavailableError{attempts: attempt + 1, err: last}
		}
		// Asking again before the server's Retry-After would only earn
		// another refusal; a wait longer than the run will spend is
		// reported instead of shortened.
		after := retryAfter(x.header, c.clock.Now())
		if after > c.cfg.MaxRetryWait {
			return &unavailableError{attempts: attempt + 1, err: fmt.Errorf("%w; arXiv asked to wait %v before retrying", last, after)}
		}
		d := backoff(attempt+1, after, c.cfg.MaxRetryWait, c.jitter())
		if err := wait(ctx, c.clock, d); err != nil {
			return err
		}
	}
}
