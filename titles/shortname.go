package titles

import "strings"

// minAcronym is the shortest acronym ShortName accepts: two letters
// ("LM") stand for a run of words in too many titles.
const minAcronym = 3

// ShortName reports whether the normalized title short is a name a list
// gives a paper whose normalized title is full: a run of at most half of
// its words ("reflexion" for "reflexion language agents with verbal
// reinforcement learning", "lost in the middle" for "lost in the middle
// how language models use long contexts"), or one word made of the
// initials of a run of them ("dpo" for "direct preference optimization
// your language model is secretly a reward model"). Lists call papers so;
// it is not a title the paper had, so arXiv's check does not take it for a
// retitle.
func ShortName(short, full string) bool {
	s, f := strings.Fields(short), strings.Fields(full)
	// A name is at most half the title: a title that lost a few words
	// ("… to Use Tools" for "… to Use Tools and APIs") was the title once.
	if len(s) == 0 || 2*len(s) > len(f) {
		return false
	}
	for i := 0; i+len(s) <= len(f); i++ {
		if equalWords(s, f[i:i+len(s)]) {
			return true
		}
	}
	acronym := []rune(s[0])
	if len(s) != 1 || len(acronym) < minAcronym {
		return false
	}
	for i := 0; i+len(acronym) <= len(f); i++ {
		if initials(f[i:i+len(acronym)]) == s[0] {
			return true
		}
	}
	return false
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		for _, r := range w {
			b.WriteRune(r)
			break
		}
	}
	return b.String()
}
