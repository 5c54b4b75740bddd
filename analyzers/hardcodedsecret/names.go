package hardcodedsecret

import (
	"encoding/base64"
	"go/ast"
	"go/constant"
	"go/types"
	"net/http"
	"strings"

	"github.com/apivet/apivet/internal/check"
)

// A literal is named by more than the identifier it is assigned to: by the
// environment variable it is stored into (os.Setenv("DB_PASSWORD", "…")),
// by the function that returns it (func jwtSecret() string { return "…" }),
// and by the HTTP header it is sent in (Authorization: Bearer …).

// A keyValueCall is a function or method storing a value under a string
// name: key and val are argument indexes. Read from the standard library:
// os.Setenv(key, value string) error, syscall.Setenv(key, value string)
// error, (http.Header).Set/Add(key, value string).
type keyValueCall struct {
	key, val int
	header   bool // the name is an HTTP header name
}

var keyValueCalls = map[sinkKey]keyValueCall{
	{"os", "", "Setenv"}:                   {key: 0, val: 1},
	{"syscall", "", "Setenv"}:              {key: 0, val: 1},
	{"net/http", "Header", "Set"}:          {key: 0, val: 1, header: true},
	{"net/http", "Header", "Add"}:          {key: 0, val: 1, header: true},
	{"net/textproto", "MIMEHeader", "Set"}: {key: 0, val: 1, header: true},
	{"net/textproto", "MIMEHeader", "Add"}: {key: 0, val: 1, header: true},
}

// credentialHeaders carry a credential after an auth scheme.
var credentialHeaders = map[string]bool{"Authorization": true, "Proxy-Authorization": true}

// authSchemes are the schemes whose parameter is the credential itself.
var authSchemes = map[string]bool{"bearer": true, "token": true, "bot": true, "apikey": true, "key": true}

// keyValueCall handles a value stored under a name by call; it reports
// whether call was one.
func (r *runner) keyValueCall(call *ast.CallExpr, fn *types.Func, sig *types.Signature) bool {
	kv, ok := keyValueCalls[sinkKey{fn.Pkg().Path(), recvName(sig), fn.Name()}]
	if !ok || kv.key >= len(call.Args) || kv.val >= len(call.Args) {
		return false
	}
	tv, ok := r.pass.TypesInfo.Types[call.Args[kv.key]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return true
	}
	name := constant.StringVal(tv.Value)
	val := call.Args[kv.val]
	switch {
	case kv.header && credentialHeaders[http.CanonicalHeaderKey(name)]:
		r.sinkValue(val, "credential", authHeader, check.Error, "sent in the "+http.CanonicalHeaderKey(name)+" header")
	case kv.header:
		r.named(name, val, "sent in the header "+name)
	default:
		r.named(name, val, "stored in the environment variable "+name)
	}
	return true
}

// authCredential returns the credential part of an Authorization value:
// the token after Bearer/Token/…, the password of Basic user:password
// (base64), or the whole value when it names no scheme.
func authCredential(v string) (string, bool) {
	scheme, rest, found := strings.Cut(strings.TrimSpace(v), " ")
	if !found {
		return v, true
	}
	scheme = strings.TrimSuffix(strings.ToLower(scheme), ":")
	rest = strings.TrimSpace(rest)
	switch {
	case scheme == "basic":
		b, err := base64.StdEncoding.DecodeString(rest)
		if err != nil {
			return "", false
		}
		_, pw, ok := strings.Cut(string(b), ":")
		return pw, ok
	case authSchemes[scheme]:
		return rest, true
	}
	return v, true
}

// returnsNamed handles a function named like a secret that returns a
// literal: func jwtSecret() string { return "…" }.
func (r *runner) returnsNamed(fd *ast.FuncDecl) {
	if fd.Body == nil || fd.Type.Results == nil || fd.Name.Name == "_" {
		return
	}
	if _, secret := r.nameInfo(fd.Name.Name); !secret {
		return
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) > 0 {
				r.named(fd.Name.Name, n.Results[0], "returned by "+fd.Name.Name+"()")
			}
		}
		return true
	})
}
