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
	go func() {
		// The first Ctrl-C stops the run and still prints the results so
		// far; restoring the default lets a second one kill at once.
		<-ctx.Done()
		stop()
	}()
	code := run(ctx, os.Args[1:], systemEnv())
	stop()
	os.Exit(code)
}
