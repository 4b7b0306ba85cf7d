package catalog

import (
	"fmt"
	"strings"
)

// The keys each mapping of the schema may hold, in the order the schema
// documents them (which is also the order "valid keys" lists show).
var (
	catalogKeys  = []string{"version", "settings", "sections"}
	settingsKeys = []string{"concurrency", "host_concurrency", "host_rate", "request_timeout", "retries", "stale_after", "hosts", "state", "archive"}
	hostKeys     = []string{"rate", "burst", "concurrency"}
	sectionKeys  = []string{"id", "title", "resources"}
	resourceKeys = []string{"id", "title", "kind", "url", "arxiv", "github", "doi", "archive", "tags", "note", "alternates", "accept", "ignore"}
	acceptKeys   = []string{"status", "code", "reason"}
	ignoreKeys   = []string{"reason", "until"}
)

// SettingsKeys lists the keys of the settings mapping, so that the
// command line can check that it layers each of them under its flags.
func SettingsKeys() []string { return append([]string(nil), settingsKeys...) }

// unknownKeyMessage explains an unknown key in the mapping called where,
// with the key that was probably meant (from suggest), if any.
func unknownKeyMessage(key, meant, where string, known []string) string {
	if key == "<<" {
		return fmt.Sprintf("merge keys (<<) are not supported in %s: write the keys out", where)
	}
	if meant != "" {
		return fmt.Sprintf("unknown key %q in %s: did you mean `%s`?", key, where, meant)
	}
	return fmt.Sprintf("unknown key %q in %s (valid keys: %s)", key, where, strings.Join(known, ", "))
}

// suggest returns the known key closest to key: one that differs only in
// case, underscores or hyphens ("hostRate" for "host_rate"), or else the
// nearest within an edit distance of 2. It returns "" when nothing is close
// enough to be a plausible typo. Edit distance is only computed here, for
// keys already known to be wrong, so valid catalogs never pay for it.
func suggest(key string, known []string) string {
	folded := foldKey(key)
	for _, k := range known {
		if foldKey(k) == folded {
			return k
		}
	}
	best, bestDist := "", 3
	for _, k := range known {
		// A distance as large as the key itself means every letter was
		// replaced: "xy" is not a typo of "id".
		d := editDistance(strings.ToLower(key), k)
		if d < bestDist && d < len(k) && d < len(key) {
			best, bestDist = k, d
		}
	}
	return best
}

// keySeparators are dropped when comparing keys: "hostRate", "host-rate"
// and "host_rate" are one key spelt three ways.
var keySeparators = strings.NewReplacer("_", "", "-", "", " ", "")

func foldKey(s string) string {
	return keySeparators.Replace(strings.ToLower(s))
}

// editDistance is the Levenshtein distance between a and b, in bytes; keys
// are ASCII. Inputs are capped so that a pathological key cannot make the
// quadratic loop expensive.
func editDistance(a, b string) int {
	const maxLen = 64
	if len(a) > maxLen || len(b) > maxLen {
		return maxLen
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
