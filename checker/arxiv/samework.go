package arxiv

// SameWork reports whether a catalog's title and arXiv's current title
// plausibly name the same paper: the rule by which a changed title is a
// retitle rather than an ID that points at another paper. Tools that act
// on a retitle (rewriting the catalog's title) use it so that they never
// copy another paper's title over a wrong ID.
func SameWork(catalogTitle, currentTitle string) bool {
	a, b := normalizeTitle(catalogTitle), normalizeTitle(currentTitle)
	return a == b || similarity(a, b) >= anotherPaper
}
