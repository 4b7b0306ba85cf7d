package arxiv

import (
	"regexp"
	"strings"
)

// The Atom feed carries no withdrawn flag: a withdrawal is a new version
// whose comment gives the reason. So the comment is read in two steps: a
// comment that says in so many words that the paper itself is withdrawn is
// taken at its word; one that only mentions a withdrawal (of a section, a
// lemma, a claim, an earlier version, from a conference) is unclear and
// confirmed over OAI-PMH. Erring towards "unclear" costs one request; erring
// towards "stated" calls a live paper broken.

// mentionsWithdrawal is any hint at all: "withdrawn", "withdrawal",
// "withdraws", and the retractions some authors write instead.
var mentionsWithdrawal = regexp.MustCompile(`(?i)\b(withdr|retract)[a-z]*\b`)

const (
	// clauseStart is where a statement can begin: the comment's start or
	// after a sentence or list separator, so that "the proof in this paper
	// was withdrawn" does not read as "this paper was withdrawn".
	clauseStart = `(?:^|[.;:!?(\[]\s*)`
	// thePaper names the paper itself: "this paper", "the submission",
	// "the entire manuscript", "this version", or a bare "Paper".
	thePaper = `(?:(?:this|the|our)\s+)?(?:(?:entire|whole|present|current|arxiv)\s+)?(?:paper|article|manuscript|submission|preprint|e-?print|work|note|report|version|thesis|letter|draft)`
)

// statesWithdrawal are the ways a comment says that the paper itself is
// withdrawn.
var statesWithdrawal = []*regexp.Regexp{
	// "This paper has been withdrawn", "The submission is withdrawn",
	// "Paper withdrawn by the authors".
	regexp.MustCompile(`(?i)` + clauseStart + thePaper + `\s+(?:(?:(?:has|have|had)\s+been|is|was)\s+(?:hereby\s+)?)?withdrawn\b`),
	// "Withdrawn", "Withdrawn: …", "withdrawn due to …", "v3: withdrawn by
	// the author". Not "Section 5: withdrawn": only at the very start.
	regexp.MustCompile(`(?i)^\W*(?:v\d+\W*)?withdrawn\s*(?:$|[.;:,!)\]\-–—]|(?:by|due|because|for|as|at|owing|pending|since|and)\b)`),
	// "The authors have withdrawn this paper", "We withdraw this
	// submission".
	regexp.MustCompile(`(?i)` + clauseStart + `(?:the\s+)?(?:authors?|we|i)\s+(?:(?:have|has|had|hereby)\s+)*withdr(?:aw|aws|ew|awn)\s+` + thePaper + `\b`),
}

// withdrawalHint classifies a comment: stated (a withdrawal of the paper,
// no need to ask), mentioned (ask OAI-PMH), or neither.
func withdrawalHint(comment string) (stated, mentioned bool) {
	if !mentionsWithdrawal.MatchString(comment) {
		return false, false
	}
	for _, re := range statesWithdrawal {
		for _, m := range re.FindAllStringIndex(comment, -1) {
			if !narrowed(comment[m[1]:]) {
				return true, true
			}
		}
	}
	return false, true
}

// narrowed reports whether the words after a statement take it back to
// less than the paper on arXiv: "this paper's main claim", "withdrawn in
// part", "withdrawn from NeurIPS" (withdrawn from arXiv still counts).
func narrowed(rest string) bool {
	rest = strings.ToLower(strings.TrimSpace(rest))
	switch {
	case strings.HasPrefix(rest, "'s"), strings.HasPrefix(rest, "’s"):
		return true
	case strings.HasPrefix(rest, "in part"), strings.HasPrefix(rest, "partially"), strings.HasPrefix(rest, "partly"):
		return true
	case strings.HasPrefix(rest, "from "):
		from := strings.TrimSpace(strings.TrimPrefix(rest, "from "))
		return !strings.HasPrefix(from, "arxiv") && !strings.HasPrefix(from, "the arxiv")
	}
	return false
}
