package webpage

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"

	"github.com/ai-reading-list/linkcheck/checker/hostpool"
	"github.com/ai-reading-list/linkcheck/checker/netguard"
	"github.com/ai-reading-list/linkcheck/status"
)

// facts are what classify needs to know about the answer that ended a
// check (after redirects).
type facts struct {
	Code int
	// Challenge is set when the answer is a bot challenge: the
	// cf-mitigated: challenge header, or a known interstitial page.
	Challenge bool
	// SoftNotFound says why a 2xx page is a dead page all the same (a soft
	// 404: "the page says \"Page not found\""), empty otherwise.
	SoftNotFound string
}

// Redirect chain failures. A loop or too long a chain is broken; a
// redirect without a usable Location could not be followed, an error.
var (
	errRedirectLoop     = errors.New("redirect loop")
	errTooManyRedirects = fmt.Errorf("more than %d redirects", MaxRedirects)
	errNoLocation       = errors.New("redirect without a Location header")
	errBadLocation      = errors.New("redirect to a URL that cannot be checked")
)

// classify maps the end of a check, an answer or the error that kept it
// from arriving, to a status and a message saying why.
func classify(f facts, err error) (status.Status, string) {
	if err != nil {
		return classifyError(err)
	}
	code := f.Code
	msg := fmt.Sprintf("HTTP %d", code)
	switch {
	case f.Challenge:
		return status.Blocked, fmt.Sprintf("bot challenge (HTTP %d)", code)
	case code >= 200 && code < 300 && f.SoftNotFound != "":
		return status.Broken, "soft 404: " + f.SoftNotFound
	case code >= 200 && code < 300:
		return status.OK, msg
	case code == http.StatusUnauthorized || code == http.StatusForbidden ||
		code == http.StatusTooManyRequests || code == 999: // 999: LinkedIn's refusal of bots
		return status.Blocked, msg
	case code >= 400 && code < 500:
		return status.Broken, msg
	case code >= 500 && code < 600:
		return status.Error, msg
	case code >= 300 && code < 400:
		return status.Error, msg + ": " + errNoLocation.Error()
	}
	return status.Error, "unexpected " + msg
}

func classifyError(err error) (status.Status, string) {
	var (
		private *netguard.PrivateAddressError
		dnsErr  *net.DNSError
	)
	switch {
	case errors.As(err, &private):
		return privateVerdict(private, false)
	case errors.Is(err, errRedirectLoop), errors.Is(err, errTooManyRedirects):
		return status.Broken, err.Error()
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return status.Broken, "no such host " + dnsErr.Name
	case errors.As(err, &dnsErr):
		return status.Error, "DNS lookup failed: " + dnsErr.Error()
	case isTLS(err):
		return status.Error, "TLS: " + ErrText(err)
	case hostpool.IsTimeout(err):
		return status.Timeout, "timed out"
	case errors.Is(err, syscall.ECONNREFUSED):
		return status.Error, "connection refused"
	case hostpool.IsReset(err):
		return status.Error, "connection reset: " + ErrText(err)
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		return status.Error, "unreachable: " + ErrText(err)
	}
	return status.Error, ErrText(err)
}

func isTLS(err error) bool {
	var (
		verify   *tls.CertificateVerificationError
		unknown  x509.UnknownAuthorityError
		hostname x509.HostnameError
		invalid  x509.CertificateInvalidError
		record   tls.RecordHeaderError
		alert    tls.AlertError
	)
	return errors.As(err, &verify) || errors.As(err, &unknown) || errors.As(err, &hostname) ||
		errors.As(err, &invalid) || errors.As(err, &record) || errors.As(err, &alert)
}

// ErrText is an error's text without net/http's "Get "URL": " prefix, which
// would repeat the URL (and any credentials in it) in every message.
func ErrText(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return Redact(strings.TrimSpace(err.Error()))
}

// privateVerdict judges a refusal to connect to a private address. A link
// that names an intranet address or host itself is skipped: the catalog
// meant it, and --allow-private checks it. A public name that resolves
// only to private addresses (as some lapsed domains do), or a redirect to
// a private address, is broken: no reader outside that network can open
// it. A name with public addresses too is an error: the proxy was not
// trusted to pick a public one.
func privateVerdict(e *netguard.PrivateAddressError, redirected bool) (status.Status, string) {
	switch {
	case e.Public:
		return status.Error, e.Error()
	case redirected:
		return status.Broken, "redirected to a private address: " + e.Error()
	case e.Host == "" || !e.Addr.IsValid():
		return status.Skipped, e.Error()
	}
	return status.Broken, e.Error()
}
