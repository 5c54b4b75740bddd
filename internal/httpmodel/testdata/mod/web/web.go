// Package web holds a service's request and response helpers.
package web

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
)

// IDParam is an input helper: it returns the "id" path parameter.
func IDParam(r *http.Request) uint { // want `fact input\(path id\)`
	n, _ := strconv.ParseUint(chi.URLParam(r, "id"), 10, 64)
	return uint(n)
}

// Param reads the named path parameter.
func Param(c *gin.Context, name string) (int, error) { // want `fact input\(path name1\)`
	return strconv.Atoi(c.Param(name))
}

// Decode is a bind helper.
func Decode(r *http.Request, v any) error { // want `fact input\(body target1\)`
	return json.NewDecoder(r.Body).Decode(v)
}

// RespondJSON writes v as JSON.
func RespondJSON(w http.ResponseWriter, status int, v any) { // want `fact response\(json value2 status1\)`
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// Version reads no request input (a negative: takes a request but
// returns a constant).
func Version(r *http.Request) string { return "v1" }

// Log writes nothing to the client (negative: the value goes elsewhere).
func Log(w http.ResponseWriter, v any) { _ = v }
