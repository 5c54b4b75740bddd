package routerapp

import (
	"encoding/json"
	"net/http"

	"github.com/julienschmidt/httprouter"

	"example.com/hm/sqlrepo"
)

type App struct{ db *sqlrepo.DB }

func (a *App) invoice(w http.ResponseWriter, r *http.Request, ps httprouter.Params) { // want `handler \(\*App\).invoice httprouter`
	id := ps.ByName("id")          // want `input path id`
	inv, _ := a.db.ByIDConcat(id)  // want `access repo read ByIDConcat \[id<path:id\] conds=0 model=example.com/hm/sqlrepo.Invoice`
	json.NewEncoder(w).Encode(inv) // want `response json inv`
}

// authCheck is httprouter middleware: it wraps a Handle.
func authCheck(next httprouter.Handle) httprouter.Handle { // want `fact middleware\(auth\)`
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) { // want `handler func@router.go:22 httprouter mw`
		if r.Header.Get("Authorization") == "" { // want `input header Authorization`
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next(w, r, ps)
	}
}

func health(w http.ResponseWriter, r *http.Request) {} // want `handler health net/http`

// Not a handler: httprouter.Params is not the third parameter.
func notHandler(w http.ResponseWriter, ps httprouter.Params, r *http.Request) {}

func Routes(a *App) http.Handler {
	r := httprouter.New()
	r.GET("/invoices/:id", authCheck(a.invoice))     // want `route GET /invoices/:id -> \(\*App\).invoice@router.go:14 \[authCheck\(auth\)\]`
	r.DELETE("/invoices/:id", a.invoice)             // want `route DELETE /invoices/:id -> \(\*App\).invoice@router.go:14 \[\]`
	r.HandlerFunc(http.MethodGet, "/health", health) // want `route GET /health -> health@router.go:31 \[\]`
	return r
}
