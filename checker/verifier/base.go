package verifier

import (
	"net/url"
	"strings"
)

// ParseBase checks the base URL of the API called name ("GitHub API"):
// absolute http(s), no query, a trailing slash dropped.
func ParseBase(name, raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSuffix(raw, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" {
		return &url.URL{}, &BadBaseError{API: name, URL: raw}
	}
	return u, nil
}

// BadBaseError reports an API base URL that cannot be used.
type BadBaseError struct{ API, URL string }

func (e *BadBaseError) Error() string {
	return "invalid " + e.API + " URL " + e.URL + ": want an absolute http or https URL"
}
