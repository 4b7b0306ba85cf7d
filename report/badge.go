package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// Badge is a shields.io endpoint badge
// (https://shields.io/badges/endpoint-badge): a README shows it with
// https://img.shields.io/endpoint?url=<where the file is served>.
type Badge struct {
	SchemaVersion int    `json:"schemaVersion"`
	Label         string `json:"label"`
	Message       string `json:"message"`
	Color         string `json:"color"`
}

// The badge's colours: shields.io's names.
const (
	badgeFailing   = "red"
	badgeAttention = "yellow"
	badgeAllOK     = "brightgreen"
	badgeNothing   = "lightgrey"
)

// NewBadge sums up results as the run's exit code sees them: what fails
// the run ("2 broken, 1 moved", red) when anything does, else how many of
// the checked targets are ok ("76/78 ok": green when all are, yellow when
// some need attention). Skipped targets were not checked and are not
// counted; a watched transient failure (pending) does not fail the run
// yet, so it is counted as needing attention.
func NewBadge(results []result.Result, failOn status.Set) Badge {
	b := Badge{SchemaVersion: 1, Label: "links"}
	failing := map[status.Status]int{}
	checked, ok := 0, 0
	for _, r := range results {
		if r.Status == status.Skipped {
			continue
		}
		checked++
		switch {
		case failOn.Has(r.Status) && !r.History.Pending:
			failing[r.Status]++
		case r.Status == status.OK:
			ok++
		}
	}
	var parts []string
	for _, s := range status.All() {
		if n := failing[s]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, s))
		}
	}
	switch {
	case len(parts) > 0:
		b.Message, b.Color = strings.Join(parts, ", "), badgeFailing
	case checked == 0:
		b.Message, b.Color = "nothing checked", badgeNothing
	case ok == checked:
		b.Message, b.Color = fmt.Sprintf("%d/%d ok", ok, checked), badgeAllOK
	default:
		b.Message, b.Color = fmt.Sprintf("%d/%d ok", ok, checked), badgeAttention
	}
	return b
}

// WriteBadge writes b as the JSON document shields.io reads.
func WriteBadge(w io.Writer, b Badge) error {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return fmt.Errorf("write badge: %w", err)
	}
	if _, err := w.Write(append(data, '\n')); err != nil {
		return fmt.Errorf("write badge: %w", err)
	}
	return nil
}
