package wayback

import (
	"errors"
	"fmt"

	"github.com/ai-reading-list/linkcheck/checker/webpage"
)

// ErrNoCopy says the archive holds no capture of the live page: none
// answered 200 up to the moment asked about, or every one tried recorded
// something else (a not-found page, a parking page, an error).
var ErrNoCopy = errors.New("no archived copy of the live page")

// AnswerError is an answer of the Wayback Machine that could not be used:
// a status it should not give (429 after the retries, 5xx), or a CDX
// answer that is not the JSON asked for (an HTML error page, a truncated
// list). It says nothing about the page: the lookup failed.
type AnswerError struct {
	Endpoint string // "CDX server" or "playback"
	Code     int    // the HTTP status, 0 when it was fine
	Reason   string // what was wrong with the answer, when Code was fine
}

func (e *AnswerError) Error() string {
	if e.Reason == "" {
		return fmt.Sprintf("%s answered HTTP %d", e.Endpoint, e.Code)
	}
	return e.Endpoint + ": " + e.Reason
}

// RejectedError says a capture does not play back the live page, and why:
// what the page rules found in it ("soft 404: the page says …", "domain
// parked / for sale: …", "HTTP 404"), that it redirects elsewhere, or that
// the archive does not hold it.
type RejectedError struct {
	URL string // the capture's playback address
	Why string
}

func (e *RejectedError) Error() string { return e.Why }

// UnreachableError says no answer came from the archive at all: its name
// did not resolve, the connection was refused or reset, TLS failed, or
// every try timed out. Unlike an AnswerError it says the archive cannot
// be reached from here, so a run stops asking it.
type UnreachableError struct {
	Endpoint string // "CDX server" or "playback"
	Err      error
}

func (e *UnreachableError) Error() string { return e.Endpoint + ": " + webpage.ErrText(e.Err) }

func (e *UnreachableError) Unwrap() error { return e.Err }
