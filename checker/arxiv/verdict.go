package arxiv

import (
	"fmt"
	"strings"

	"github.com/ai-reading-list/linkcheck/status"
	"github.com/ai-reading-list/linkcheck/titles"
)

// verdict decides paper i of job j. The order of the checks is the order
// of severity: a paper arXiv cannot be asked about or does not have comes
// first, then withdrawal, then the title, then the version.
func (r *run) verdict(j *job, i int) Verdict {
	p := r.papers[i]
	v := Verdict{Attempts: j.attempt, Duration: j.elapsed}
	switch {
	case j.failed != "":
		v.Status, v.Message = status.Error, j.failed
		return v
	case !j.found:
		v.Status, v.Message = status.Broken, "arXiv has no paper "+j.id
		return v
	}
	e := j.entry
	v.CurrentTitle = e.title
	v.LatestVersion = e.id.Version
	// <updated> is the submission date of the version the entry
	// describes, here the latest.
	v.VersionDate = e.updated
	v.JournalRef = e.journalRef
	v.DOI = e.doi
	switch {
	case j.withdrawnErr != "":
		v.Status, v.Message = status.Error, j.withdrawnErr
		return v
	case j.withdrawn != "":
		v.Status, v.Message = status.Broken, j.withdrawn
		return v
	}
	pinned := r.pinned[i]
	if pinned > e.id.Version && e.id.Version > 0 {
		v.Status = status.Broken
		v.Message = fmt.Sprintf("the catalog pins v%d, but arXiv's latest version of %s is v%d", pinned, j.id, e.id.Version)
		return v
	}
	v.Status, v.Message = versionVerdict(e, pinned)

	if p.Link {
		return v
	}
	catalogTitle := titles.Normalize(p.Title)
	switch {
	case !e.hasTitle:
		v.Message = join("arXiv gave no title, so the title was not checked", v.Message)
		return v
	case catalogTitle == "":
		v.Message = join("the catalog gives no title, so the title was not checked", v.Message)
		return v
	}
	current := titles.Normalize(e.title)
	v.Similarity = titles.NormalizedSimilarity(catalogTitle, current)
	if catalogTitle == current {
		return v
	}
	k := matchingVersion(j.history, catalogTitle)
	if k == 0 && titles.ShortName(catalogTitle, current) {
		// "Reflexion" for the Reflexion paper: a name, never its title,
		// so nothing was retitled.
		v.Message = join(fmt.Sprintf("the catalog's title is a short name of arXiv's “%s”", e.title), v.Message)
		return v
	}
	versionNote := ""
	if v.Status == status.Updated {
		versionNote = v.Message
	}
	v.Status = status.Retitled
	switch {
	case k > 0:
		v.Message = fmt.Sprintf("retitled since v%d: arXiv's title is now “%s”", k, e.title)
	case v.Similarity < titles.AnotherWork:
		v.Message = fmt.Sprintf("arXiv's title is “%s” (similarity %.2f): the ID probably points at another paper", e.title, v.Similarity)
	default:
		v.Message = fmt.Sprintf("arXiv's title is now “%s” (similarity %.2f)", e.title, v.Similarity)
	}
	if j.historyErr != "" {
		v.Message = join(v.Message, "older titles could not be checked: "+j.historyErr)
	}
	v.Message = join(v.Message, versionNote)
	return v
}

// versionVerdict compares the catalog's pinned version with the latest.
func versionVerdict(e entry, pinned int) (status.Status, string) {
	if pinned == 0 || pinned >= e.id.Version {
		return status.OK, ""
	}
	date := ""
	if !e.updated.IsZero() {
		date = " (" + e.updated.Format("2006-01-02") + ")"
	}
	return status.Updated, fmt.Sprintf("a newer version exists: v%d%s; the catalog pins v%d", e.id.Version, date, pinned)
}

// matchingVersion returns the latest older version whose title is title,
// or 0.
func matchingVersion(history map[int]entry, title string) int {
	best := 0
	for k, e := range history {
		if k > best && e.hasTitle && titles.Normalize(e.title) == title {
			best = k
		}
	}
	return best
}

func join(parts ...string) string {
	var kept []string
	for _, s := range parts {
		if s != "" {
			kept = append(kept, s)
		}
	}
	return strings.Join(kept, "; ")
}
