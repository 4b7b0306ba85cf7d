// Command linkcheck checks the links and arXiv papers of a curated reading
// list (resources.yaml) and reports what rotted, moved or changed.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], systemEnv())
	stop()
	os.Exit(code)
}
