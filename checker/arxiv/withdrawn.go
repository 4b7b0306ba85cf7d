package arxiv

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

const (
	nsOAI      = "http://www.openarchives.org/OAI/2.0/"
	nsArxivRaw = "http://arxiv.org/OAI/arXivRaw/"
)

// rawVersion is one <version> of an arXivRaw record.
type rawVersion struct {
	Version    string `xml:"version,attr"`
	Date       string `xml:"http://arxiv.org/OAI/arXivRaw/ date"`
	Size       string `xml:"http://arxiv.org/OAI/arXivRaw/ size"`
	SourceType string `xml:"http://arxiv.org/OAI/arXivRaw/ source_type"`
}

// withdrawn applies arXiv's own rule (arxiv-base parse_abs): a version
// with no source (0kb) or whose source is flagged I (ignore) is withdrawn.
func (v rawVersion) withdrawn() bool {
	return strings.EqualFold(strings.TrimSpace(v.Size), "0kb") || strings.ContainsRune(v.SourceType, 'I')
}

type oaiError struct {
	Code    string `xml:"code,attr"`
	Message string `xml:",chardata"`
}

// parseArxivRaw reads an OAI-PMH GetRecord answer: the record's versions
// in document order, or the OAI error it carries instead.
func parseArxivRaw(body []byte) ([]rawVersion, *oaiError, error) {
	d := xml.NewDecoder(bytes.NewReader(body))
	var versions []rawVersion
	sawRoot := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("read OAI-PMH response: %w", err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case !sawRoot:
			if start.Name.Space != nsOAI || start.Name.Local != "OAI-PMH" {
				return nil, nil, fmt.Errorf("not an OAI-PMH response: root <%s>", start.Name.Local)
			}
			sawRoot = true
		case start.Name.Space == nsOAI && start.Name.Local == "error":
			var e oaiError
			if err := d.DecodeElement(&e, &start); err != nil {
				return nil, nil, fmt.Errorf("read OAI-PMH error: %w", err)
			}
			e.Message = foldSpace(e.Message)
			return nil, &e, nil
		case start.Name.Space == nsArxivRaw && start.Name.Local == "version":
			var v rawVersion
			if err := d.DecodeElement(&v, &start); err != nil {
				return nil, nil, fmt.Errorf("read arXivRaw version: %w", err)
			}
			versions = append(versions, v)
		}
	}
	if !sawRoot {
		return nil, nil, errors.New("empty OAI-PMH response")
	}
	return versions, nil, nil
}

// confirmWithdrawn asks OAI-PMH whether the latest version of id is
// withdrawn. One GetRecord per paper, through the same gate as the API.
func (c *Client) confirmWithdrawn(ctx context.Context, id string, onAttempt func(time.Duration)) (bool, error) {
	u := c.cfg.OAIBaseURL + "?verb=GetRecord&identifier=" + url.QueryEscape("oai:arXiv.org:"+id) + "&metadataPrefix=arXivRaw"
	var (
		versions []rawVersion
		oaiErr   *oaiError
		code     int
	)
	err := c.get(ctx, u, acceptOAI, func(x exchange) error {
		if err := transportProblem(x); err != nil {
			return err
		}
		if code = x.code; code != http.StatusOK {
			return nil // a refusal such as 403 will not change on retry
		}
		var err error
		versions, oaiErr, err = parseArxivRaw(x.body)
		return err
	}, onAttempt)
	switch {
	case err != nil:
		return false, fmt.Errorf("arXiv OAI-PMH unavailable: %w", err)
	case code != http.StatusOK:
		return false, fmt.Errorf("arXiv OAI-PMH answered HTTP %d", code)
	case oaiErr != nil:
		return false, fmt.Errorf("arXiv OAI-PMH: %s: %s", oaiErr.Code, oaiErr.Message)
	case len(versions) == 0:
		return false, errors.New("arXiv OAI-PMH answered without a record")
	}
	return versions[len(versions)-1].withdrawn(), nil
}
