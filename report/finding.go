package report

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// versionSuffix is the pinned version of a canonical arXiv ID.
var versionSuffix = regexp.MustCompile(`v([1-9][0-9]{0,8})$`)

// arxivDOIPrefix starts the DOIs arXiv registers for its own preprints.
const arxivDOIPrefix = "10.48550/"

// dateLayout is how dates without a time of day are written everywhere.
const dateLayout = "2006-01-02"

// target is what a result checked, as a reader would name it.
func target(r result.Result) string {
	switch {
	case r.Target == result.TargetArxiv && r.Arxiv != "":
		return "arXiv:" + r.Arxiv
	case r.Target == result.TargetGitHub && r.Repo != "":
		return "github:" + r.Repo
	case r.Target == result.TargetHuggingFace && r.Repo != "":
		return "huggingface:" + r.Repo
	}
	return r.URL
}

// finding is what a check found, in words. When the finding is an address
// (a move or a redirect) URL holds it, so that tables can shorten it in the
// middle rather than cut prose; otherwise Text holds the prose.
type finding struct {
	Text string
	URL  string
}

// String renders the finding on one line.
func (f finding) String() string {
	if f.URL != "" {
		return "→ " + f.URL
	}
	return f.Text
}

// found describes what the check of r found, compared with what the
// catalog expected, and an expired ignore with its date.
func found(r result.Result) finding {
	f := withArchive(withPublication(foundByCheck(r), r), r)
	if r.IgnoreExpired.IsZero() {
		return f
	}
	note := "ignore expired on " + r.IgnoreExpired.Format(dateLayout)
	if strings.Contains(f.String(), note) {
		return f
	}
	if f.String() == "" {
		return finding{Text: note}
	}
	return finding{Text: f.String() + "; " + note}
}

// withPublication adds where an arXiv paper was published, when its
// authors recorded it on arXiv: a reader of the report may prefer the
// published version, and a maintainer may add the DOI to the catalog.
func withPublication(f finding, r result.Result) finding {
	p := published(r)
	if p == "" {
		return f
	}
	if f.String() == "" {
		return finding{Text: p}
	}
	return finding{Text: f.String() + "; " + p}
}

// published is "published: NeurIPS 2023 (doi 10.…)", from arXiv's
// journal reference and DOI; empty when arXiv has neither. arXiv's own
// DOI (10.48550/arXiv.…) names the preprint, not a publication.
func published(r result.Result) string {
	if r.Target != result.TargetArxiv {
		return ""
	}
	ref, doi := oneLine(r.JournalRef), oneLine(r.DOI)
	if strings.HasPrefix(strings.ToLower(doi), arxivDOIPrefix) {
		doi = ""
	}
	var p string
	switch {
	case ref != "" && doi != "":
		p = "published: " + ref + " (doi " + doi + ")"
	case ref != "":
		p = "published: " + ref
	case doi != "":
		p = "published: doi " + doi
	}
	if doiDiffers(r) {
		p += "; catalog doi " + oneLine(r.CatalogDOI) + " differs from arXiv's " + doi
	}
	return p
}

// doiDiffers reports a paper whose catalog doi is not the DOI arXiv
// records for it (DOIs ignore case): either may be wrong, so a person
// looks, and the result is listed even when the paper is fine.
func doiDiffers(r result.Result) bool {
	doi := oneLine(r.DOI)
	return r.Target == result.TargetArxiv && r.CatalogDOI != "" && doi != "" &&
		!strings.HasPrefix(strings.ToLower(doi), arxivDOIPrefix) && !strings.EqualFold(oneLine(r.CatalogDOI), doi)
}

// foundByCheck is what the check of r found.
func foundByCheck(r result.Result) finding {
	switch r.Status {
	case status.Moved, status.Redirected:
		if r.FinalURL != "" {
			return finding{URL: r.FinalURL}
		}
		if r.CurrentRepo != "" {
			return finding{Text: "→ " + r.CurrentRepo}
		}
	case status.Retitled:
		// The checker's message says what kind of retitle it is ("since
		// v1", "probably another paper"); that matters more than the score.
		if r.CurrentTitle != "" && r.Message == "" {
			return finding{Text: fmt.Sprintf("now “%s” (similarity %.2f)", oneLine(r.CurrentTitle), r.Similarity)}
		}
	case status.Updated:
		if r.Version > 0 {
			return finding{Text: versionChange(r)}
		}
	case status.OK:
		if r.Target == result.TargetArxiv && r.Version > 0 {
			return finding{Text: "v" + strconv.Itoa(r.Version)}
		}
	}
	text := codeAndMessage(r)
	if r.FinalURL != "" && !strings.Contains(text, r.FinalURL) {
		// A broken link in disguise (a redirect to the home page) is
		// judged by where it led.
		text += " → " + r.FinalURL
	}
	return finding{Text: text}
}

// versionChange is "v5 → v7 (2024-08-02)": the pinned version, the latest
// and when it appeared.
func versionChange(r result.Result) string {
	var b strings.Builder
	if pinned := pinnedVersion(r); pinned > 0 {
		fmt.Fprintf(&b, "v%d → ", pinned)
	} else {
		b.WriteString("latest ")
	}
	fmt.Fprintf(&b, "v%d", r.Version)
	if !r.VersionDate.IsZero() {
		fmt.Fprintf(&b, " (%s)", r.VersionDate.Format(dateLayout))
	}
	return b.String()
}

// pinnedVersion is the version the catalog pins in r.Arxiv, whose
// canonical form ends in "vN" when a version is pinned; 0 if none.
func pinnedVersion(r result.Result) int {
	m := versionSuffix.FindStringSubmatch(r.Arxiv)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// codeAndMessage is "HTTP 404", "HTTP 200: soft 404" or the bare message,
// without repeating the code when the message already says it.
func codeAndMessage(r result.Result) string {
	msg := oneLine(r.Message)
	if r.Code == 0 {
		return msg
	}
	if isSuccess(r.Code) && msg != "" && r.Status != status.OK {
		// "HTTP 200: soft 404" reads as a contradiction; the message says
		// why a page that answered fine is a problem.
		return msg
	}
	code := "HTTP " + strconv.Itoa(r.Code)
	if msg == "" || strings.Contains(msg, code) {
		return firstNonEmpty(msg, code)
	}
	return code + ": " + msg
}

// suggestion is the fix a maintainer would most likely make.
func suggestion(r result.Result) string {
	s := suggestionByStatus(r)
	switch {
	case r.IgnoreExpired.IsZero():
		return s
	case r.Status == status.OK:
		return "remove the expired ignore: the link works"
	case s == "":
		return "fix the link or extend the ignore's until"
	}
	return s + ", or extend the ignore's until"
}

func suggestionByStatus(r result.Result) string {
	if s := archiveSuggestion(r); s != "" {
		return s
	}
	if r.History.PreviousTitle != "" && !r.Status.Attention() {
		return "check that the page is still the one the entry means"
	}
	if doiDiffers(r) && !r.Status.Attention() {
		return "check which doi is right, arXiv's or the catalog's"
	}
	switch r.Status {
	case status.Broken:
		if r.Target == result.TargetArxiv {
			return "fix the arXiv ID, or remove the entry if the paper is gone"
		}
		return "remove the entry or find its new address"
	case status.Moved:
		if r.FinalURL != "" {
			return "replace URL with " + r.FinalURL
		}
		if r.Target == result.TargetGitHub && r.CurrentRepo != "" {
			return "change github to " + r.CurrentRepo
		}
		return "replace URL with its new address"
	case status.Retitled:
		return "update title to “" + oneLine(r.CurrentTitle) + "”"
	case status.Updated:
		return fmt.Sprintf("pin v%d or drop the version", r.Version)
	case status.Stale:
		return "replace it with a maintained alternative, or accept stale with a reason"
	case status.Blocked:
		return "check by hand; the site refuses automated clients"
	case status.Timeout:
		return "check by hand; retry later or raise the request timeout"
	case status.Error:
		return "check by hand; the server or connection failed"
	case status.Redirected:
		return "keep the URL unless the redirect is permanent in practice"
	}
	return ""
}

func isSuccess(code int) bool { return code >= 200 && code < 300 }

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
