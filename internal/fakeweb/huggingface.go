package fakeweb

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
)

// HubRepo is one Space, model or dataset of a HubAPI.
type HubRepo struct {
	Kind  string // "spaces", "models" or "datasets"
	ID    string // "owner/name", as the Hub spells it today
	Stage string // a Space's runtime stage ("RUNNING", "RUNTIME_ERROR")
	Gated string // "", "auto" or "manual"
	// Private repositories answer as missing ones do to requests without
	// the API's token.
	Private  bool
	Disabled bool
}

// HubAPI is a fake Hugging Face Hub API: GET /api/spaces/{id},
// /api/models/{id} and /api/datasets/{id}. Like the Hub, it answers 401
// with X-Error-Code: RepoNotFound for a missing or private repository
// when the request carries no token (404 when it does), 403 with
// "Access to this resource is disabled." for a disabled one, and 307 from
// a renamed repository's old name to the new one. Paths outside /api/ go
// to Pages. Configure it before the first request.
type HubAPI struct {
	Token string       // the token the API accepts
	Pages http.Handler // the Hub's pages; nil answers 404

	mu     sync.Mutex
	repos  []HubRepo
	byPath map[string]int // "kind/owner/name", old names included, to index in repos
	auth   []string
}

// NewHubAPI returns an API that knows no repository.
func NewHubAPI() *HubAPI { return &HubAPI{byPath: make(map[string]int)} }

// Add adds a repository under its ID and any old IDs, which redirect to it.
func (h *HubAPI) Add(r HubRepo, oldIDs ...string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.repos = append(h.repos, r)
	for _, id := range append([]string{r.ID}, oldIDs...) {
		h.byPath[r.Kind+"/"+id] = len(h.repos) - 1
	}
}

// Authorizations returns the Authorization header of every API request,
// in order ("" for none).
func (h *HubAPI) Authorizations() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.auth...)
}

func (h *HubAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path, ok := strings.CutPrefix(r.URL.Path, "/api/")
	if !ok {
		if h.Pages == nil {
			http.NotFound(w, r)
			return
		}
		h.Pages.ServeHTTP(w, r)
		return
	}
	h.mu.Lock()
	auth := r.Header.Get("Authorization")
	h.auth = append(h.auth, auth)
	i, found := h.byPath[path]
	var repo HubRepo
	if found {
		repo = h.repos[i]
	}
	h.mu.Unlock()
	withToken := h.Token != "" && auth == "Bearer "+h.Token
	hdr := w.Header()
	hdr.Set("Content-Type", "application/json; charset=utf-8")
	switch {
	case found && path != repo.Kind+"/"+repo.ID:
		hdr.Set("Location", "/api/"+repo.Kind+"/"+repo.ID)
		w.WriteHeader(http.StatusTemporaryRedirect)
		return
	case (!found || repo.Private) && !withToken:
		hdr.Set("X-Error-Code", "RepoNotFound")
		hdr.Set("X-Error-Message", "Repository not found")
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"error":"Repository not found"}`)
		return
	case !found:
		hdr.Set("X-Error-Code", "RepoNotFound")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"error":"Repository not found"}`)
		return
	case repo.Disabled:
		hdr.Set("X-Error-Message", "Access to this resource is disabled.")
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, `{"error":"Access to this resource is disabled."}`)
		return
	}
	doc := map[string]any{"id": repo.ID, "private": repo.Private, "disabled": false, "gated": false}
	if repo.Gated != "" {
		doc["gated"] = repo.Gated
	}
	if repo.Kind == "spaces" {
		doc["runtime"] = map[string]any{"stage": repo.Stage, "hardware": map[string]any{"current": "cpu-basic"}}
	}
	_ = json.NewEncoder(w).Encode(doc)
}
