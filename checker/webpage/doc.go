// Package webpage checks one web page the way a reader would open it: the
// request (HEAD or GET, through the run's host pool), its redirects hop by
// hop, cookie and consent walls, and a verdict on what came back: the
// status code, a soft 404 (by the page's own words, by a host's pages
// seen together, and by the site's answer to a made-up path), a parked or
// for-sale domain, a catch-all redirect to a home page, a bot challenge.
// It knows nothing of catalogs: the checker plans which URLs to fetch and
// turns each Outcome into results.
package webpage
