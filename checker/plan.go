package checker

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"sort"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker/verifier"
	"github.com/ai-reading-list/linkcheck/checker/webpage"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// plan is a run's work, derived from the catalog before any request.
type plan struct {
	// res points into the catalog, which the caller keeps anyway: a copy
	// of a large catalog's resources would be held for the whole run.
	res    []*catalog.Resource
	ready  []result.Result // known without a request: skipped, invalid
	queues []*hostQueue    // URL jobs by host group, the longest queue first
	// platforms holds each verifier's targets: arXiv's papers, the
	// platforms' repositories.
	platforms []*platformWork
}

// urlJob is one distinct URL and the entries that use it: identical URLs
// are fetched once.
type urlJob struct {
	url     string
	entries []int
}

type hostQueue struct {
	group string
	jobs  []*urlJob
}

// targets says which Results an entry gets: one for its URL unless it is
// the arxiv.org page of the entry's own arXiv ID (the arXiv result covers
// that), and one for its arXiv ID. A verifier may claim either (see
// plan.claim).
func targets(r *catalog.Resource) (hasURL, hasArxiv bool) {
	hasArxiv = r.Arxiv != ""
	hasURL = r.URL != "" && !ownArxivURL(r)
	return hasURL, hasArxiv
}

func ownArxivURL(r *catalog.Resource) bool {
	if r.Arxiv == "" {
		return false
	}
	own, err := catalog.ParseArxivID(r.Arxiv)
	if err != nil {
		return false
	}
	fromURL, ok := catalog.ArxivIDFromURL(r.URL)
	return ok && fromURL.ID == own.ID
}

// resources lists the catalog's resources in order, by reference.
func resources(cat *catalog.Catalog) []*catalog.Resource {
	n := 0
	for _, s := range cat.Sections {
		n += len(s.Resources)
	}
	out := make([]*catalog.Resource, 0, n)
	for si := range cat.Sections {
		for ri := range cat.Sections[si].Resources {
			out = append(out, &cat.Sections[si].Resources[ri])
		}
	}
	return out
}

func (c *Checker) plan(cat *catalog.Catalog, verifiers []verifier.Verifier) *plan {
	p := &plan{
		res:       resources(cat),
		platforms: newPlatformWork(verifiers),
	}
	work := newURLWork()
	for i, r := range p.res {
		hasURL, hasArxiv := targets(r)
		skip := c.skipReason(r)
		if p.claim(i, skip) {
			hasURL = false // a verifier's API answers for the URL
		}
		if hasURL && skip == "" && !c.opts.AllowPrivate {
			if res, ok := privateSkip(r); ok {
				p.ready = append(p.ready, res)
				hasURL = false
			}
		}
		if hasURL {
			switch {
			case skip != "":
				p.ready = append(p.ready, skipped(r, result.TargetURL, skip))
			default:
				work.add(r.URL, i)
			}
		}
		// A valid arXiv ID is arXiv's verifier's claim; one that does not
		// parse is reported here.
		if _, err := catalog.ParseArxivID(r.Arxiv); hasArxiv && err != nil {
			if skip != "" {
				p.ready = append(p.ready, skipped(r, result.TargetArxiv, skip))
			} else {
				res := baseResult(r, result.TargetArxiv)
				res.Status, res.Message = status.Error, err.Error()
				p.ready = append(p.ready, res)
			}
		}
	}
	p.queues = work.ordered()
	return p
}

// urlWork gathers URL jobs, one per distinct URL (after normalization),
// each in its host group's queue.
type urlWork struct {
	jobs   map[string]*urlJob
	queues map[string]*hostQueue
}

func newURLWork() *urlWork {
	return &urlWork{jobs: make(map[string]*urlJob), queues: make(map[string]*hostQueue)}
}

// add gives entry i's URL raw a job, shared with any earlier entry's job
// for the same URL.
func (w *urlWork) add(raw string, i int) {
	key := webpage.FetchKey(raw)
	j, ok := w.jobs[key]
	if !ok {
		j = &urlJob{url: raw}
		w.jobs[key] = j
		group := groupOf(raw)
		q, ok := w.queues[group]
		if !ok {
			q = &hostQueue{group: group}
			w.queues[group] = q
		}
		q.jobs = append(q.jobs, j)
	}
	j.entries = append(j.entries, i)
}

// ordered lists the queues longest first: they bound the run's length, so
// they must not wait for a free host slot behind short ones.
func (w *urlWork) ordered() []*hostQueue {
	queues := make([]*hostQueue, 0, len(w.queues))
	for _, q := range w.queues {
		queues = append(queues, q)
	}
	sort.Slice(queues, func(i, j int) bool {
		if len(queues[i].jobs) != len(queues[j].jobs) {
			return len(queues[i].jobs) > len(queues[j].jobs)
		}
		return queues[i].group < queues[j].group
	})
	return queues
}

// skipReason says why an entry is not checked, or "" when it is.
func (c *Checker) skipReason(r *catalog.Resource) string {
	matches := func(re *regexp.Regexp) bool {
		return re.MatchString(r.ID) || (r.URL != "" && re.MatchString(r.URL))
	}
	if i := slices.IndexFunc(c.opts.Exclude, matches); i >= 0 {
		return "excluded by filter " + c.opts.Exclude[i].String()
	}
	if len(c.opts.Include) > 0 && !slices.ContainsFunc(c.opts.Include, matches) {
		return "not included by any filter"
	}
	if c.opts.Only != nil && !c.opts.Only[r.ID] {
		return "unchanged"
	}
	if ig := r.Ignore; ig != nil && ig.Active(c.opts.Now()) {
		if ig.Until.IsZero() {
			return "ignored: " + ig.Reason
		}
		return fmt.Sprintf("ignored until %s: %s", ig.Until.Format("2006-01-02"), ig.Reason)
	}
	return ""
}

// groupOf returns the host group of a raw URL ("" when it does not parse;
// such URLs fail at fetch time with a clear message).
func groupOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return hostGroup(u.Hostname())
}

// titles are the catalog's titles of the entries that use j's URL.
func (p *plan) titles(j *urlJob) []string {
	out := make([]string, 0, len(j.entries))
	for _, i := range j.entries {
		out = append(out, p.res[i].Title)
	}
	return out
}

// entries are the catalog's resources at the plan's indexes.
func (p *plan) entries(idx []int) []*catalog.Resource {
	out := make([]*catalog.Resource, len(idx))
	for k, i := range idx {
		out[k] = p.res[i]
	}
	return out
}
