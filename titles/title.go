package titles

import (
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Normalize reduces a title to what a reader would call "the same
// title": TeX folded to Unicode (foldTeX: Schr\"odinger is Schrödinger,
// $\alpha$ is α), compatibility forms unified (NFKC), case folded,
// punctuation dropped, hyphens and dashes read as spaces ("Chain-of-Thought"
// and "Chain of Thought" are one title), whitespace folded. The result only
// holds letters, marks, digits and single spaces, and normalizing it again
// changes nothing.
func Normalize(s string) string {
	s = foldTeX(s)
	s = cases.Fold().String(norm.NFKC.String(s))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsMark(r):
			// Fold maps Cherokee to upper case and back again on a
			// second pass; lowering after it keeps the result stable.
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r), unicode.Is(unicode.Pd, r), r == '\u2212':
			b.WriteByte(' ')
		}
	}
	// Dropping a character can bring a base letter and a mark together;
	// composing again keeps a second pass from finding more to do.
	return strings.Join(strings.Fields(norm.NFKC.String(b.String())), " ")
}

// NormalizedSimilarity compares two normalized titles by the Jaccard index of their
// word sets: shared words over all words. Word sets ignore order and
// repeats, so a reworded subtitle still scores high while two unrelated
// papers share little beyond "language models" and score low.
func NormalizedSimilarity(a, b string) float64 {
	wa, wb := wordSet(a), wordSet(b)
	if len(wa) == 0 && len(wb) == 0 {
		return 1
	}
	shared := 0
	for w := range wa {
		if _, ok := wb[w]; ok {
			shared++
		}
	}
	return float64(shared) / float64(len(wa)+len(wb)-shared)
}

func wordSet(s string) map[string]struct{} {
	set := make(map[string]struct{})
	for _, w := range strings.Fields(s) {
		set[w] = struct{}{}
	}
	return set
}
