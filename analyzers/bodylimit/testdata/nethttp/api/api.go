// Package api holds handlers whose routes are registered in package main // want package:`bodyReads\(api.go:16 api.go:36\)`
// (facts carry what they read).
package api

import (
	"encoding/json"
	"net/http"
)

type Order struct {
	Item string `json:"item"`
	Qty  int    `json:"qty"`
}

// CreateOrder decodes the body with no limit.
func CreateOrder(w http.ResponseWriter, r *http.Request) { // want CreateOrder:`readsBody\(json.Decoder.Decode at api.go:18\)`
	var o Order
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// UpdateOrder bounds the body first.
func UpdateOrder(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var o Order
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
}

// CreateUser reads through a helper of this package.
func CreateUser(w http.ResponseWriter, r *http.Request) { // want CreateUser:`readsBody\(api.DecodeJSON at api.go:38\)`
	var u struct{ Name string }
	if err := DecodeJSON(r, &u); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
	}
}

// DecodeJSON is a helper other packages use too.
func DecodeJSON(r *http.Request, v any) error { // want DecodeJSON:`readsBody\(json.Decoder.Decode at api.go:45\)`
	return json.NewDecoder(r.Body).Decode(v)
}

// DecodeLimited bounds what it reads.
func DecodeLimited(w http.ResponseWriter, r *http.Request, v any) error {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	return json.NewDecoder(r.Body).Decode(v)
}
