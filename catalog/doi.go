package catalog

import "regexp"

// doiSyntax is a DOI as the DOI Handbook defines it: the directory "10.",
// a registrant code of at least four digits with optional dot-separated
// subdivisions ("10.1000.10"), a slash, and a suffix of printable
// characters without spaces.
var doiSyntax = regexp.MustCompile(`^10\.[0-9]{4,}(?:\.[0-9]+)*/\S+$`)

// IsDOI reports whether s is a bare DOI such as "10.1145/3368089.3409742".
func IsDOI(s string) bool { return doiSyntax.MatchString(s) }
