package stdapi

import (
	"encoding/json"
	"net/http"

	"example.com/api/models"
	"example.com/api/repo"
	"example.com/api/web"
)

type H struct{ R *repo.Repo }

func (h *H) user(w http.ResponseWriter, r *http.Request) {
	u, err := h.R.User(r.PathValue("id"))
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(u) // want `Encode sends persistence model models.User with its sensitive field PasswordHash`
}

func (h *H) session(w http.ResponseWriter, r *http.Request) {
	s, _ := h.R.Session(r.Context(), r.PathValue("id"))
	b, _ := json.Marshal(s)
	w.Write(b) // want `Write sends persistence model models.Session with its sensitive field Token`
}

func (h *H) sessionIssued(w http.ResponseWriter, r *http.Request) {
	s, _ := h.R.Session(r.Context(), r.PathValue("id"))
	s.Token = "issued-" + s.ID   // the token is sent on purpose to its owner
	json.NewEncoder(w).Encode(s) // want `whole`
}

func (h *H) profile(w http.ResponseWriter, r *http.Request) {
	var p models.Profile
	_ = json.NewDecoder(r.Body).Decode(&p)
	json.NewEncoder(w).Encode(p)
}

func (h *H) sessions(w http.ResponseWriter, r *http.Request) {
	s, _ := h.R.Session(r.Context(), r.PathValue("id"))
	list := []*models.Session{s}
	models.HideSecrets(list)
	json.NewEncoder(w).Encode(map[string]any{"sessions": list}) // want `whole`
}

func (h *H) userViaHelper(w http.ResponseWriter, r *http.Request) {
	u, _ := h.R.User(r.PathValue("id"))
	web.WriteJSON(w, http.StatusOK, u) // want `WriteJSON sends persistence model models.User with its sensitive field PasswordHash`
}

func (h *H) profileViaHelper(w http.ResponseWriter, r *http.Request) {
	u, _ := h.R.User(r.PathValue("id"))
	web.WriteJSON(w, http.StatusOK, map[string]string{"email": u.Email})
}

func (h *H) login(w http.ResponseWriter, r *http.Request) {
	u, _ := h.R.User(r.PathValue("id"))
	web.SetupLogin(&u, w) // want `SetupLogin sends models.User whole.*a persistence model: it embeds gorm.Model`
}

func (h *H) loginRaw(w http.ResponseWriter, r *http.Request) {
	u, _ := h.R.User(r.PathValue("id"))
	web.SendUser(&u, w) // want `SendUser sends persistence model models.User with its sensitive field PasswordHash`
}

func (h *H) loginHash(w http.ResponseWriter, r *http.Request) {
	u, _ := h.R.User(r.PathValue("id"))
	web.SendWithHash(&u, w) // want `SendWithHash sends persistence model models.User with its sensitive field PasswordHash`
}

func (h *H) loginMasked(w http.ResponseWriter, r *http.Request) {
	u, _ := h.R.User(r.PathValue("id"))
	web.SendMasked(&u, w) // want `SendMasked sends persistence model models.User with its sensitive field PasswordHash`
}

type memberView struct {
	ID     string `json:"id"`
	Secret string `json:"secret,omitempty"`
}

// The session's token copied into a DTO that json.Marshal writes.
func (h *H) memberByID(w http.ResponseWriter, r *http.Request) {
	s, _ := h.R.Session(r.Context(), r.PathValue("id"))
	view := &memberView{ID: s.ID}
	view.Secret = s.Token // want `Write sends models.Session's sensitive field Token to the client \(at "secret"\)`
	b, _ := json.Marshal(view)
	w.Write(b)
}

// The same DTO built but only its id sent.
func (h *H) memberIDOnly(w http.ResponseWriter, r *http.Request) {
	s, _ := h.R.Session(r.Context(), r.PathValue("id"))
	view := memberView{ID: s.ID, Secret: s.Token}
	json.NewEncoder(w).Encode(map[string]string{"id": view.ID})
}
