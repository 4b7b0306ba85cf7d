package webpage

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"net/url"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/ai-reading-list/linkcheck/checker/netguard"
	"github.com/ai-reading-list/linkcheck/status"
)

func opErr(err error) error { return &net.OpError{Op: "dial", Net: "tcp", Err: err} }

func TestClassify(t *testing.T) {
	tests := []struct {
		name string
		f    facts
		err  error
		want status.Status
		msg  string
	}{
		{"200", facts{Code: 200}, nil, status.OK, "HTTP 200"},
		{"204", facts{Code: 204}, nil, status.OK, "HTTP 204"},
		{"soft 404", facts{Code: 200, SoftNotFound: `the page says "Page not found"`}, nil, status.Broken, "soft 404"},
		{"404", facts{Code: 404}, nil, status.Broken, "HTTP 404"},
		{"410", facts{Code: 410}, nil, status.Broken, "HTTP 410"},
		{"400", facts{Code: 400}, nil, status.Broken, "HTTP 400"},
		{"405", facts{Code: 405}, nil, status.Broken, "HTTP 405"},
		{"401", facts{Code: 401}, nil, status.Blocked, "HTTP 401"},
		{"403", facts{Code: 403}, nil, status.Blocked, "HTTP 403"},
		{"429", facts{Code: 429}, nil, status.Blocked, "HTTP 429"},
		{"999", facts{Code: 999}, nil, status.Blocked, "HTTP 999"},
		{"403 challenge", facts{Code: 403, Challenge: true}, nil, status.Blocked, "bot challenge (HTTP 403)"},
		{"503 challenge", facts{Code: 503, Challenge: true}, nil, status.Blocked, "bot challenge (HTTP 503)"},
		{"500", facts{Code: 500}, nil, status.Error, "HTTP 500"},
		{"503", facts{Code: 503}, nil, status.Error, "HTTP 503"},
		{"300 without location", facts{Code: 300}, nil, status.Error, "Location"},
		{"no such host", facts{}, &net.DNSError{Err: "no such host", Name: "x.example", IsNotFound: true}, status.Broken, "no such host x.example"},
		{"dns temporary", facts{}, &net.DNSError{Err: "server misbehaving", Name: "x.example", IsTemporary: true}, status.Error, "DNS lookup failed"},
		{"tls unknown authority", facts{}, &url.Error{Op: "Get", URL: "https://x", Err: x509.UnknownAuthorityError{}}, status.Error, "TLS"},
		{"tls hostname", facts{}, x509.HostnameError{Certificate: &x509.Certificate{}, Host: "x"}, status.Error, "TLS"},
		{"refused", facts{}, opErr(os.NewSyscallError("connect", syscall.ECONNREFUSED)), status.Error, "connection refused"},
		{"reset", facts{}, opErr(os.NewSyscallError("read", syscall.ECONNRESET)), status.Error, "connection reset"},
		{"eof", facts{}, io.ErrUnexpectedEOF, status.Error, "connection reset"},
		{"unreachable", facts{}, opErr(os.NewSyscallError("connect", syscall.ENETUNREACH)), status.Error, "unreachable"},
		{"deadline", facts{}, context.DeadlineExceeded, status.Timeout, "timed out"},
		{"net timeout", facts{}, opErr(os.ErrDeadlineExceeded), status.Timeout, "timed out"},
		{"private", facts{}, opErr(&netguard.PrivateAddressError{Addr: netip.MustParseAddr("10.0.0.1")}), status.Skipped,
			"refusing to connect to private address 10.0.0.1 (use --allow-private to check intranet hosts)"},
		{"loop", facts{}, fmt.Errorf("%w: back to x", errRedirectLoop), status.Broken, "redirect loop"},
		{"too many", facts{}, errTooManyRedirects, status.Broken, "more than 10 redirects"},
		{"other", facts{}, errors.New("something odd"), status.Error, "something odd"},
		{"url error redacted", facts{}, &url.Error{Op: "Get", URL: "https://u:p@x/", Err: errors.New("odd https://u:p@x/")}, status.Error, "odd https://xxxxx@x/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, msg := classify(tt.f, tt.err)
			if got != tt.want || !strings.Contains(msg, tt.msg) {
				t.Errorf("classify(%+v, %v) = %v, %q; want %v, %q", tt.f, tt.err, got, msg, tt.want, tt.msg)
			}
		})
	}
}
