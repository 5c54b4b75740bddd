package httpmodel

import (
	"go/types"

	"github.com/apivet/apivet/internal/words"
)

// Rejections built by a constructor that names its status.
//
// A middleware that answers through the API's own error type
// (flightctl's writeResponse(w, api.StatusUnauthorized("…"))) writes no
// constant 401 where the model looks for one: the constructor's name is
// what says the request is refused as unauthenticated.

// rejectionWords map a word of a constructor's name to the kind of the
// middleware that calls it.
var rejectionWords = map[string]MiddlewareKind{
	"unauthorized":    Auth,
	"unauthenticated": Auth,
}

// predicateWords begin the names of tests, not constructors
// (IsUnauthorized(err) classifies an error; it refuses nothing).
// A 403 constructor (Forbidden) is left out: an HTTP middleware that
// forbids is not yet a kind of its own.
var predicateWords = map[string]bool{"is": true, "has": true, "was": true, "should": true, "can": true, "check": true}

// rejectionKind is the kind a call of fn marks its middleware with: a
// function (not a method) of the module or a library whose name builds a
// refusal (StatusUnauthorized, NewUnauthorized, Unauthenticated).
func rejectionKind(fn *types.Func) MiddlewareKind {
	if fn.Type().(*types.Signature).Recv() != nil {
		return 0
	}
	ws := words.Split(fn.Name())
	if len(ws) == 0 || predicateWords[ws[0]] {
		return 0
	}
	var k MiddlewareKind
	for _, w := range ws {
		k |= rejectionWords[w]
	}
	return k
}
