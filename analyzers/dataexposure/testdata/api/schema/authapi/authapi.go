// Package authapi serves an API whose response types are generated from
// its OpenAPI schema: a secret the schema declares is the schema's
// decision (a note), a hand-written or mock type's is the handler's.
package authapi

import (
	"encoding/json"
	"net/http"

	"example.com/api/schema/apigen"
	"example.com/api/schema/mocks"
)

type Server struct{}

func (s *Server) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /users/{id}", s.getUser)
	mux.HandleFunc("GET /credentials/{id}", s.getCredentials)
	mux.HandleFunc("GET /handmade/{id}", s.getHandmade)
	mux.HandleFunc("GET /mock/{id}", s.getMock)
}

// The lookups return the API's types, filled by another package.
func (s *Server) user(id string) apigen.User      { return apigen.User{Username: id} }
func (s *Server) handmade(id string) handmadeUser { return handmadeUser{Username: id} }
func (s *Server) mockUser(id string) mocks.User   { return mocks.User{Username: id} }
func (s *Server) credentials(id string) *apigen.Credentials {
	return &apigen.Credentials{AccessKeyId: id}
}

func (s *Server) getUser(w http.ResponseWriter, r *http.Request) {
	u := s.user(r.PathValue("id"))
	json.NewEncoder(w).Encode(u) // want `Encode sends apigen.User with its secret field EncryptedPassword: the API.s OpenAPI schema declares it`
}

func (s *Server) getCredentials(w http.ResponseWriter, r *http.Request) {
	c := s.credentials(r.PathValue("id"))
	json.NewEncoder(w).Encode(map[string]any{"credentials": c}) // want `Encode sends apigen.Credentials \(at "credentials"\) with its secret field SigningKey: the API.s OpenAPI schema declares it`
}

// handmadeUser is this package's own DTO: the handler chose the field.
type handmadeUser struct {
	Username          string `json:"username"`
	EncryptedPassword []byte `json:"encrypted_password"`
}

func (s *Server) getHandmade(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(s.handmade(r.PathValue("id"))) // want `Encode sends handmadeUser with its secret field EncryptedPassword to the client`
}

func (s *Server) getMock(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(s.mockUser(r.PathValue("id"))) // want `Encode sends mocks.User with its secret field PasswordHash to the client`
}
