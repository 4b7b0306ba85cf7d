package arxiv

import (
	"testing"

	"go.uber.org/goleak"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

// Every test must leave no goroutine behind: the client holds no
// background workers, and a wait abandoned on cancellation must end.
func TestMain(m *testing.M) {
	fakeweb.RequireLoopback()
	goleak.VerifyTestMain(m)
}
