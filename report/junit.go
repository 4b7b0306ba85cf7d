package report

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"time"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// The JUnit XML that CI systems read (Jenkins, GitLab, Azure Pipelines,
// the test-report actions of GitHub): testsuites of testcases, with
// failure and skipped children and times in seconds.

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name      string      `xml:"name,attr"`
	Tests     int         `xml:"tests,attr"`
	Failures  int         `xml:"failures,attr"`
	Errors    int         `xml:"errors,attr"`
	Skipped   int         `xml:"skipped,attr"`
	Time      string      `xml:"time,attr"`
	Timestamp string      `xml:"timestamp,attr,omitempty"`
	Cases     []junitCase `xml:"testcase"`
}

type junitCase struct {
	ClassName string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitMessage `xml:"failure"`
	Skipped   *junitMessage `xml:"skipped"`
	SystemOut string        `xml:"system-out,omitempty"`
}

// junitMessage is a failure or a skip: the message attribute is what a
// test tab shows in its list, the text what it shows when opened.
type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",chardata"`
}

// renderJUnit writes one testsuite per catalog section, in catalog order,
// and one testcase per checked target. A status in FailOn is a failure
// (a watched one not yet failing passes, as the exit code says), skipped
// is skipped, and any other finding passes with what was found in its
// output, so the test tab agrees with the run's exit code.
func renderJUnit(buf *bytes.Buffer, run Run, opts Options) error {
	doc := junitSuites{Name: "linkcheck", Time: seconds(run.Duration)}
	bySection := map[string]int{}
	var suiteTime []time.Duration
	for _, r := range run.Results {
		name := r.Section
		if name == "" {
			name = "catalog"
		}
		i, ok := bySection[name]
		if !ok {
			i = len(doc.Suites)
			bySection[name] = i
			doc.Suites = append(doc.Suites, junitSuite{Name: name})
			suiteTime = append(suiteTime, 0)
			if !run.StartedAt.IsZero() {
				doc.Suites[i].Timestamp = run.StartedAt.UTC().Format("2006-01-02T15:04:05")
			}
		}
		c := junitCase{ClassName: name, Name: r.ID + " " + target(r), Time: seconds(r.Duration)}
		s := &doc.Suites[i]
		detail := found(r).String() + historyNote(opts, r)
		switch {
		case r.Status == status.Skipped:
			c.Skipped = &junitMessage{Message: firstNonEmpty(oneLine(r.Message), "skipped")}
			s.Skipped++
		case opts.FailOn.Has(r.Status) && !r.History.Pending:
			c.Failure = &junitMessage{Message: junitFailure(r, detail), Type: r.Status.String(), Text: suggestion(r)}
			s.Failures++
		case needsListing(r):
			c.SystemOut = r.Status.String() + ": " + detail
		}
		s.Tests++
		suiteTime[i] += r.Duration
		s.Cases = append(s.Cases, c)
	}
	for i := range doc.Suites {
		doc.Suites[i].Time = seconds(suiteTime[i])
		doc.Tests += doc.Suites[i].Tests
		doc.Failures += doc.Suites[i].Failures
		doc.Skipped += doc.Suites[i].Skipped
	}
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	buf.WriteString("\n")
	return nil
}

// junitFailure is a failure's one-line message: the status and what the
// check found.
func junitFailure(r result.Result, detail string) string {
	if detail == "" {
		return r.Status.String()
	}
	return r.Status.String() + ": " + detail
}

// seconds is d in seconds with millisecond precision, as JUnit writes
// times.
func seconds(d time.Duration) string {
	return strconv.FormatFloat(d.Seconds(), 'f', 3, 64)
}
