package importer

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// slugWords and slugLen bound an id: enough words to tell entries apart,
// short enough to type.
const (
	slugWords = 8
	slugLen   = 60
)

// slug makes a kebab-case id of s, as the catalog's ids must be: accents
// dropped, letters and digits lower-cased, everything else a single
// hyphen; at most slugWords words and slugLen bytes. It is "" when s has
// no ASCII letter or digit.
func slug(s string) string {
	var b strings.Builder
	words := 0
	hyphen := false
	for _, r := range norm.NFKD.String(ligatures.Replace(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				if words+1 >= slugWords || b.Len()+2 > slugLen {
					return b.String()
				}
				b.WriteByte('-')
				words++
			}
			hyphen = false
			if b.Len() >= slugLen {
				return b.String()
			}
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’':
			// "Don't" is one word.
		default:
			hyphen = true
		}
	}
	return b.String()
}

// ligatures are the Latin letters that decompose into no ASCII letter.
var ligatures = strings.NewReplacer("ß", "ss", "æ", "ae", "Æ", "AE", "ø", "o", "Ø", "O",
	"œ", "oe", "Œ", "OE", "ł", "l", "Ł", "L", "đ", "d", "Đ", "D", "þ", "th", "Þ", "TH")

// ids hands out unique ids.
type ids struct {
	taken map[string]bool
	next  map[string]int // the suffix to try next for a base
}

func newIDs() *ids { return &ids{taken: map[string]bool{}, next: map[string]int{}} }

// unique returns base, or base-2, base-3… the first not taken, and takes
// it. Remembering where each base got to keeps a list that repeats one
// title a thousand times linear.
func (t *ids) unique(base string) string {
	id := base
	n := max(t.next[base], 2)
	for t.taken[id] {
		id = base + "-" + strconv.Itoa(n)
		n++
	}
	t.next[base] = n
	t.taken[id] = true
	return id
}
