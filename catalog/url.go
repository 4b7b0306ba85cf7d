package catalog

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode"
)

// NormalizeURL returns the form of raw used to detect duplicates: scheme and
// host lower-cased, the scheme's default port dropped, an empty path made
// "/", and the fragment removed (it never reaches the server). Path and
// query keep their case: servers may treat them case-sensitively.
func NormalizeURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("normalize url: %w", err)
	}
	n := normalized(u)
	if u.Scheme == "" || u.Hostname() == "" {
		return "", fmt.Errorf("normalize url %q: want an absolute URL with a host", raw)
	}
	// Go's parser accepts some hosts it would not parse back once
	// rewritten (":a:"); a key that is not stable is no dedup key.
	if again, err := url.Parse(n); err != nil || normalized(again) != n {
		return "", fmt.Errorf("normalize url %q: malformed host %q", raw, u.Host)
	}
	return n, nil
}

// normalized returns the dedup form of u, changing u.
func normalized(u *url.URL) string {
	u.Scheme = strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Host)
	switch {
	case u.Scheme == "http" && strings.HasSuffix(host, ":80"):
		host = strings.TrimSuffix(host, ":80")
	case u.Scheme == "https" && strings.HasSuffix(host, ":443"):
		host = strings.TrimSuffix(host, ":443")
	}
	u.Host = strings.TrimSuffix(host, ":")
	if u.Path == "" && u.RawPath == "" {
		u.Path = "/"
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

// Reasons a URL is refused; parseCatalogURL returns them so that tests and
// callers can tell them apart.
var (
	errURLWhitespace = errors.New("contains whitespace: encode spaces as %20")
	errURLScheme     = errors.New("must use http or https")
	errURLUserinfo   = errors.New("must not contain user info (user:pass@): put no credentials in the catalog")
	errURLNoHost     = errors.New("has no host")
)

// parseCatalogURL parses a catalog URL, saying what is wrong with it if it
// is not one linkcheck will fetch.
func parseCatalogURL(raw string) (*url.URL, error) {
	if strings.IndexFunc(raw, unicode.IsSpace) >= 0 {
		return nil, errURLWhitespace
	}
	u, err := url.Parse(raw)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("is not a valid URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, errURLScheme
	}
	if u.User != nil {
		return nil, errURLUserinfo
	}
	if u.Hostname() == "" {
		return nil, errURLNoHost
	}
	return u, nil
}

// IsHTTPSUpgrade reports whether to is from with its scheme upgraded to
// https and nothing else changed: a move a check counts as permanent
// whatever the redirect's code (and so may fix a catalog's URL).
func IsHTTPSUpgrade(from, to string) bool {
	f, err1 := url.Parse(from)
	t, err2 := url.Parse(to)
	if err1 != nil || err2 != nil || f.Scheme != "http" || t.Scheme != "https" {
		return false
	}
	return strings.EqualFold(f.Hostname(), t.Hostname()) &&
		strings.TrimSuffix(f.EscapedPath(), "/") == strings.TrimSuffix(t.EscapedPath(), "/") &&
		f.RawQuery == t.RawQuery
}
