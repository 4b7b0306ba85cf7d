package fakeweb

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// GitHubRepo is one repository of a GitHubAPI.
type GitHubRepo struct {
	FullName string // "owner/name", as GitHub spells it today
	Archived bool
	Disabled bool
	Private  bool // answered 404 to requests without the API's token
	PushedAt time.Time
	// Code, when set, is answered instead of the repository (451 for a
	// DMCA takedown).
	Code int
}

// GitHubAPI is a fake GitHub REST API (serve it as api.github.com):
// GET /repos/{owner}/{name} and GET /repositories/{id}, with GitHub's
// rate-limit headers. A renamed repository answers 301 to its
// /repositories/{id} URL, as the real API does. POST /graphql answers
// queries of aliased repository(owner:, name:) lookups, for requests with
// the token only; it follows renames and answers null with a NOT_FOUND
// error for a repository it does not show. Configure it before the first
// request; its methods are safe for concurrent use.
type GitHubAPI struct {
	// Token is the token the API accepts; a request carrying it counts
	// against TokenLimit, any other against Limit.
	Token string
	// Limit and TokenLimit are the requests allowed per window without
	// and with the token; 0 means unlimited. Beyond them the API answers
	// 403 with X-RateLimit-Remaining: 0.
	Limit, TokenLimit int
	// Reset is when the window ends (X-RateLimit-Reset).
	Reset time.Time
	// OverQuota is the status answered beyond the limit: 403 (the
	// default) or 429, both of which GitHub sends.
	OverQuota int
	// GraphQLSpent makes GraphQL answer 403 with X-RateLimit-Remaining: 0,
	// its own quota (counted in points, apart from REST's) being spent.
	GraphQLSpent bool

	mu      sync.Mutex
	repos   []GitHubRepo
	byName  map[string]int // lower-case "owner/name", old names included, to index in repos
	used    map[bool]int   // requests counted, by whether they carried the token
	auth    []string       // the Authorization header of every request
	queries int            // GraphQL requests
}

// NewGitHubAPI returns an API that knows no repository.
func NewGitHubAPI() *GitHubAPI {
	return &GitHubAPI{byName: make(map[string]int), used: make(map[bool]int)}
}

// Add adds a repository under its name and any old names, which redirect
// to it.
func (g *GitHubAPI) Add(r GitHubRepo, oldNames ...string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.repos = append(g.repos, r)
	for _, n := range append([]string{r.FullName}, oldNames...) {
		g.byName[strings.ToLower(n)] = len(g.repos) - 1
	}
}

// Authorizations returns the Authorization header of every request, in
// order ("" for none).
func (g *GitHubAPI) Authorizations() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]string(nil), g.auth...)
}

func (g *GitHubAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	g.mu.Lock()
	defer g.mu.Unlock()
	auth := r.Header.Get("Authorization")
	g.auth = append(g.auth, auth)
	withToken := g.Token != "" && auth == "Bearer "+g.Token
	if r.URL.Path == "/graphql" {
		g.queries++
		g.graphQL(w, r, withToken)
		return
	}
	limit := g.Limit
	if withToken {
		limit = g.TokenLimit
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	if limit > 0 {
		h.Set("X-RateLimit-Limit", strconv.Itoa(limit))
		h.Set("X-RateLimit-Reset", strconv.FormatInt(g.Reset.Unix(), 10))
		if g.used[withToken] >= limit {
			h.Set("X-RateLimit-Remaining", "0")
			w.WriteHeader(cmp.Or(g.OverQuota, http.StatusForbidden))
			fmt.Fprint(w, `{"message":"API rate limit exceeded","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}`)
			return
		}
		g.used[withToken]++
		h.Set("X-RateLimit-Remaining", strconv.Itoa(limit-g.used[withToken]))
	}
	i, ok := g.lookup(r.URL.Path)
	if ok && r.URL.Path != "/repositories/"+strconv.Itoa(i+1) && !strings.EqualFold(r.URL.Path, "/repos/"+g.repos[i].FullName) {
		h.Set("Location", "https://"+r.Host+"/repositories/"+strconv.Itoa(i+1))
		w.WriteHeader(http.StatusMovedPermanently)
		fmt.Fprint(w, `{"message":"Moved Permanently"}`)
		return
	}
	if !ok || (g.repos[i].Private && !withToken) {
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"message":"Not Found","documentation_url":"https://docs.github.com/rest/repos/repos#get-a-repository"}`)
		return
	}
	repo := g.repos[i]
	if repo.Code != 0 {
		w.WriteHeader(repo.Code)
		fmt.Fprintf(w, `{"message":%q}`, http.StatusText(repo.Code))
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]any{
		"id":        i + 1,
		"full_name": repo.FullName,
		"html_url":  "https://github.com/" + repo.FullName,
		"archived":  repo.Archived,
		"disabled":  repo.Disabled,
		"private":   repo.Private,
		"pushed_at": repo.PushedAt.UTC().Format(time.RFC3339),
		// Changes with every star: not a freshness signal.
		"updated_at": time.Now().UTC().Format(time.RFC3339),
	})
}

// lookup finds the repository a path names. g.mu is held.
func (g *GitHubAPI) lookup(path string) (int, bool) {
	if id, ok := strings.CutPrefix(path, "/repositories/"); ok {
		n, err := strconv.Atoi(id)
		if err != nil || n < 1 || n > len(g.repos) {
			return 0, false
		}
		return n - 1, true
	}
	name, ok := strings.CutPrefix(path, "/repos/")
	if !ok {
		return 0, false
	}
	i, ok := g.byName[strings.ToLower(name)]
	return i, ok
}

// GraphQLRequests returns how many GraphQL requests the API got.
func (g *GitHubAPI) GraphQLRequests() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.queries
}

// lookupAlias matches one aliased lookup of a query.
var lookupAlias = regexp.MustCompile(`(r[0-9]+): repository\(owner: "([^"]*)", name: "([^"]*)"\)`)

// graphQL answers a query of repository lookups. g.mu is held.
func (g *GitHubAPI) graphQL(w http.ResponseWriter, r *http.Request, withToken bool) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if r.Method != http.MethodPost {
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	if !withToken {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"message":"This endpoint requires you to be authenticated."}`)
		return
	}
	if g.GraphQLSpent {
		w.Header().Set("X-RateLimit-Remaining", "0")
		w.Header().Set("X-RateLimit-Resource", "graphql")
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, `{"message":"API rate limit exceeded"}`)
		return
	}
	var req struct {
		Query string `json:"query"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	data := map[string]any{}
	var errs []map[string]any
	for _, m := range lookupAlias.FindAllStringSubmatch(req.Query, -1) {
		alias, name := m[1], m[2]+"/"+m[3]
		i, ok := g.byName[strings.ToLower(name)]
		if !ok || g.repos[i].Code != 0 || (g.repos[i].Private && !withToken) {
			data[alias] = nil
			errs = append(errs, map[string]any{"type": "NOT_FOUND", "path": []string{alias},
				"message": fmt.Sprintf("Could not resolve to a Repository with the name '%s'.", name)})
			continue
		}
		repo := g.repos[i]
		data[alias] = map[string]any{
			"nameWithOwner": repo.FullName,
			"url":           "https://github.com/" + repo.FullName,
			"isArchived":    repo.Archived,
			"isDisabled":    repo.Disabled,
			"isPrivate":     repo.Private,
			"pushedAt":      repo.PushedAt.UTC().Format(time.RFC3339),
		}
	}
	doc := map[string]any{"data": data}
	if len(errs) > 0 {
		doc["errors"] = errs
	}
	_ = json.NewEncoder(w).Encode(doc)
}
