package main

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/report"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

const rescueCatalog = `version: 1
sections:
  - id: reading
    title: Reading
    resources:
      - id: agents-post
        title: Agents in 2023
        kind: post
        url: https://blog.test/posts/agents-2023
      - id: tool-notes
        title: Tool notes
        kind: post
        url: https://tools.test/notes
      - id: lost-post
        title: A lost post
        kind: post
        url: https://lost.test/post
      - id: reflexion
        title: "Reflexion: Language Agents with Verbal Reinforcement Learning"
        kind: paper
        arxiv: "2303.11366"
`

// A week's run, Mondays at six.
func rescueWeek(n int) time.Time {
	return time.Date(2026, 10, 5, 6, 0, 0, 0, time.UTC).AddDate(0, 0, 7*n)
}

// The rescue as a maintainer meets it: a run with history while the links
// live, a run after three of them died, fix --only archived,published,
// and the next run.
//
// The archive holds, for each dead link, captures before and after the
// moment linkcheck last saw it alive. The one each gets is the newest of
// its live page up to then, never the parking page or the 404 recorded
// after it died; a link whose live page was never kept gets none.
func TestRescueAcrossRuns(t *testing.T) {
	c := newCLI(t)
	var now atomic.Value
	now.Store(rescueWeek(0))
	c.now = func() time.Time { return now.Load().(time.Time) }
	var dead atomic.Bool
	live := func(title string, gone http.Handler) http.Handler {
		page := fakeweb.Page(title, "<h1>"+title+"</h1><p>"+strings.Repeat("words of the page ", 40)+"</p>")
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if dead.Load() {
				gone.ServeHTTP(w, r)
				return
			}
			page.ServeHTTP(w, r)
		})
	}
	parked := fakeweb.Page("This domain is for sale!", "<h1>This domain is for sale!</h1>")
	c.web.Handle("blog.test", live("Agents in 2023", fakeweb.Status(http.StatusNotFound)))
	c.web.Handle("tools.test", live("Tool notes", parked))
	c.web.Handle("lost.test", live("A lost post", fakeweb.Status(http.StatusGone)))
	c.web.Handle("export.arxiv.org", fakeweb.ArxivAPI(map[string]fakeweb.Paper{
		"2303.11366": {Version: 4, Title: "Reflexion: Language Agents with Verbal Reinforcement Learning",
			JournalRef: "NeurIPS 2023", DOI: "10.5555/3666122.3666499"},
	}))
	lastAlive := rescueWeek(0).Add(-26 * time.Hour)
	wb := fakeweb.NewWayback()
	wb.Add("https://blog.test/posts/agents-2023",
		fakeweb.Capture{At: rescueWeek(-30), Title: "Agents in 2023"},
		fakeweb.Capture{At: lastAlive, Title: "Agents in 2023"},
		// Recorded after it died: the 404, and a later capture that
		// answered 200 with the site's not-found page.
		fakeweb.Capture{At: rescueWeek(1).Add(-48 * time.Hour), Code: http.StatusNotFound, Title: "404 Not Found"},
		fakeweb.Capture{At: rescueWeek(1).Add(-24 * time.Hour), Title: "404 Not Found"})
	wb.Add("https://tools.test/notes",
		fakeweb.Capture{At: rescueWeek(-8), Title: "Tool notes"},
		fakeweb.Capture{At: rescueWeek(1).Add(-24 * time.Hour), Title: "This domain is for sale!"})
	wb.Add("https://lost.test/post",
		fakeweb.Capture{At: rescueWeek(1).Add(-24 * time.Hour), Code: http.StatusGone, Title: "410 Gone"})
	c.web.Handle(fakeweb.WaybackHost, wb)

	catalogPath := filepath.Join(c.dir, "resources.yaml")
	writeFile(t, catalogPath, rescueCatalog)
	statePath := filepath.Join(c.dir, "state.json")
	check := func(week int, out string, extra ...string) (int, map[string]result.Result) {
		t.Helper()
		now.Store(rescueWeek(week))
		args := append([]string{"check", "--state", statePath, "--retries", "0", "--format", "json", "--output", filepath.Join(c.dir, out)}, extra...)
		code, stdout, stderr := c.run(args...)
		data, err := os.ReadFile(filepath.Join(c.dir, out))
		if err != nil {
			t.Fatalf("week %d: %v\n%s\n%s", week, err, stdout, stderr)
		}
		matchReportSchema(t, out, data)
		run, err := report.ReadJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		byID := map[string]result.Result{}
		for _, r := range run.Results {
			byID[r.ID+" "+string(r.Target)] = r
		}
		return code, byID
	}

	// Week 0: all alive. No question goes to the archive.
	if code, _ := check(0, "week0.json"); code != exitOK {
		t.Fatalf("week 0 exited %d, want 0", code)
	}
	if q := wb.Queries(); len(q) != 0 {
		t.Fatalf("the archive was asked %d times while every link lived: %v", len(q), q)
	}

	// Week 1: three links died.
	dead.Store(true)
	code, res := check(1, "week1.json")
	if code != exitFailing {
		t.Fatalf("week 1 exited %d, want 1 (dead links)", code)
	}
	want := map[string]struct {
		status  status.Status
		archive string
		note    string
	}{
		"agents-post url": {status.Broken, "https://web.archive.org/web/" + lastAlive.Format("20060102150405") + "/https://blog.test/posts/agents-2023", ""},
		"tool-notes url":  {status.Broken, "https://web.archive.org/web/" + rescueWeek(-8).Format("20060102150405") + "/https://tools.test/notes", ""},
		"lost-post url":   {status.Broken, "", "no archived copy of the live page"},
	}
	for key, w := range want {
		r := res[key]
		if r.Status != w.status || r.ArchiveURL != w.archive || r.ArchiveNote != w.note {
			t.Errorf("week 1 %s: %v, archive %q, note %q; want %v, archive %q, note %q",
				key, r.Status, r.ArchiveURL, r.ArchiveNote, w.status, w.archive, w.note)
		}
	}
	// Each question reaches back to the link's last good run, week 0.
	queries := wb.Queries()
	if len(queries) != 3 {
		t.Errorf("the archive was asked %d CDX questions, want one per dead link: %v", len(queries), queries)
	}
	for _, q := range queries {
		if !strings.Contains(q, "to="+rescueWeek(0).Format("20060102150405")) {
			t.Errorf("CDX query not bounded by the last good run (%s): %s", rescueWeek(0).Format("20060102150405"), q)
		}
	}

	// fix writes the copies and the DOI, and the catalog validates.
	if code, stdout, stderr := c.run("fix", "--from", filepath.Join(c.dir, "week1.json"), "--only", "archived,published"); code != exitOK {
		t.Fatalf("fix exited %d\n%s\n%s", code, stdout, stderr)
	}
	fixed, err := os.ReadFile(catalogPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{
		"        archive: " + want["agents-post url"].archive + "\n",
		"        archive: " + want["tool-notes url"].archive + "\n",
		"        doi: 10.5555/3666122.3666499\n",
	} {
		if !strings.Contains(string(fixed), line) {
			t.Errorf("fixed catalog lacks %q:\n%s", line, fixed)
		}
	}
	if strings.Count(string(fixed), "archive:") != 2 {
		t.Errorf("fixed catalog has %d archive keys, want 2:\n%s", strings.Count(string(fixed), "archive:"), fixed)
	}
	if code, _, stderr := c.run("validate", "--catalog", catalogPath); code != exitOK {
		t.Fatalf("the fixed catalog does not validate:\n%s", stderr)
	}

	// Week 2: the rescued links are archived and fail nothing; the lost
	// one still fails the run until a human removes it.
	code, res = check(2, "week2.json")
	if code != exitFailing {
		t.Errorf("week 2 exited %d, want 1 (lost-post has no copy)", code)
	}
	for key, st := range map[string]status.Status{
		"agents-post url": status.Archived,
		"tool-notes url":  status.Archived,
		"lost-post url":   status.Broken,
		"reflexion arxiv": status.OK,
	} {
		if res[key].Status != st {
			t.Errorf("week 2 %s: %v (%s), want %v", key, res[key].Status, res[key].Message, st)
		}
	}
	if code, _ := check(2, "week2b.json", "--exclude", "^lost-post$"); code != exitOK {
		t.Errorf("week 2 without the lost post exited %d, want 0", code)
	}
}
