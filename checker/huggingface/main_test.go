package huggingface

import (
	"os"
	"testing"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

// TestMain fails the package at once, saying why, when the fake web
// cannot run on this machine's loopback.
func TestMain(m *testing.M) {
	fakeweb.RequireLoopback()
	os.Exit(m.Run())
}
