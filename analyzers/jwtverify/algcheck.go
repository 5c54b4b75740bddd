package jwtverify

import (
	"go/ast"
	"go/token"
	"go/types"
)

// An algorithm check pins the algorithm only when its outcome decides
// something: a key function that type-asserts token.Method and, on a
// mismatch, only logs still returns the key for any alg. So each candidate
// (a type assertion, comparison or Alg() call on token.Method, a read of
// token.Header["alg"], a call of a checking helper) counts only when it is
// decisive: it is the condition of an if whose branch stops (return, panic,
// exit, continue), the tag of a switch with a clause that stops, a value
// returned to the caller (a helper's verdict), or is stored in a variable
// used in one of those ways.

// stopFuncs are the calls that end the function or the program.
var stopFuncs = map[string]bool{
	"panic": true, "os.Exit": true, "runtime.Goexit": true,
	"log.Fatal": true, "log.Fatalf": true, "log.Fatalln": true,
	"log.Panic": true, "log.Panicf": true, "log.Panicln": true,
	"log.Logger.Fatal": true, "log.Logger.Fatalf": true, "log.Logger.Fatalln": true,
	"log.Logger.Panic": true, "log.Logger.Panicf": true, "log.Logger.Panicln": true,
}

// comparingPkgs: a call of one of these packages' functions with the
// algorithm as argument compares it (strings.EqualFold, slices.Contains).
var comparingPkgs = map[string]bool{"strings": true, "slices": true, "bytes": true}

// checksAlg reports whether body checks the token's algorithm decisively.
func (c *checker) checksAlg(body ast.Node, depth int) bool {
	parents := parentMap(body)
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		var cand ast.Node
		switch n := n.(type) {
		case *ast.TypeAssertExpr:
			if c.isTokenField(n.X, "Method") {
				cand = n
			}
		case *ast.SelectorExpr:
			if n.Sel.Name == "Alg" && c.isTokenField(n.X, "Method") {
				cand = n
			}
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && (c.isTokenField(n.X, "Method") || c.isTokenField(n.Y, "Method")) {
				cand = n
			}
		case *ast.IndexExpr:
			if c.isTokenField(n.X, "Header") {
				if k, ok := c.constString(n.Index); ok && k == "alg" {
					cand = n
				}
			}
		case *ast.CallExpr:
			cand = c.checkingHelperCall(n, depth)
		}
		if cand != nil && c.decisive(cand, parents, 0) {
			found = true
		}
		return true
	})
	return found
}

// checkingHelperCall returns call when it passes the token to a helper that
// checks the algorithm. A helper with no result stops (or not) by itself,
// so its call counts wherever it stands.
func (c *checker) checkingHelperCall(call *ast.CallExpr, depth int) ast.Node {
	fn := c.callee(call)
	if fn == nil || depth >= maxDepth {
		return nil
	}
	passesToken := false
	for _, a := range call.Args {
		if isJWTToken(c.pass.TypesInfo.TypeOf(a)) {
			passesToken = true
		}
	}
	if !passesToken {
		return nil
	}
	s := c.funcSummary(fn, depth+1)
	if s == nil || !s.checksAlg {
		return nil
	}
	if fn.Type().(*types.Signature).Results().Len() == 0 {
		return &ast.ReturnStmt{} // stands for "decisive by itself"
	}
	return call
}

func parentMap(root ast.Node) map[ast.Node]ast.Node {
	parents := map[ast.Node]ast.Node{}
	var stack []ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if len(stack) > 0 {
			parents[n] = stack[len(stack)-1]
		}
		stack = append(stack, n)
		return true
	})
	return parents
}

// decisive reports whether the outcome of the check expression e decides
// whether the key function goes on (see the file comment).
func (c *checker) decisive(e ast.Node, parents map[ast.Node]ast.Node, depth int) bool {
	if _, ok := e.(*ast.ReturnStmt); ok {
		return true
	}
	if depth > maxDepth {
		return false
	}
	for {
		p := parents[e]
		switch p := p.(type) {
		case *ast.ParenExpr, *ast.UnaryExpr, *ast.TypeAssertExpr, *ast.StarExpr:
		case *ast.SelectorExpr:
			if p.X != e {
				return false
			}
		case *ast.IndexExpr:
			return false // keys[alg]: a lookup the token steers, not a check
		case *ast.BinaryExpr:
			if p.Op == token.EQL || p.Op == token.NEQ {
				other := p.X
				if other == e {
					other = p.Y
				}
				if c.isNil(other) {
					return false // t.Method != nil: present, not pinned
				}
				if s, ok := c.constString(other); ok && s == "" {
					return false
				}
			}
		case *ast.CallExpr:
			if p.Fun != e && !c.comparingCall(p) {
				return false // fmt.Errorf("... %v", alg): data, not a check
			}
		case *ast.IfStmt:
			return (e == p.Cond || e == p.Init) && ifStops(c, p)
		case *ast.SwitchStmt:
			return (e == p.Tag || e == p.Init) && clausesStop(c, p.Body)
		case *ast.TypeSwitchStmt:
			return clausesStop(c, p.Body)
		case *ast.ExprStmt:
			if ts, ok := parents[p].(*ast.TypeSwitchStmt); ok && ts.Assign == p {
				return clausesStop(c, ts.Body)
			}
			return false
		case *ast.AssignStmt:
			switch gp := parents[p].(type) {
			case *ast.TypeSwitchStmt:
				if gp.Assign == p {
					return clausesStop(c, gp.Body)
				}
			case *ast.IfStmt:
				if gp.Init == p && ifStops(c, gp) {
					return true
				}
			}
			return c.varsDecisive(p.Lhs, parents, depth)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(p.Names))
			for i, n := range p.Names {
				lhs[i] = n
			}
			return c.varsDecisive(lhs, parents, depth)
		case *ast.ReturnStmt:
			return true // the caller decides: a helper's verdict
		default:
			return false
		}
		e = p
	}
}

// comparingCall: a call whose result is a verdict on its arguments.
func (c *checker) comparingCall(call *ast.CallExpr) bool {
	fn := c.callee(call)
	if fn == nil {
		return false
	}
	if comparingPkgs[pkgPath(fn)] {
		return true
	}
	if loggingPkgs[pkgPath(fn)] {
		return false
	}
	res := fn.Type().(*types.Signature).Results()
	if res.Len() != 1 {
		return false
	}
	t := res.At(0).Type()
	return types.Identical(t, types.Typ[types.Bool]) || types.Identical(t, types.Universe.Lookup("error").Type())
}

// varsDecisive reports whether a variable assigned the check's outcome is
// used decisively.
func (c *checker) varsDecisive(lhs []ast.Expr, parents map[ast.Node]ast.Node, depth int) bool {
	objs := map[types.Object]bool{}
	for _, l := range lhs {
		if id, ok := ast.Unparen(l).(*ast.Ident); ok && id.Name != "_" {
			if o := c.objOf(id); o != nil {
				objs[o] = true
			}
		}
	}
	if len(objs) == 0 {
		return false
	}
	for n := range parents {
		id, ok := n.(*ast.Ident)
		if !ok || !objs[c.pass.TypesInfo.Uses[id]] {
			continue
		}
		if c.decisive(id, parents, depth+1) {
			return true
		}
	}
	return false
}

func ifStops(c *checker, s *ast.IfStmt) bool {
	if stops(c, s.Body.List) {
		return true
	}
	switch e := s.Else.(type) {
	case *ast.BlockStmt:
		return stops(c, e.List)
	case *ast.IfStmt:
		return ifStops(c, e)
	}
	return false
}

func clausesStop(c *checker, body *ast.BlockStmt) bool {
	for _, st := range body.List {
		if cc, ok := st.(*ast.CaseClause); ok && stops(c, cc.Body) {
			return true
		}
	}
	return false
}

// stops reports whether a statement list ends the key function's run
// (or, in a loop over candidate keys, skips to the next one).
func stops(c *checker, list []ast.Stmt) bool {
	for _, st := range list {
		switch st := st.(type) {
		case *ast.ReturnStmt, *ast.BranchStmt:
			return true
		case *ast.ExprStmt:
			if call, ok := st.X.(*ast.CallExpr); ok && c.stopCall(call) {
				return true
			}
		case *ast.BlockStmt:
			if stops(c, st.List) {
				return true
			}
		}
	}
	return false
}

func (c *checker) stopCall(call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin); ok {
			return stopFuncs[b.Name()]
		}
	}
	fn := c.callee(call)
	return fn != nil && stopFuncs[pkgPath(fn)+"."+funcName(fn)]
}
