// Package connhelper opens its database through a helper that also
// creates it (govwa's database.Connect runs CREATE DATABASE): that
// statement is no change to the profile a handler reads by its ID.
package connhelper

import (
	"database/sql"
	"net/http"

	"example.com/bolatest/auth"
)

// Profile belongs to a user.
type Profile struct {
	ID     int64
	UserID int64
	City   string
}

func connect(name string) (*sql.DB, error) {
	db, err := sql.Open("mysql", "app@tcp(db:3306)/")
	if err != nil {
		return nil, err
	}
	if _, err := db.Exec("CREATE DATABASE IF NOT EXISTS " + name); err != nil {
		return nil, err
	}
	return db, nil
}

// Load reads the profile of uid.
func (p *Profile) Load(uid string) error {
	db, err := connect("app")
	if err != nil {
		return err
	}
	return db.QueryRow("SELECT id, user_id, city FROM profiles WHERE user_id = ?", uid).Scan(&p.ID, &p.UserID, &p.City)
}

// Rename changes the profile of uid.
func (p *Profile) Rename(uid, city string) error {
	db, err := connect("app")
	if err != nil {
		return err
	}
	_, err = db.Exec("UPDATE profiles SET city = ? WHERE user_id = ?", city, uid)
	return err
}

func showProfile(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("uid")
	if err != nil {
		http.Error(w, "no profile", http.StatusBadRequest)
		return
	}
	var p Profile
	if err := p.Load(c.Value); err != nil { // want `cookie "uid" selects connhelper.Profile in \(\*connhelper.Profile\).Load on GET /profile, so any caller can read others' objects`
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	w.Write([]byte(p.City))
}

func renameProfile(w http.ResponseWriter, r *http.Request) {
	var p Profile
	if err := p.Rename(r.FormValue("uid"), r.FormValue("city")); err != nil { // want `form field "uid" selects connhelper.Profile in \(\*connhelper.Profile\).Rename on POST /profile, so any caller can change others' objects`
		http.Error(w, "failed", http.StatusInternalServerError)
	}
}

func Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /profile", showProfile)
	mux.HandleFunc("POST /profile", renameProfile)
	return auth.Middleware(mux)
}
