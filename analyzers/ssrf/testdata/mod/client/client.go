// Package client wraps outgoing calls: its helpers' parameters reach
// request URLs, so handlers of other packages passing input are reported.
package client

import (
	"net/http"
	"net/url"
)

// Fetch gets any URL.
func Fetch(target string) (*http.Response, error) {
	return http.Get(target)
}

// User gets a user from a fixed host: the ID is only in the path.
func User(id string) (*http.Response, error) {
	return http.Get("https://users.internal.example.com/v1/users/" + url.PathEscape(id))
}

// Join builds a URL under base (fixed by the caller) with input only in the path.
func Join(base, id string) (*http.Response, error) {
	u, err := url.JoinPath(base, "users", id)
	if err != nil {
		return nil, err
	}
	return http.Get(u)
}
