// Package weblogin is a web application's middleware: an anonymous
// request is refused by a redirect to the sign-in page, not a 401.
package weblogin

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type Sessions interface {
	LoggedIn(r *http.Request) bool
	Returning(r *http.Request) bool
}

// LoginRequired sends anonymous visitors to the login page.
func LoginRequired(s Sessions, next http.HandlerFunc) http.HandlerFunc { // want `fact middleware\(auth\)`
	return func(w http.ResponseWriter, r *http.Request) { // want `handler LoginRequired\$1 net/http$`
		if !s.LoggedIn(r) {
			http.Redirect(w, r, "/login", http.StatusSeeOther)
			return
		}
		next(w, r)
	}
}

// SignInFirst keeps the target in a variable (govwa's AuthCheck).
func SignInFirst(s Sessions, next http.HandlerFunc) http.HandlerFunc { // want `fact middleware\(auth\)`
	return func(w http.ResponseWriter, r *http.Request) { // want `handler SignInFirst\$1 net/http$`
		if !s.LoggedIn(r) {
			target := "/account/sign-in"
			http.Redirect(w, r, target, http.StatusFound)
			return
		}
		next(w, r)
	}
}

// GinLogin is the gin form.
func GinLogin(s Sessions) gin.HandlerFunc { // want `fact middleware\(auth\)`
	return func(c *gin.Context) { // want `handler GinLogin\$1 gin mw`
		if !s.LoggedIn(c.Request) {
			c.Redirect(http.StatusFound, "/auth/login")
			c.Abort()
			return
		}
		c.Next()
	}
}

// CanonicalHost redirects to another page that is no sign-in: not auth.
func CanonicalHost(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { // want `handler func@weblogin.go:\d+ net/http mw`
		if r.Host != "example.com" {
			http.Redirect(w, r, "/home", http.StatusMovedPermanently)
			return
		}
		next(w, r)
	}
}

// Either picks its target at run time: the page is not known.
func Either(s Sessions, next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { // want `handler Either\$1 net/http$`
		target := "/login"
		if s.Returning(r) {
			target = "/welcome"
		}
		if !s.LoggedIn(r) {
			http.Redirect(w, r, target, http.StatusFound)
			return
		}
		next(w, r)
	}
}
