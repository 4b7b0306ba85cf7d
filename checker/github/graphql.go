package github

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/ai-reading-list/linkcheck/checker/verifier"
)

// batchSize is the most repositories one GraphQL query asks about; GitHub
// charges such a query one point of its 5,000 an hour.
const batchSize = 100

// graphQLFields are what a query asks of each repository: the REST
// fields repoVerdict reads, under their GraphQL names.
const graphQLFields = "nameWithOwner url isArchived isDisabled isPrivate pushedAt"

// graphQLRepo is one repository of a GraphQL answer.
type graphQLRepo struct {
	NameWithOwner string     `json:"nameWithOwner"`
	URL           string     `json:"url"`
	IsArchived    bool       `json:"isArchived"`
	IsDisabled    bool       `json:"isDisabled"`
	IsPrivate     bool       `json:"isPrivate"`
	PushedAt      *time.Time `json:"pushedAt"`
}

// graphQLURL is the GraphQL endpoint beside a REST base URL:
// https://api.github.com/graphql, and for GitHub Enterprise Server
// (REST under /api/v3) /api/graphql.
func graphQLURL(base *url.URL) *url.URL {
	u := *base
	u.Path = strings.TrimSuffix(u.Path, "/v3")
	return u.JoinPath("graphql")
}

// query is the GraphQL query for keys: one aliased repository lookup per
// key (r0, r1, …). GraphQL follows renames, as the REST API's redirects
// do, so a renamed repository answers under its new nameWithOwner.
func query(keys []string) []byte {
	var q strings.Builder
	q.WriteString("query {")
	for i, k := range keys {
		owner, name, _ := strings.Cut(k, "/")
		fmt.Fprintf(&q, " r%d: repository(owner: %s, name: %s) { %s }", i, strconv.Quote(owner), strconv.Quote(name), graphQLFields)
	}
	q.WriteString(" }")
	body, _ := json.Marshal(map[string]string{"query": q.String()})
	return body
}

// batch asks GraphQL about keys, up to batchSize at a time, and returns
// the verdicts of the repositories it found. A repository it did not
// find, or a batch that failed (an error, a rate limit, an answer it
// cannot read), is left out: the REST API then asks about it on its own,
// and says whether it is missing, moved or just unreachable. So batching
// saves requests but never decides a broken verdict by itself.
func (c *Client) batch(ctx context.Context, keys []string) map[string]verifier.Verdict {
	out := make(map[string]verifier.Verdict, len(keys))
	for len(keys) > 0 && ctx.Err() == nil {
		n := min(len(keys), batchSize)
		chunk := keys[:n]
		keys = keys[n:]
		start := time.Now()
		r := c.api.Send(ctx, http.MethodPost, graphQLURL(c.base), query(chunk))
		if r.Err != nil || r.Code != http.StatusOK {
			continue
		}
		var doc struct {
			Data map[string]*graphQLRepo `json:"data"`
		}
		if json.Unmarshal(r.Body, &doc) != nil {
			continue
		}
		d := time.Since(start)
		for i, k := range chunk {
			g := doc.Data["r"+strconv.Itoa(i)]
			if g == nil || g.NameWithOwner == "" {
				continue
			}
			v := repoVerdict(k, repository{
				FullName: g.NameWithOwner, HTMLURL: g.URL, Archived: g.IsArchived,
				Disabled: g.IsDisabled, Private: g.IsPrivate, PushedAt: g.PushedAt,
			}, c.cfg.Now(), c.cfg.StaleAfter)
			// The query's cost is shared: each repository reports the
			// request it took part in.
			v.Attempts, v.Duration = r.Attempts, d
			out[k] = v
		}
	}
	return out
}
