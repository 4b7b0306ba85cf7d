// Package titles compares titles as a reader would: TeX folded to Unicode,
// case, punctuation and dashes ignored, then scored by the words two titles
// share. The arXiv verifier judges retitled papers with it, and history and
// fixing judge a page's changed <title> by the same rule, without
// depending on the checker.
package titles
