// Package broken does not type-check.
package broken

import "net/http"

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /broken", undefinedHandler)
}
