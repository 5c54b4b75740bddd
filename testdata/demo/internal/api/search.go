package api

import (
	"log/slog"
	"net/http"
	"net/url"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/render"
	"gorm.io/gorm"

	"example.com/demo/internal/auth"
	"example.com/demo/internal/store"
)

func mountSearch(r chi.Router, db *gorm.DB) {
	r.Get("/me/orders", searchMyOrders(db))
	r.Get("/me/orders/sorted", sortMyOrders(db))
	r.Post("/me/avatar/import", importAvatar)
	r.Post("/me/avatar/import-checked", importAvatarChecked)
}

// Bad: the sort order goes into the SQL text: ?sort=(SELECT ...) reads
// any table.
func searchMyOrders(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c := auth.FromContext(r.Context())
		var orders []store.Order
		db.Where("user_id = ?", c.UserID).Order(r.URL.Query().Get("sort")).Find(&orders)
		render.JSON(w, r, orders)
	}
}

// sortable are the columns a client may sort by.
var sortable = map[string]bool{"created_at": true, "total": true}

// Good: the column comes from an allowlist.
func sortMyOrders(db *gorm.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c := auth.FromContext(r.Context())
		sort := r.URL.Query().Get("sort")
		if !sortable[sort] {
			sort = "created_at"
		}
		var orders []store.Order
		db.Where("user_id = ?", c.UserID).Order(sort).Find(&orders)
		render.JSON(w, r, orders)
	}
}

// Bad: the server fetches any URL the client names — the cloud metadata
// endpoint, localhost's admin ports — and logs the caller's token.
func importAvatar(w http.ResponseWriter, r *http.Request) {
	src := r.FormValue("url")
	slog.Info("avatar import", "src", src, "auth", r.Header.Get("Authorization"))
	resp, err := http.Get(src)
	if err != nil {
		http.Error(w, "fetch failed", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(http.StatusNoContent)
}

// avatarHosts are the image hosts avatars may come from.
var avatarHosts = map[string]bool{"images.example-cdn.com": true}

// Good: only allowlisted hosts, and no credentials in the log.
func importAvatarChecked(w http.ResponseWriter, r *http.Request) {
	u, err := url.Parse(r.FormValue("url"))
	if err != nil || u.Scheme != "https" || !avatarHosts[u.Hostname()] {
		http.Error(w, "host not allowed", http.StatusBadRequest)
		return
	}
	slog.Info("avatar import", "src", u.Redacted())
	resp, err := http.Get(u.String())
	if err != nil {
		http.Error(w, "fetch failed", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(http.StatusNoContent)
}
