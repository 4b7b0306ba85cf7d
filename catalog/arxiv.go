package catalog

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// ArxivID is a canonical arXiv identifier: new style "1706.03762" or old
// style "hep-th/9901001" (the subject class of "math.GT/0309136" dropped, as
// arXiv itself does), plus an optional pinned version.
type ArxivID struct {
	ID      string // canonical, without version
	Version int    // 0 = unversioned (the latest)
}

var (
	newStyleID = regexp.MustCompile(`^(\d{2})(\d{2})\.(\d{4,5})(?:[vV]([1-9]\d{0,3}))?$`)
	// The subject class of "math.GT/0309136" is matched and dropped.
	oldStyleID = regexp.MustCompile(`^([A-Za-z]+(?:-[A-Za-z]+)?)(?:\.[A-Za-z]{2})?/(\d{2})(\d{2})(\d{3})(?:[vV]([1-9]\d{0,3}))?$`)
)

// ParseArxivID parses an identifier as people write it: "1706.03762",
// "1706.03762v5", "arXiv:1706.03762", "hep-th/9901001", "math.GT/0309136",
// or an arxiv.org URL (abs, pdf, html; .pdf suffix; www. and export. hosts).
// The result is canonical, so it can be sent to the arXiv API as is.
func ParseArxivID(s string) (ArxivID, error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return ArxivID{}, fmt.Errorf("empty arXiv ID")
	}
	if strings.Contains(in, "://") || hasPrefixFold(in, "arxiv.org/") || hasPrefixFold(in, "www.arxiv.org/") || hasPrefixFold(in, "export.arxiv.org/") {
		a, ok := ArxivIDFromURL(in)
		if !ok {
			return ArxivID{}, fmt.Errorf("invalid arXiv ID %q: not an arxiv.org abs, pdf or html URL", s)
		}
		return a, nil
	}
	if hasPrefixFold(in, "arxiv:") {
		in = in[len("arxiv:"):]
	}
	return parseBareArxivID(in, s)
}

// parseBareArxivID parses an identifier with no URL or "arXiv:" around it;
// orig is what the user wrote, for messages.
func parseBareArxivID(id, orig string) (ArxivID, error) {
	id = strings.TrimSuffix(id, ".pdf")
	if m := newStyleID.FindStringSubmatch(id); m != nil {
		yy, mm, seq := atoi(m[1]), atoi(m[2]), m[3]
		switch {
		case mm < 1 || mm > 12:
			return ArxivID{}, fmt.Errorf("invalid arXiv ID %q: month %02d does not exist", orig, mm)
		case yy < 7 || (yy == 7 && mm < 4):
			return ArxivID{}, fmt.Errorf("invalid arXiv ID %q: new-style IDs start in April 2007 (0704)", orig)
		case yy <= 14 && len(seq) != 4:
			return ArxivID{}, fmt.Errorf("invalid arXiv ID %q: IDs before 2015 have a 4-digit number", orig)
		case yy >= 15 && len(seq) != 5:
			return ArxivID{}, fmt.Errorf("invalid arXiv ID %q: IDs from 2015 on have a 5-digit number", orig)
		case strings.Trim(seq, "0") == "":
			return ArxivID{}, fmt.Errorf("invalid arXiv ID %q: number 0 does not exist", orig)
		}
		return ArxivID{ID: m[1] + m[2] + "." + seq, Version: atoi(m[4])}, nil
	}
	if m := oldStyleID.FindStringSubmatch(id); m != nil {
		yy, mm := atoi(m[2]), atoi(m[3])
		year := 2000 + yy
		if yy >= 91 {
			year = 1900 + yy
		}
		switch {
		case mm < 1 || mm > 12:
			return ArxivID{}, fmt.Errorf("invalid arXiv ID %q: month %02d does not exist", orig, mm)
		case year*100+mm < 199107 || year*100+mm > 200703:
			return ArxivID{}, fmt.Errorf("invalid arXiv ID %q: old-style IDs run from 9107 to 0703", orig)
		case m[4] == "000":
			return ArxivID{}, fmt.Errorf("invalid arXiv ID %q: number 0 does not exist", orig)
		}
		return ArxivID{ID: strings.ToLower(m[1]) + "/" + m[2] + m[3] + m[4], Version: atoi(m[5])}, nil
	}
	return ArxivID{}, fmt.Errorf("invalid arXiv ID %q: want YYMM.NNNNN, YYMM.NNNN or archive/YYMMNNN, optionally with vN", orig)
}

// ArxivIDFromURL extracts the identifier from an arxiv.org URL: /abs/, /pdf/
// (with or without .pdf), /html/, on arxiv.org, www.arxiv.org or
// export.arxiv.org, over http or https. ok is false for any other URL.
func ArxivIDFromURL(raw string) (id ArxivID, ok bool) {
	raw = strings.TrimSpace(raw)
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ArxivID{}, false
	}
	return arxivIDFromParsedURL(u)
}

// arxivIDFromParsedURL is ArxivIDFromURL for a URL already parsed, so that
// validation does not parse every URL twice.
func arxivIDFromParsedURL(u *url.URL) (id ArxivID, ok bool) {
	if (u.Scheme != "http" && u.Scheme != "https") || !IsArxivHost(u.Hostname()) {
		return ArxivID{}, false
	}
	p := strings.TrimPrefix(u.Path, "/")
	var rest string
	for _, prefix := range []string{"abs/", "pdf/", "html/"} {
		if strings.HasPrefix(p, prefix) {
			rest = strings.TrimSuffix(strings.TrimPrefix(p, prefix), "/")
			break
		}
	}
	if rest == "" {
		return ArxivID{}, false
	}
	a, err := parseBareArxivID(rest, rest)
	if err != nil {
		return ArxivID{}, false
	}
	return a, true
}

// IsArxivHost reports whether host is one of arXiv's own web hosts.
func IsArxivHost(host string) bool {
	switch strings.ToLower(strings.TrimSuffix(host, ".")) {
	case "arxiv.org", "www.arxiv.org", "export.arxiv.org":
		return true
	}
	return false
}

// HostGroup is the unit politeness limits apply to, and the host pool's
// rule for it (hostpool.GroupOf): the host in lower case without a
// trailing dot, and all of arXiv's hosts as one group, "arxiv.org".
// settings.hosts may name each group once.
func HostGroup(host string) string {
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	if IsArxivHost(h) {
		return "arxiv.org"
	}
	return h
}

// String returns the canonical form, with "vN" when a version is pinned.
func (a ArxivID) String() string {
	if a.Version > 0 {
		return a.ID + "v" + strconv.Itoa(a.Version)
	}
	return a.ID
}

// IsZero reports whether a holds no identifier.
func (a ArxivID) IsZero() bool { return a.ID == "" }

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// atoi converts a string the regexps above matched as digits (or the empty
// string, for no version).
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
