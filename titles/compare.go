package titles

// AnotherWork is the Similarity below which two titles name different
// works rather than one work reworded: the line between a retitled paper
// and an ID that points at another paper. Two titles sharing under 30 % of
// their words rarely describe the same work.
const AnotherWork = 0.3

// Similarity compares two titles the way a paper's title is compared with
// arXiv's: both normalized (case, compatibility forms, TeX markup,
// punctuation and dashes folded), then scored by the share of words they
// have in common, from 0 (nothing shared) to 1 (the same title). Other
// titles, such as a web page's, are judged by the same rule.
func Similarity(a, b string) float64 {
	return NormalizedSimilarity(Normalize(a), Normalize(b))
}
