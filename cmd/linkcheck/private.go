package main

import (
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/ai-reading-list/linkcheck/result"
)

// maxNamedHosts bounds the hosts the private-address note names.
const maxNamedHosts = 5

// notePrivate says on stderr why links naming private addresses were
// skipped and how to check them. Without it a catalog of intranet links
// reports nothing but skips, and a maintainer cannot tell why.
func notePrivate(w io.Writer, results []result.Result) {
	var (
		n     int
		hosts []string
		seen  = make(map[string]bool)
	)
	for _, r := range results {
		if !r.PrivateAddress {
			continue
		}
		n++
		host := r.URL
		if u, err := url.Parse(r.URL); err == nil && u.Host != "" {
			host = u.Host
		}
		if !seen[host] {
			seen[host] = true
			hosts = append(hosts, host)
		}
	}
	if n == 0 {
		return
	}
	named := strings.Join(hosts[:min(len(hosts), maxNamedHosts)], ", ")
	if more := len(hosts) - maxNamedHosts; more > 0 {
		named += fmt.Sprintf(" and %d more", more)
	}
	fmt.Fprintf(w, "linkcheck: %d %s not checked: %s a private address or an intranet host name (%s), "+
		"which linkcheck does not connect to; use --allow-private to check intranet hosts\n",
		n, plural(n, "link", "links"), plural(n, "it names", "they name"), named)
}
