package arxiv

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/ai-reading-list/linkcheck/checker/hostpool"
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
// of its requests go through one hostpool.Pool, so concurrent runs stay
// within arXiv's rate policy together.
type Client struct {
	cfg  Config
	pool *hostpool.Pool
	now  func() time.Time
	http *http.Client
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
	pool := cfg.Pool
	if pool == nil {
		pool = hostpool.New(hostpool.Config{
			Concurrency: Limit().Concurrency,
			Limit:       func(string) hostpool.Limit { return Limit() },
			Retry:       hostpool.Policy{Retries: cfg.Retries, MaxWait: cfg.MaxRetryWait},
			Clock:       cfg.Clock,
		})
	}
	now := time.Now
	if cfg.Clock != nil {
		now = cfg.Clock.Now
	}
	return &Client{cfg: cfg, pool: pool, now: now, http: cfg.HTTPClient}
}

// exchange is what one HTTP request produced: a response, or the error
// that kept it from arriving.
type exchange struct {
	code   int
	header http.Header
	body   []byte
	err    error
}

// roundTrip makes one GET and reads its answer.
func (c *Client) roundTrip(ctx context.Context, url, accept string) exchange {
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

// get GETs url through the pool until judge accepts the exchange or the
// pool's retry policy gives up. judge returns why an exchange should be
// retried, or nil to keep it; a transport error is the pool's to judge.
// onAttempt learns the time each attempt took. The error is ctx's when the
// run was cancelled, an *unavailableError otherwise.
func (c *Client) get(ctx context.Context, url, accept string, judge func(exchange) error, onAttempt func(time.Duration)) error {
	var last error
	done := c.pool.Try(ctx, Group, func(ctx context.Context) hostpool.Outcome {
		start := c.now()
		x := c.roundTrip(ctx, url, accept)
		if err := ctx.Err(); err != nil {
			return hostpool.Outcome{Err: err}
		}
		onAttempt(c.now().Sub(start))
		last = judge(x)
		o := hostpool.Outcome{Code: x.code, Err: x.err}
		if x.header != nil {
			o.RetryAfter = x.header.Get("Retry-After")
		}
		if x.err == nil {
			o.Retry = last
		}
		return o
	})
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case last == nil && done.Attempts > 0:
		return nil
	case last == nil:
		last = done.Err
	case done.TooLong > 0:
		// Asking again before the server's Retry-After would only earn
		// another refusal; a wait longer than the run will spend is
		// reported instead of shortened.
		last = fmt.Errorf("%w; arXiv asked to wait %v before retrying", last, done.TooLong)
	}
	return &unavailableError{attempts: done.Attempts, err: last}
}

// unavailableError says arXiv did not give a usable answer however often it
// was asked. It is never evidence about a paper: papers it touches get
// Error, not Broken.
type unavailableError struct {
	attempts int
	err      error
}

func (e *unavailableError) Error() string {
	if e.attempts == 1 {
		return fmt.Sprintf("%v (after 1 attempt)", e.err)
	}
	return fmt.Sprintf("%v (after %d attempts)", e.err, e.attempts)
}

func (e *unavailableError) Unwrap() error { return e.err }

// transientStatus reports whether an HTTP status is arXiv being busy rather
// than an answer: what the pool retries anyway (429 and 503 under load,
// hostpool.RetryableStatus), and the 406 its edge sends during throttling
// windows, arXiv's own glitch.
func transientStatus(code int) bool {
	return hostpool.RetryableStatus(code) || code == http.StatusNotAcceptable
}

// transportProblem returns why x must be retried before its body is even
// looked at, or nil.
func transportProblem(x exchange) error {
	switch {
	case x.err != nil:
		return x.err
	case transientStatus(x.code):
		return fmt.Errorf("HTTP %d", x.code)
	}
	return nil
}
