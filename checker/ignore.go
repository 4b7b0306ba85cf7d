package checker

import (
	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/result"
)

// noteExpiredIgnores wraps emit so that the result of an entry whose
// ignore has expired says so, with the date. Such an entry is checked as
// usual: one forgotten ignore must not stop the run, nor hide what its
// link does today.
func (c *Checker) noteExpiredIgnores(cat *catalog.Catalog, emit func(result.Result)) func(result.Result) {
	now := c.opts.Now()
	expired := make(map[string]*catalog.Ignore)
	for _, s := range cat.Sections {
		for i := range s.Resources {
			r := &s.Resources[i]
			if ig := r.Ignore; ig != nil && !ig.Active(now) {
				if _, dup := expired[r.ID]; !dup {
					expired[r.ID] = ig
				}
			}
		}
	}
	if len(expired) == 0 {
		return emit
	}
	return func(r result.Result) {
		if ig, ok := expired[r.ID]; ok && r.Status != 0 {
			r.IgnoreExpired = ig.Until
			note := "ignore expired on " + ig.Until.Format("2006-01-02") + " (" + ig.Reason + ")"
			if r.Message == "" {
				r.Message = note
			} else {
				r.Message += "; " + note
			}
		}
		emit(r)
	}
}
