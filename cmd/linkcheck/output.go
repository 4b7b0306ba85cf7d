package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ai-reading-list/linkcheck/internal/atomicfile"
	"github.com/ai-reading-list/linkcheck/report"
	"github.com/ai-reading-list/linkcheck/status"
)

// logWidth is the table width when stdout is not a terminal.
const logWidth = 160

// stepSummaryLimit is GitHub's limit on one step's job summary: a bigger
// one is dropped whole, so the report is cut to fit.
const stepSummaryLimit = 1 << 20

// outputFlags are the flags shared by the commands that print a report.
type outputFlags struct {
	format   string
	output   string
	color    string
	failOn   string
	maxBytes int
	badge    string
}

func (o *outputFlags) register(cmd *cobra.Command, failOnHelp string) {
	fs := cmd.Flags()
	fs.StringVarP(&o.format, "format", "f", "table", "output format: table, json, markdown, github, sarif (GitHub code scanning) or junit (CI test reports)")
	fs.StringVarP(&o.output, "output", "o", "", "write the report to this file (atomically) instead of stdout; never a file the run reads")
	fs.StringVar(&o.color, "color", "auto", "colour the table: auto, always or never (NO_COLOR is honoured)")
	fs.StringVar(&o.failOn, "fail-on", status.DefaultFailOn.String(), failOnHelp)
	fs.StringVar(&o.badge, "badge", "", "also write a shields.io endpoint badge of the run to this file (atomically): \"76/78 ok\" or \"2 broken\"; never a file the run reads")
	fs.IntVar(&o.maxBytes, "max-report-bytes", 0, "markdown only: cut the report to at most this many bytes, least severe rows first (65536 fits a GitHub issue body)")
}

// reportOptions validates the flags and resolves colour and links.
func (o *outputFlags) reportOptions(e env, catalogPath string) (report.Options, status.Set, error) {
	format, err := report.ParseFormat(o.format)
	if err != nil {
		return report.Options{}, 0, usageError(fmt.Errorf("invalid --format: %w", err))
	}
	switch {
	case o.maxBytes < 0:
		return report.Options{}, 0, usageError(fmt.Errorf("invalid --max-report-bytes %d: want a positive size (0 for no limit)", o.maxBytes))
	case o.maxBytes > 0 && format != report.FormatMarkdown:
		// The size is fine; the format is what does not fit.
		return report.Options{}, 0, usageError(fmt.Errorf("--max-report-bytes cuts a Markdown report only: drop it, or use --format markdown instead of --format %s", format))
	}
	failOn, err := status.ParseSet(o.failOn)
	if err != nil {
		return report.Options{}, 0, usageError(fmt.Errorf("invalid --fail-on: %w", err))
	}
	color, err := o.useColor(e)
	if err != nil {
		return report.Options{}, 0, err
	}
	// Logs and files have no edge, but a line past ~160 columns is hard to
	// read anywhere; a terminal's own width wins.
	width := logWidth
	if e.TermWidth != nil && e.OutIsTTY && o.output == "" {
		if w := e.TermWidth(); w > 0 {
			width = w
		}
	}
	ropts := report.Options{
		Format:      format,
		FailOn:      failOn,
		Color:       color,
		Width:       width,
		LinkBase:    githubLinkBase(e, catalogPath),
		MaxBytes:    o.maxBytes,
		ToolVersion: buildVersion(),
	}
	if format == report.FormatSARIF {
		ropts.ArtifactURI = repoRelative(catalogPath)
	}
	return ropts, failOn, nil
}

func (o *outputFlags) useColor(e env) (bool, error) {
	switch o.color {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		// Colour only on a terminal, and only when the user did not ask
		// for none (https://no-color.org).
		return o.output == "" && e.OutIsTTY && e.Getenv("NO_COLOR") == "" && e.Getenv("TERM") != "dumb", nil
	}
	return false, usageError(fmt.Errorf("invalid --color %q: want auto, always or never", o.color))
}

// githubLinkBase links a Markdown report's lines to the catalog in the
// repository when running in GitHub Actions (the workflow runs from the
// repository root, so a relative catalog path is the path in the repository).
func githubLinkBase(e env, catalogPath string) string {
	server, repo, sha := e.Getenv("GITHUB_SERVER_URL"), e.Getenv("GITHUB_REPOSITORY"), e.Getenv("GITHUB_SHA")
	if server == "" || repo == "" || sha == "" || filepath.IsAbs(catalogPath) {
		return ""
	}
	return strings.TrimSuffix(server, "/") + "/" + repo + "/blob/" + sha + "/" + filepath.ToSlash(filepath.Clean(catalogPath))
}

// emit renders run to --output or stdout. report.Write writes nothing when
// it fails (but in writing), so stdout never gets half a report either; a
// file is written beside --output (through a symbolic link) and renamed
// into place.
func (o *outputFlags) emit(e env, run report.Run, opts report.Options) error {
	write := func(w io.Writer) error { return report.Write(w, run, opts) }
	var err error
	if o.output == "" {
		err = write(e.Out)
	} else {
		err = atomicfile.Write(o.output, write)
	}
	var se *report.SizeError
	switch {
	case errors.As(err, &se):
		return usageError(fmt.Errorf("invalid --max-report-bytes %d: the report's headings and summary alone take %d bytes", se.Limit, se.Need))
	case err != nil:
		return cannotCheck(err)
	}
	return nil
}

// badgeFile is --badge as one of the command's files: an output, checked
// with the others before the first request.
func (o *outputFlags) badgeFile() runFile {
	return runFile{role: "--badge", path: o.badge, write: true}
}

// writeBadge writes the --badge file for a finished run. A partial run
// leaves the badge as it was, as it does the state file: it did not
// check everything the badge counts.
func (o *outputFlags) writeBadge(run report.Run, failOn status.Set) error {
	if o.badge == "" || run.Partial {
		return nil
	}
	b := report.NewBadge(run.Results, failOn)
	if err := atomicfile.Write(o.badge, func(w io.Writer) error { return report.WriteBadge(w, b) }); err != nil {
		return cannotCheck(fmt.Errorf("--badge: %w", err))
	}
	return nil
}

// appendStepSummary adds the Markdown report to the GitHub Actions job
// summary when the runner provides one, cut to the room the step has left.
// The summary is a convenience: when it cannot be written, stderr says why
// and the run's outcome is still what the check found. A summary that is
// one of the run's own files (files) is never appended to: markdown after
// a catalog's YAML or a JSON report would destroy it.
func appendStepSummary(e env, run report.Run, opts report.Options, files runFiles) {
	path := e.Getenv("GITHUB_STEP_SUMMARY")
	if path == "" {
		return
	}
	err := files.other(path)
	if err == nil {
		err = writeStepSummary(path, run, opts)
	}
	if err != nil {
		fmt.Fprintf(e.Err, "linkcheck: warning: report not added to the job summary: %v\n", err)
	}
}

func writeStepSummary(path string, run report.Run, opts report.Options) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("open job summary: %w", err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return fmt.Errorf("job summary %s: %w", path, err)
	}
	opts.Format = report.FormatMarkdown
	opts.Color = false
	opts.MaxBytes = max(stepSummaryLimit-int(fi.Size()), 1)
	werr := report.Write(f, run, opts)
	cerr := f.Close()
	var se *report.SizeError
	switch {
	case errors.As(werr, &se):
		return fmt.Errorf("job summary %s is full (%d bytes)", path, fi.Size())
	case werr != nil:
		return fmt.Errorf("write job summary %s: %w", path, werr)
	case cerr != nil:
		return fmt.Errorf("write job summary %s: %w", path, cerr)
	}
	return nil
}
