package wayback

import (
	"context"
	"errors"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// Find returns the newest capture of original's live page up to lastOK,
// the last moment the page was seen alive (zero: unknown, up to now). It
// asks the CDX server for the newest captures that answered 200, plays
// them back newest first and returns the first the page rules accept, at
// most MaxPlaybacks of them; a capture that plays back from after lastOK
// (the archive's nearest to one that was asked) is not taken, since it
// may record the page's death. The error is ErrNoCopy when no capture of
// the live page was found, or says why the archive could not be asked
// (an *AnswerError, a network failure, ctx's end).
func (c *Client) Find(ctx context.Context, original string, lastOK time.Time) (catalog.Capture, error) {
	to := lastOK
	if to.IsZero() {
		to = c.now()
	}
	to = to.UTC().Truncate(time.Second)
	candidates, err := c.Captures(ctx, original, to)
	if err != nil {
		return catalog.Capture{}, err
	}
	played := make(map[string]bool)
	budget := MaxPlaybacks
	for _, cand := range candidates {
		if budget == 0 {
			break
		}
		if played[cand.Timestamp()] {
			continue
		}
		budget--
		got, err := c.Play(ctx, cand)
		var rejected *RejectedError
		switch {
		case errors.As(err, &rejected):
			played[cand.Timestamp()] = true
			continue
		case err != nil:
			return catalog.Capture{}, err
		}
		played[got.Timestamp()] = true
		if !got.At.After(to) {
			return got, nil
		}
	}
	return catalog.Capture{}, ErrNoCopy
}

// Verify plays back an archive key's capture: nil when it still plays
// the live page, a *RejectedError saying why not, or another error when
// the archive could not be asked.
func (c *Client) Verify(ctx context.Context, cp catalog.Capture) error {
	_, err := c.Play(ctx, cp)
	return err
}
