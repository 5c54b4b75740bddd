package httpmodel

import (
	"go/ast"
	"go/types"
)

// Project helpers that read request input or write responses, summarized
// as facts so that their calls inside handlers (of this or another
// package) are Inputs and Responses of those handlers.

// InputFact marks a function that returns request input (an input
// helper: `func idParam(r *http.Request) uint { n, _ :=
// strconv.ParseUint(chi.URLParam(r, "id"), 10, 64); return uint(n) }`,
// gin `parseID(c)`), or that decodes the request into one of its
// parameters (a bind helper: `func decode(r *http.Request, v any) error
// { return json.NewDecoder(r.Body).Decode(v) }`).
type InputFact struct {
	Kind InputKind
	// Name is the parameter name when the helper reads a constant one
	// ("id"), else "".
	Name string
	// NameParam is the helper's parameter that holds the name
	// (`func param(c *gin.Context, name string) int`), or -1: at a call
	// the Input's Name is that argument's constant value.
	NameParam int
	// TargetParam is the parameter a bind helper decodes into, or -1
	// (the helper returns the input).
	TargetParam int
}

func (*InputFact) AFact() {}
func (f *InputFact) String() string {
	s := "input(" + string(f.Kind)
	if f.Name != "" {
		s += " " + f.Name
	}
	if f.NameParam >= 0 {
		s += " name" + itoa(f.NameParam)
	}
	if f.TargetParam >= 0 {
		s += " target" + itoa(f.TargetParam)
	}
	return s + ")"
}

// ResponseFact marks a function that writes one of its parameters as a
// response body (`func respondJSON(w http.ResponseWriter, status int, v
// any)`, `func (h *Handler) ok(c *gin.Context, v any)`).
type ResponseFact struct {
	// Format is the Response.Format of the write inside the helper.
	Format string
	// ValueParam is the parameter written; StatusParam the status code
	// parameter, or -1.
	ValueParam, StatusParam int
	// Error is true when the helper's write is an error write.
	Error bool
}

func (*ResponseFact) AFact() {}
func (f *ResponseFact) String() string {
	s := "response(" + f.Format + " value" + itoa(f.ValueParam)
	if f.StatusParam >= 0 {
		s += " status" + itoa(f.StatusParam)
	}
	if f.Error {
		s += " error"
	}
	return s + ")"
}

// requestParamType reports whether t is a type through which a helper
// can read a request or write a response.
func requestParamType(t types.Type) bool {
	if isPointerTo(t, "net/http", "Request") || isNamed(t, "net/http", "ResponseWriter") || isNamed(t, pkgHttprouter, "Params") {
		return true
	}
	for _, hp := range handlerParams {
		if hp.pointer && isPointerTo(t, hp.pkg, hp.name) || !hp.pointer && isNamed(t, hp.pkg, hp.name) {
			return true
		}
	}
	return false
}

// helperFacts computes the input and response summaries of a declared
// non-handler function that takes a request, writer or framework
// context. It reports whether either changed.
func (m *modeler) helperFacts(fn *types.Func, fd *ast.FuncDecl, fl *Flow) bool {
	sig := fn.Type().(*types.Signature)
	if _, _, _, ok := handlerSig(sig); ok {
		return false
	}
	cand := false
	for i := 0; i < sig.Params().Len(); i++ {
		if requestParamType(sig.Params().At(i).Type()) {
			cand = true
		}
	}
	if !cand {
		return false
	}
	h := &Handler{Node: fd, Func: fn, Body: fd.Body, flow: fl}
	m.inspect(fd.Body, scanTypes, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IndexExpr:
			m.scanIndex(h, n)
		case *ast.CallExpr:
			m.scanCall(h, n)
		}
		return true
	})
	paramOf := func(e ast.Expr) int {
		if e == nil {
			return -1
		}
		for i := 0; i < sig.Params().Len(); i++ {
			p := sig.Params().At(i)
			if requestParamType(p.Type()) {
				continue
			}
			if fl.DerivesFromVar(e, p) {
				return i
			}
		}
		return -1
	}
	changed := false
	var in *InputFact
	for _, x := range h.Inputs {
		if x.Target != nil {
			if i := paramOf(x.Target); i >= 0 {
				in = &InputFact{Kind: x.Kind, NameParam: -1, TargetParam: i}
				break
			}
			continue
		}
		if m.returnsValueOf(fd, sig, fl, x.Expr) {
			in = &InputFact{Kind: x.Kind, Name: x.Name, NameParam: -1, TargetParam: -1}
			if x.Name == "" {
				in.NameParam = m.nameParam(sig, x)
			}
			break
		}
	}
	if in != nil && (m.inputs[fn] == nil || m.inputs[fn].String() != in.String()) {
		m.inputs[fn] = in
		changed = true
	}
	for _, r := range h.Responses {
		i := paramOf(r.Value)
		if i < 0 {
			continue
		}
		rf := &ResponseFact{Format: r.Format, ValueParam: i, StatusParam: paramOf(r.Status), Error: r.Error}
		if rf.StatusParam < 0 {
			rf.StatusParam = m.writeHeaderParam(fd, paramOf)
		}
		if rf.Error && rf.StatusParam >= 0 {
			rf.Error = false // decided by the caller's status argument
		}
		if m.responses[fn] == nil || m.responses[fn].String() != rf.String() {
			m.responses[fn] = rf
			changed = true
		}
		break
	}
	return changed
}

// returnsValueOf reports whether fd returns (as a non-error result) a
// value derived from src.
func (m *modeler) returnsValueOf(fd *ast.FuncDecl, sig *types.Signature, fl *Flow, src ast.Expr) bool {
	found := false
	m.returns(fd.Body, func(ret *ast.ReturnStmt) bool {
		if len(ret.Results) == 1 && sig.Results().Len() > 1 {
			// return strconv.Atoi(c.Param(name))
			found = fl.DerivesFrom(ret.Results[0], src)
			return !found
		}
		if len(ret.Results) != sig.Results().Len() {
			return true
		}
		for i, r := range ret.Results {
			if !isError(sig.Results().At(i).Type()) && fl.DerivesFrom(r, src) {
				found = true
			}
		}
		return !found
	})
	return found
}

// nameParam returns the parameter index holding the name argument of
// input x (c.Param(name), mux.Vars(r)[name]), or -1.
func (m *modeler) nameParam(sig *types.Signature, x *Input) int {
	var e ast.Expr
	if ix, ok := x.Expr.(*ast.IndexExpr); ok {
		e = ix.Index
	} else if x.Func != nil && x.Call != nil {
		if row, ok := inputTable[keyOf(x.Func)]; ok {
			e = arg(x.Call, row.nameArg)
		} else if f := m.inputHelper(x.Func); f != nil {
			e = arg(x.Call, f.NameParam)
		}
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || e == nil {
		return -1
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if m.info.Uses[id] == sig.Params().At(i) {
			return i
		}
	}
	return -1
}

// inputHelper returns the input summary of fn (this package's or an
// imported fact), or nil.
func (m *modeler) inputHelper(fn *types.Func) *InputFact {
	if fn == nil || m.inputs == nil {
		return nil
	}
	fn = fn.Origin()
	if f, ok := m.inputs[fn]; ok {
		return f
	}
	var f *InputFact
	if fn.Pkg() != nil && fn.Pkg() != m.pass.Pkg && !libraryPackage(fn.Pkg().Path()) {
		var g InputFact
		if m.pass.ImportObjectFact(fn, &g) {
			f = &g
		}
		m.inputs[fn] = f
	}
	return f
}

// responseHelper returns the response summary of fn, or nil.
func (m *modeler) responseHelper(fn *types.Func) *ResponseFact {
	if fn == nil || m.responses == nil {
		return nil
	}
	fn = fn.Origin()
	if f, ok := m.responses[fn]; ok {
		return f
	}
	var f *ResponseFact
	if fn.Pkg() != nil && fn.Pkg() != m.pass.Pkg && !libraryPackage(fn.Pkg().Path()) {
		var g ResponseFact
		if m.pass.ImportObjectFact(fn, &g) {
			f = &g
		}
		m.responses[fn] = f
	}
	return f
}

// scanHelperCall records a call of an input or response helper in h.
func (m *modeler) scanHelperCall(h *Handler, call *ast.CallExpr, fn *types.Func) {
	if f := m.inputHelper(fn); f != nil {
		in := &Input{Kind: f.Kind, Name: f.Name, Call: call, Expr: call, Func: fn}
		if f.NameParam >= 0 {
			if a := argForParam(fn, call, f.NameParam); len(a) == 1 {
				in.Name, _ = constString(m.info, a[0])
			}
		}
		if f.TargetParam >= 0 {
			if a := argForParam(fn, call, f.TargetParam); len(a) == 1 {
				in.Target = a[0]
			}
		}
		h.Inputs = append(h.Inputs, in)
	}
	if f := m.responseHelper(fn); f != nil {
		r := &Response{Call: call, Format: f.Format, Error: f.Error, Func: fn}
		if a := argForParam(fn, call, f.ValueParam); len(a) == 1 {
			r.Value = a[0]
		}
		if f.StatusParam >= 0 {
			if a := argForParam(fn, call, f.StatusParam); len(a) == 1 {
				r.Status = a[0]
				if code, ok := constInt(m.info, r.Status); ok && code >= 400 {
					r.Error = true
				}
			}
		}
		h.Responses = append(h.Responses, r)
	}
}

// InputHelperOf returns the input summary of fn (an input or bind
// helper of this or another package), or nil.
func (r *Result) InputHelperOf(fn *types.Func) *InputFact {
	if r == nil || r.m == nil {
		return nil
	}
	defer r.m.lock()()
	return r.m.inputHelper(fn)
}

// ResponseHelperOf returns the response summary of fn (a response
// helper of this or another package), or nil.
func (r *Result) ResponseHelperOf(fn *types.Func) *ResponseFact {
	if r == nil || r.m == nil {
		return nil
	}
	defer r.m.lock()()
	return r.m.responseHelper(fn)
}

// writeHeaderParam returns the parameter passed to w.WriteHeader (gin
// c.Status, fiber c.Status) in the helper body, or -1.
func (m *modeler) writeHeaderParam(fd *ast.FuncDecl, paramOf func(ast.Expr) int) int {
	p := -1
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if p >= 0 {
			return false
		}
		if c, ok := n.(*ast.CallExpr); ok {
			switch keyOf(m.callee(c)) {
			case key{"net/http", "ResponseWriter", "WriteHeader"}, key{pkgGin, "Context", "Status"}, key{pkgFiber, "Ctx", "Status"}:
				p = paramOf(arg(c, 0))
			}
		}
		return true
	})
	return p
}
