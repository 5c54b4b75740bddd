// Package web has response helpers shared by handlers.
package web

import (
	"encoding/json"
	"net/http"

	"example.com/api/models"
)

// WriteJSON writes v as the JSON response body.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// SetupLogin answers a login with a cleaned copy of the user: only the
// fields it reads can reach the client.
func SetupLogin(u *models.User, w http.ResponseWriter) { // want SetupLogin:"reads only 0:Email,ID,Role"
	clean := models.User{Email: u.Email, Role: u.Role}
	clean.ID = u.ID
	WriteJSON(w, http.StatusOK, clean)
}

// SendUser sends the user as it is.
func SendUser(u *models.User, w http.ResponseWriter) {
	WriteJSON(w, http.StatusOK, u)
}

// SendWithHash copies the hash too.
func SendWithHash(u *models.User, w http.ResponseWriter) { // want SendWithHash:"reads only 0:Email,PasswordHash"
	WriteJSON(w, http.StatusOK, models.User{Email: u.Email, PasswordHash: u.PasswordHash})
}

// SendMasked writes into the user before sending it.
func SendMasked(u *models.User, w http.ResponseWriter) {
	u.Role = "hidden"
	WriteJSON(w, http.StatusOK, u)
}
