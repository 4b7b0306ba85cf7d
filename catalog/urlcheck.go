package catalog

import "fmt"

// CheckURL returns why raw cannot be an entry's url (whitespace, another
// scheme than http or https, credentials, no host), or nil when it can:
// the rule validation applies, for tools that make entries.
func CheckURL(raw string) error {
	if _, err := parseCatalogURL(raw); err != nil {
		return fmt.Errorf("url %q %w", raw, err)
	}
	if _, err := NormalizeURL(raw); err != nil {
		return err
	}
	return nil
}
