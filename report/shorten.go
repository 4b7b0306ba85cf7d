package report

import (
	"strings"
	"unicode"

	"github.com/rivo/uniseg"
)

// ellipsis marks where text was cut; it is one column wide.
const ellipsis = "…"

// displayWidth is the number of terminal columns s takes: CJK and emoji take
// two, combining marks none. Byte or rune counts misalign such columns.
func displayWidth(s string) int {
	return uniseg.StringWidth(s)
}

// shortenMiddle fits s into max columns by cutting its middle. The start of
// a URL says where it goes (scheme, host, first path segments) and its end
// says which page, so both are worth more than the middle. Cuts fall
// between grapheme clusters, so no character is split.
func shortenMiddle(s string, max int) string {
	if displayWidth(s) <= max {
		return s
	}
	if max <= 0 {
		return ""
	}
	if max == 1 {
		return ellipsis
	}
	clusters, widths := graphemes(s)
	tailBudget := (max - 1) / 3
	headBudget := max - 1 - tailBudget

	var head strings.Builder
	used := 0
	for i, c := range clusters {
		if used+widths[i] > headBudget {
			break
		}
		head.WriteString(c)
		used += widths[i]
	}
	// Whatever the head left unused goes to the tail (a wide character
	// may not have fitted).
	tailBudget = max - 1 - used
	start := len(clusters)
	tailUsed := 0
	for start > 0 && tailUsed+widths[start-1] <= tailBudget {
		start--
		tailUsed += widths[start]
	}
	return head.String() + ellipsis + strings.Join(clusters[start:], "")
}

// padRight pads s with spaces to w columns.
func padRight(s string, w int) string {
	if n := w - displayWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// oneLine makes untrusted text (page titles, error messages) safe for a
// single terminal line: control characters, including the ESC that starts
// ANSI sequences, become spaces, and runs of space collapse.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func graphemes(s string) (clusters []string, widths []int) {
	state := -1
	for len(s) > 0 {
		var c string
		var w int
		c, s, w, state = uniseg.FirstGraphemeClusterInString(s, state)
		clusters = append(clusters, c)
		widths = append(widths, w)
	}
	return clusters, widths
}
