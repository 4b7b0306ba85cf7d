package arxiv

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/status"
	"github.com/ai-reading-list/linkcheck/titles"
)

// job is one distinct arXiv ID of a run, with everything learnt about it.
// Several catalog papers may cite the same ID; arXiv is asked once.
type job struct {
	id     string
	papers []int // indices into the run's papers

	found   bool
	entry   entry  // the latest version
	failed  string // why arXiv could not tell: the paper gets Error
	attempt int
	elapsed time.Duration

	withdrawn    string // Broken message when withdrawn
	withdrawnErr string // a hinted withdrawal OAI-PMH could not settle
	history      map[int]entry
	historyErr   string
}

// run is the state of one Verify call.
type run struct {
	papers []Paper
	pinned []int // the version each paper pins, from Version or its ID
	jobs   []*job
	byID   map[string]*job
}

// newRun groups papers by canonical ID. A paper whose ID does not parse is
// handed to reject instead: sent to arXiv it would fail its whole batch.
func newRun(papers []Paper, reject func(Paper, error)) *run {
	r := &run{papers: papers, pinned: make([]int, len(papers)), byID: make(map[string]*job)}
	for i, p := range papers {
		a, err := catalog.ParseArxivID(p.ID)
		if err != nil {
			reject(p, err)
			continue
		}
		r.pinned[i] = p.Version
		if r.pinned[i] == 0 {
			r.pinned[i] = a.Version
		}
		j := r.byID[a.ID]
		if j == nil {
			j = &job{id: a.ID}
			r.byID[a.ID] = j
			r.jobs = append(r.jobs, j)
		}
		j.papers = append(j.papers, i)
	}
	return r
}

// account charges one request to every job whose ID it carried, once
// even when it asked for several versions of it.
func (r *run) account(keys []string, d time.Duration) {
	charged := make(map[*job]bool, len(keys))
	for _, k := range keys {
		a, err := catalog.ParseArxivID(k)
		if j := r.byID[a.ID]; err == nil && j != nil && !charged[j] {
			charged[j] = true
			j.attempt++
			j.elapsed += d
		}
	}
}

// Verify checks papers against arXiv and calls emit once per paper, from
// the calling goroutine. Papers are asked about in batches of BatchSize;
// a batch's verdicts are emitted when it is done, except those waiting for
// older versions' titles, which follow the last batch. The error is only
// ever the context's: on cancellation the papers not yet verified are not
// emitted.
func (c *Client) Verify(ctx context.Context, papers []Paper, emit func(Paper, Verdict)) error {
	r := newRun(papers, func(p Paper, err error) {
		emit(p, Verdict{Status: status.Error, Message: err.Error() + "; not sent to arXiv"})
	})
	var deferred, missing []*job
	settle := func(jobs []*job) error {
		if err := c.settleWithdrawals(ctx, r, jobs); err != nil {
			return err
		}
		for _, j := range jobs {
			if r.needsHistory(j) {
				deferred = append(deferred, j)
				continue
			}
			r.emit(j, emit)
		}
		return nil
	}
	for batch := range slices.Chunk(r.jobs, c.cfg.BatchSize) {
		answered, left, err := c.ask(ctx, r, batch)
		if err != nil {
			return fmt.Errorf("verify arXiv papers: %w", err)
		}
		if len(batch) == 1 {
			// A lone request left unanswered proves the paper absent.
			answered, left = batch, nil
		}
		missing = append(missing, left...)
		if err := settle(answered); err != nil {
			return fmt.Errorf("verify arXiv papers: %w", err)
		}
	}
	if err := c.askAgain(ctx, r, missing); err != nil {
		return fmt.Errorf("verify arXiv papers: %w", err)
	}
	if err := settle(missing); err != nil {
		return fmt.Errorf("verify arXiv papers: %w", err)
	}
	if err := c.fetchHistory(ctx, r, deferred); err != nil {
		return fmt.Errorf("verify arXiv papers: %w", err)
	}
	for _, j := range deferred {
		r.emit(j, emit)
	}
	return nil
}

// ask asks for a batch in one request and splits it into the jobs the
// answer settled (found, or failed) and those it left out.
func (c *Client) ask(ctx context.Context, r *run, batch []*job) (answered, left []*job, err error) {
	keys := make([]string, len(batch))
	for i, j := range batch {
		keys[i] = j.id
	}
	res, err := c.lookup(ctx, keys, r.account)
	if err != nil {
		return nil, nil, err
	}
	for _, j := range batch {
		if r.take(j, res) {
			answered = append(answered, j)
		} else {
			left = append(left, j)
		}
	}
	return answered, left, nil
}

// askAgain settles the IDs that batch answers left out. A batch answer can
// drop an entry (a glitch), while arXiv leaves out an ID it does not know
// every time, so every ID left out of any batch is asked again, all of
// them together. Only when that answer itself looks cut short (the feed
// counts more results than it holds) are the IDs still missing asked one
// by one, a lone request being the only proof of absence that survives a
// truncating server. So N papers cost about ⌈N/BatchSize⌉ + 1 requests.
func (c *Client) askAgain(ctx context.Context, r *run, missing []*job) error {
	for chunk := range slices.Chunk(missing, c.cfg.BatchSize) {
		keys := make([]string, len(chunk))
		for i, j := range chunk {
			keys[i] = j.id
		}
		res, err := c.lookup(ctx, keys, r.account)
		if err != nil {
			return err
		}
		for _, j := range chunk {
			if r.take(j, res) || !res.truncated || len(chunk) == 1 {
				continue
			}
			alone, err := c.lookup(ctx, []string{j.id}, r.account)
			if err != nil {
				return err
			}
			r.take(j, alone)
		}
	}
	return nil
}

// settleWithdrawals turns the withdrawal hints of found papers' comments
// into verdicts, asking OAI-PMH where the comment is unclear.
func (c *Client) settleWithdrawals(ctx context.Context, r *run, jobs []*job) error {
	for _, j := range jobs {
		if !j.found {
			continue
		}
		stated, mentioned := withdrawalHint(j.entry.comment)
		switch {
		case stated:
			// The Atom feed has no withdrawn flag; the comment is the
			// evidence, and the message says that is all it is.
			j.withdrawn = "withdrawn, judging by arXiv's comment (a heuristic): “" + j.entry.comment + "”"
		case mentioned:
			yes, err := c.confirmWithdrawn(ctx, j.id, func(d time.Duration) { r.account([]string{j.id}, d) })
			switch {
			case ctx.Err() != nil:
				return ctx.Err()
			case err != nil:
				j.withdrawnErr = fmt.Sprintf("arXiv comment mentions a withdrawal (%s) that could not be confirmed: %v", j.entry.comment, err)
			case yes:
				j.withdrawn = "withdrawn"
			}
		}
	}
	return nil
}

// take records what res says about j; false when it says nothing.
func (r *run) take(j *job, res lookupResult) bool {
	if e, ok := res.found[j.id]; ok {
		j.found, j.entry = true, e
		return true
	}
	if msg, ok := res.failed[j.id]; ok {
		j.failed = msg
		return true
	}
	return false
}

// needsHistory reports whether a paper of j carries a title arXiv no longer
// shows and there are older versions whose titles might explain it.
func (r *run) needsHistory(j *job) bool {
	if !j.found || j.withdrawn != "" || j.withdrawnErr != "" || !j.entry.hasTitle || j.entry.id.Version < 2 {
		return false
	}
	current := titles.Normalize(j.entry.title)
	for _, i := range j.papers {
		if t := titles.Normalize(r.papers[i].Title); t != "" && t != current {
			return true
		}
	}
	return false
}

// fetchHistory asks for every older version (v1 … vN-1) of the jobs, all
// in as few requests as BatchSize allows. Missing old versions are not
// asked again: they only narrow down when a title changed.
func (c *Client) fetchHistory(ctx context.Context, r *run, jobs []*job) error {
	var keys []string
	for _, j := range jobs {
		j.history = make(map[int]entry)
		for v := 1; v < j.entry.id.Version; v++ {
			keys = append(keys, j.id+"v"+strconv.Itoa(v))
		}
	}
	for chunk := range slices.Chunk(keys, c.cfg.BatchSize) {
		res, err := c.lookup(ctx, chunk, r.account)
		if err != nil {
			return err
		}
		for _, k := range chunk {
			a, _ := catalog.ParseArxivID(k)
			j := r.byID[a.ID]
			if e, ok := res.found[k]; ok {
				j.history[a.Version] = e
			} else if msg, ok := res.failed[k]; ok && j.historyErr == "" {
				j.historyErr = msg
			}
		}
	}
	return nil
}

func (r *run) emit(j *job, emit func(Paper, Verdict)) {
	for _, i := range j.papers {
		emit(r.papers[i], r.verdict(j, i))
	}
}
