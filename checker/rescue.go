package checker

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker/hostpool"
	"github.com/ai-reading-list/linkcheck/checker/wayback"
	"github.com/ai-reading-list/linkcheck/checker/webpage"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// The notes a URL result's archived copy gets (Result.ArchiveNote).
const (
	noteOriginalBack = "the original is back: `archive` can go"
	noteCopyGone     = "the archived copy is gone too: "
	noteLookupFailed = "archive lookup failed: "
	noteNotVerified  = "the archived copy was not checked: archive lookups are off"
)

// gone reports a URL result whose link is gone, the links an archived
// copy can stand in for: the page check found the page no more (a 404 or
// 410, a soft 404, a catch-all or parking page, a host that no longer
// exists: see webpage.Outcome.Gone), and the entry did not accept that.
// A timeout, an error, a refusal or a private address proves nothing
// about the page, and is never rescued.
func gone(o webpage.Outcome, res result.Result) bool {
	return o.Gone && res.Status == status.Broken
}

// rescuer is a run's output of URL results. A gone link's result waits
// for the Wayback Machine to be asked about an archived copy of its page
// (when the run asks it) and for the catalog's archive key to be checked;
// every other result is emitted at once. The lookups run beside the
// run's checks, after each link's own verdict, a few workers at a time,
// so that a host's queue never waits for the archive's pace.
type rescuer struct {
	*emitter
	archive *wayback.Client // nil when the run asks no archive
	lastOK  func(result.Result) time.Time
	ctx     context.Context
	workers int // at most this many lookups at once

	wg    sync.WaitGroup
	mu    sync.Mutex
	queue []rescueTask
	busy  int
	// unreachable is the first lookup's failure to reach the archive at
	// all. The rest of the run's lookups end with it unasked: a network
	// without the archive (or without any network, when every host fails
	// to resolve and every link looks gone) would otherwise cost each gone
	// link a request at the archive's slow pace, for nothing.
	unreachable error
}

// rescueTask is one URL's outcome and the entries that link to it, whose
// results wait for the archive.
type rescueTask struct {
	entries []*catalog.Resource
	o       webpage.Outcome
}

// newRescuer returns the output of one run, sending its archive's
// requests through pool.
func (c *Checker) newRescuer(ctx context.Context, out *emitter, pool *hostpool.Pool) *rescuer {
	r := &rescuer{emitter: out, lastOK: c.opts.LastOK, ctx: ctx}
	if !c.opts.Archive {
		return r
	}
	// Redirects to the nearest capture are followed by the client, each
	// paced by the pool.
	client := &http.Client{
		Transport:     c.rt,
		Timeout:       c.opts.RequestTimeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	wb, err := wayback.New(wayback.Config{
		Base:      c.opts.WaybackBase,
		Client:    client,
		Sender:    poolSender{pool: pool},
		UserAgent: c.opts.UserAgent,
		Now:       c.opts.Now,
	})
	if err != nil {
		return r // withDefaults validated the base: cannot happen
	}
	r.archive = wb
	// Twice the archive's slots, as a host's queue has: a lookup between
	// two requests leaves its slot to another.
	r.workers = 2 * c.opts.hostLimit(groupOf(c.opts.WaybackBase)).Concurrency
	return r
}

// url emits the results of the entries linking to one URL, whose check
// found o: at once, or after the archive was asked about them.
func (r *rescuer) url(entries []*catalog.Resource, o webpage.Outcome) {
	t := rescueTask{entries: entries, o: o}
	if r.archive == nil || !o.Gone {
		var none lookups
		for _, e := range entries {
			r.emit(r.settle(r.ctx, e, urlResult(e, o), o, &none))
		}
		return
	}
	r.mu.Lock()
	r.queue = append(r.queue, t)
	start := r.busy < r.workers
	if start {
		r.busy++
	}
	r.mu.Unlock()
	if start {
		r.wg.Go(r.work)
	}
}

// work rescues queued tasks until none is left.
func (r *rescuer) work() {
	for {
		r.mu.Lock()
		if len(r.queue) == 0 {
			r.busy--
			r.mu.Unlock()
			return
		}
		t := r.queue[0]
		r.queue = r.queue[1:]
		r.mu.Unlock()
		var found lookups
		for _, e := range t.entries {
			r.emit(r.settle(r.ctx, e, urlResult(e, t.o), t.o, &found))
		}
	}
}

// wait returns once every result handed to url has been emitted. A run
// that was stopped ends its lookups at once: the results are emitted
// with their own verdicts.
func (r *rescuer) wait() { r.wg.Wait() }

// lookups remembers the archive's answers about one URL, by the moment
// its page was last seen alive, so that entries sharing a URL ask once.
type lookups map[time.Time]lookup

type lookup struct {
	capture catalog.Capture
	err     error
}

// settle adds to an entry's URL result what the archive says: for a gone
// link, the archived copy the entry's archive key names (status Archived
// when it plays back the live page) or the newest capture of the live
// page; for a link answering again, that its archive key can go. The
// link's own verdict stands, Archived aside; a failed lookup only adds a
// note.
func (r *rescuer) settle(ctx context.Context, e *catalog.Resource, res result.Result, o webpage.Outcome, found *lookups) result.Result {
	key, err := catalog.ParseCapture(e.Archive)
	hasKey := e.Archive != "" && err == nil
	switch {
	case !gone(o, res):
		if hasKey && res.Status == status.OK {
			res.ArchiveNote = noteOriginalBack
		}
		return res
	case hasKey && r.archive == nil:
		// Lookups are off (a pull request's check): the key is taken at
		// its word, as the last run that asked found it.
		archived(&res, key)
		res.ArchiveNote = noteNotVerified
		return res
	case hasKey:
		err := r.reachable()
		if err == nil {
			err = r.remember(r.archive.Verify(ctx, key))
		}
		var rejected *wayback.RejectedError
		if !errors.As(err, &rejected) {
			// Playable, or the archive could not be asked: a failed
			// lookup is no evidence against the copy.
			archived(&res, key)
			res.ArchiveNote = lookupNote(ctx, err)
			return res
		}
		res.ArchiveNote = noteCopyGone + rejected.Why
	case r.archive == nil:
		return res
	}
	// The URL as reports print it: credentials in a link are never
	// sent to the archive.
	l := lookup{err: r.reachable()}
	if l.err == nil {
		l = found.find(ctx, r.archive, res.URL, r.lastOKOf(res))
		r.remember(l.err)
	}
	switch {
	case l.err == nil:
		res.ArchiveURL, res.ArchivedAt = l.capture.URL(), l.capture.At
	case res.ArchiveNote == "":
		res.ArchiveNote = lookupNote(ctx, l.err)
	}
	return res
}

// reachable returns why the archive cannot be reached in this run, or nil.
func (r *rescuer) reachable() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.unreachable
}

// remember keeps err when it says the archive could not be reached (and
// the run was not stopped, which says nothing about the archive), and
// returns it.
func (r *rescuer) remember(err error) error {
	var down *wayback.UnreachableError
	if errors.As(err, &down) && r.ctx.Err() == nil {
		r.mu.Lock()
		if r.unreachable == nil {
			r.unreachable = err
		}
		r.mu.Unlock()
	}
	return err
}

// archived makes res a gone link served by the archive key's copy.
func archived(res *result.Result, key catalog.Capture) {
	res.Status = status.Archived
	res.ArchiveURL, res.ArchivedAt = key.URL(), key.At
}

// lookupNote is the note of a lookup that ended with err: none for a
// lookup cut short by the run's end, which proves nothing.
func lookupNote(ctx context.Context, err error) string {
	switch {
	case err == nil || ctx.Err() != nil:
		return ""
	case errors.Is(err, wayback.ErrNoCopy):
		return err.Error()
	}
	return noteLookupFailed + err.Error()
}

func (r *rescuer) lastOKOf(res result.Result) time.Time {
	if r.lastOK == nil {
		return time.Time{}
	}
	return r.lastOK(res)
}

// find asks the archive for the newest capture of url's live page up to
// lastOK, once per moment.
func (f *lookups) find(ctx context.Context, wb *wayback.Client, url string, lastOK time.Time) lookup {
	if l, ok := (*f)[lastOK]; ok {
		return l
	}
	cp, err := wb.Find(ctx, url, lastOK)
	if *f == nil {
		*f = make(lookups)
	}
	l := lookup{capture: cp, err: err}
	(*f)[lastOK] = l
	return l
}
