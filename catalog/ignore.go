package catalog

import "time"

// Active reports whether the ignore still holds at now. It holds through
// the whole day its until names, in UTC, and ends at 00:00 UTC the day
// after: every command (validate, check, report) and every machine agrees
// on the day, whatever its time zone. An ignore without an end date (built
// in code) always holds.
func (ig *Ignore) Active(now time.Time) bool {
	if ig.Until.IsZero() {
		return true
	}
	return now.Before(ig.End())
}

// End is the instant the ignore stops holding: 00:00 UTC the day after
// until.
func (ig *Ignore) End() time.Time {
	y, m, d := ig.Until.Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, time.UTC)
}

// ExpiredIgnores reports each ignore that no longer holds at now, at its
// until. Validate includes them, as an expired ignore must not pass a pull
// request; a check does not refuse the catalog for them but checks the
// entries and reports each expired ignore with its result.
func (c *Catalog) ExpiredIgnores(now time.Time) Problems {
	l := problemList{file: c.File}
	for _, s := range c.Sections {
		for _, r := range s.Resources {
			if ig := r.Ignore; ig != nil && !ig.Until.IsZero() && !ig.Active(now) {
				l.add(fieldPos(ig.Fields, "until", ig.Pos), "ignore expired on %s: fix the link or extend until", ig.Until.Format(dateLayout))
			}
		}
	}
	return l.items
}
