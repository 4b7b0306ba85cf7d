package state

import (
	"time"

	"github.com/ai-reading-list/linkcheck/result"
)

// LastOK is when a run this state remembers last found the target of r
// ok: the moment its page was last known to be alive, up to which an
// archived copy of it is the live page and not the error recorded after it
// died. It is zero when the state never saw the target ok, or for a nil
// state (a run without history).
func (s *State) LastOK(r result.Result) time.Time {
	if s == nil {
		return time.Time{}
	}
	return s.Targets[KeyOf(r)].LastOK
}
