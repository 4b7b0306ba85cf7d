package arxiv

import (
	"testing"

	"go.uber.org/goleak"
)

// Every test must leave no goroutine behind: the client holds no
// background workers, and a wait abandoned on cancellation must end.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
