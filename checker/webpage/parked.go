package webpage

import (
	"net/url"
	"strings"

	"github.com/ai-reading-list/linkcheck/result"
)

// A lapsed domain rarely answers 404: a registrar or a domain marketplace
// takes it over and serves a 200 page saying it is for sale, or redirects
// it to a sale listing. Such a link is as dead as a 404, so it is broken,
// with this message.
const parkedMessage = "domain parked / for sale"

// saleService is a domain-parking or domain-sale service that lapsed
// domains are redirected to. path, when set, is the prefix of the sale
// listings on a host that also serves other pages.
type saleService struct {
	host string // the registrable domain; its subdomains match too
	path string
}

// saleServices are where redirect chains of lapsed domains end, as seen in
// the wild: "https://www.hugedomains.com/domain_profile.cfm?d=example.com",
// "https://www.afternic.com/forsale/example.com", "https://dan.com/buy-domain/example.com",
// "https://sedo.com/search/details/?domain=example.com",
// "https://www.godaddy.com/forsale/example.com", "http://parkingpage.namecheap.com/".
var saleServices = []saleService{
	{host: "hugedomains.com"},
	{host: "buydomains.com"},
	{host: "afternic.com"},
	{host: "dan.com"},
	{host: "sedo.com"},
	{host: "sedoparking.com"},
	{host: "bodis.com"},
	{host: "parkingcrew.net"},
	{host: "above.com"},
	{host: "undeveloped.com"},
	{host: "domainmarket.com"},
	{host: "brandbucket.com"},
	{host: "squadhelp.com"},
	{host: "parkingpage.namecheap.com"},
	{host: "atom.com", path: "/name/"},
	{host: "godaddy.com", path: "/forsale/"},
	{host: "godaddy.com", path: "/domainsearch/"},
}

// parkedPhrases are what the title or first heading of a parking or sale
// page says, lower-cased. Each speaks of this very domain being for sale or
// parked, so that a page which merely talks about selling or parking
// ("Cars for sale", "What is a parked domain?") matches none of them. A
// title naming the site's own host followed by "is for sale" is caught
// apart (see parkedText).
var parkedPhrases = []string{
	"this domain is for sale",             // Sedo, Afternic landers: "This domain is for sale!"
	"this domain name is for sale",        //
	"this domain may be for sale",         // GoDaddy
	"buy this domain",                     // Sedo, Dan: "Buy this domain"
	"this domain is parked",               // registrars' parking pages
	"this web page is parked",             // GoDaddy: "This Web page is parked FREE, courtesy of GoDaddy.com"
	"future home of something quite cool", // GoDaddy's placeholder heading
	"diese domain steht zum verkauf",      // Sedo, German
	"ce nom de domaine est à vendre",      // French landers
}

// parked says why an answered check is a parked or for-sale domain, or ""
// when it is not. orig is the catalog's URL, hops the redirects taken and
// final where the chain ended (the same when there were no redirects),
// code the final answer's status and page the final page when it was read.
// A chain that ends on a sale service is judged whatever that service
// answers (many refuse robots); a page's words count only on a 2xx page,
// and a page that says any domain of the chain is for sale counts: a
// lapsed domain often sends its visitors to a lander of another name
// ("old.example/post" → "lander.example/listing?d=old.example", "old.example
// is for sale"), which is the catalog URL's death, not its new address.
func parked(orig *url.URL, hops []result.Hop, final *url.URL, code int, page *pageInfo) string {
	if svc, ok := saleServiceOf(final); ok {
		if o, same := saleServiceOf(orig); !same || o != svc {
			return parkedMessage + ": redirected to " + final.Hostname()
		}
	}
	if page == nil || !isOK(code) {
		return ""
	}
	hosts := []string{final.Hostname(), orig.Hostname()}
	for _, h := range hops {
		if u, err := url.Parse(h.URL); err == nil {
			hosts = append(hosts, u.Hostname())
		}
	}
	for _, text := range []string{page.Title, page.H1} {
		for _, host := range hosts {
			if parkedText(text, host) {
				return parkedMessage + ": the page says “" + text + "”"
			}
		}
	}
	return ""
}

// saleServiceOf returns the sale service u belongs to, if any.
func saleServiceOf(u *url.URL) (saleService, bool) {
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	for _, s := range saleServices {
		if (host == s.host || strings.HasSuffix(host, "."+s.host)) &&
			strings.HasPrefix(strings.ToLower(u.Path), s.path) {
			return s, true
		}
	}
	return saleService{}, false
}

// parkedTitles are whole titles or headings of sale and parking pages,
// lower-cased, without their final punctuation. As part of a longer text
// they are too common ("Domain for sale forecasting", "Parked domain
// detection with ML"), so only the whole text counts.
var parkedTitles = []string{
	"domain for sale",         // "Domain for sale!", registrars' landers
	"this domain for sale",    //
	"domain name for sale",    //
	"premium domain for sale", //
	"parked domain",           // "Parked Domain", parking services
	"domain parked",           //
	"parked free",             //
}

// parkedText reports a title or heading of a parking or sale page: one of
// parkedPhrases, the whole of one of parkedTitles, or "<this site's host>
// is for sale" ("example.com is for sale | HugeDomains", "The domain name
// example.com is for sale").
func parkedText(text, host string) bool {
	t := strings.ToLower(squash(text))
	if t == "" {
		return false
	}
	for _, p := range parkedPhrases {
		if strings.Contains(t, p) {
			return true
		}
	}
	whole := strings.TrimRight(t, "!.?:;- ")
	for _, p := range parkedTitles {
		if whole == p {
			return true
		}
	}
	host = strings.TrimPrefix(strings.TrimSuffix(strings.ToLower(host), "."), "www.")
	for _, verb := range []string{" is for sale", " may be for sale", " is available for purchase"} {
		if host != "" && strings.Contains(t, host+verb) {
			return true
		}
	}
	return false
}
