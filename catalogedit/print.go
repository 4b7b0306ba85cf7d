package catalogedit

import (
	"bytes"
	"fmt"
	"io"

	"github.com/ai-reading-list/linkcheck/internal/atomicfile"
)

// print prints the outcome as opts ask: the diff (dry run) or the changes
// on Out, what needs a human after them, and the headline on Err; or the
// whole outcome as Markdown. It is all rendered before anything is
// written, so that a failure to render writes nothing. The fixed catalog
// (nil in a dry run) is put in place after Output is written and before
// anything is printed.
func (o Outcome) print(opts Options, diff []byte, fixed *atomicfile.Pending) error {
	var buf bytes.Buffer
	var err error
	switch {
	case opts.Format == FormatMarkdown:
		err = o.WriteMarkdown(&buf)
	case opts.DryRun:
		// Out stays a patch that git apply and patch accept.
		buf.Write(diff)
		err = o.WriteHuman(opts.Err)
	default:
		if err = o.WriteChanges(&buf); err == nil {
			err = o.WriteHuman(&buf)
		}
	}
	if err != nil {
		return &WriteError{Err: err}
	}
	if opts.Output != "" {
		if err := atomicfile.WriteBytes(opts.Output, buf.Bytes()); err != nil {
			return &WriteError{Err: fmt.Errorf("%w; the catalog is as it was", err)}
		}
	}
	if err := fixed.Commit(); err != nil {
		return &WriteError{Err: err}
	}
	if opts.Format != FormatMarkdown {
		fmt.Fprintln(opts.Err, o.Headline())
	}
	if opts.Output != "" {
		return nil
	}
	if _, err := io.Copy(opts.Out, &buf); err != nil {
		return &WriteError{Err: err}
	}
	return nil
}
