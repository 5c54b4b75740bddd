package insecuretls

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"net"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/apivet/apivet/internal/check"
	"github.com/apivet/apivet/internal/source"
)

const (
	grpcPath     = "google.golang.org/grpc"
	insecurePath = "google.golang.org/grpc/credentials/insecure"
)

// plaintextOptions are the calls that make a gRPC client dial without
// TLS. insecure.NewCredentials counts only as the argument of
// grpc.WithTransportCredentials (on a server, grpc.Creds, it is a
// deployment choice the check does not judge).
var plaintextOptions = []struct {
	pkg, name string
	wrapped   bool // must be the argument of grpc.WithTransportCredentials
}{
	{grpcPath, "WithInsecure", false},
	{insecurePath, "NewCredentials", true},
}

// dialFuncs are the gRPC client constructors and the index of their
// target argument.
var dialFuncs = []struct {
	name   string
	target int
}{
	{"NewClient", 0},
	{"Dial", 0},
	{"DialContext", 1},
}

func (c *checker) grpcCall(cur inspector.Cursor, call *ast.CallExpr) {
	fn := calleeFunc(c.pass.TypesInfo, call)
	if fn == nil {
		return
	}
	opt := cur
	matched := false
	for _, p := range plaintextOptions {
		if !funcIs(fn, p.pkg, p.name) {
			continue
		}
		if p.wrapped {
			parent, ok := cur.Parent().Node().(*ast.CallExpr)
			if !ok || !funcIs(calleeFunc(c.pass.TypesInfo, parent), grpcPath, "WithTransportCredentials") {
				return
			}
			opt = cur.Parent()
		}
		matched = true
	}
	if !matched {
		return
	}
	what := source.Text(c.pass, call)
	dials := c.dialsOf(opt)
	if len(dials) == 0 {
		report(c.pass, call, check.Note,
			fmt.Sprintf("%s makes a gRPC client send requests and credentials in plaintext, to a server it does not authenticate; use TLS credentials unless it only dials loopback", what), "", nil)
		return
	}
	// The worst target wins: a remote constant, else one computed at run time.
	var computed *ast.CallExpr
	for _, dial := range dials {
		target := c.dialTarget(dial)
		dialName := "grpc." + calleeFunc(c.pass.TypesInfo, dial).Name()
		tv := c.pass.TypesInfo.Types[target]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			computed = dial
			continue
		}
		if addr := constant.StringVal(tv.Value); !localTarget(addr) {
			report(c.pass, call, check.Warning,
				fmt.Sprintf("%s dials %s with %s: requests, tokens and responses cross the network in plaintext and the server is not authenticated; use credentials.NewTLS or NewClientTLSFromCert", dialName, strconv.Quote(addr), what), "", nil)
			return
		}
	}
	if computed != nil {
		report(c.pass, call, check.Note,
			fmt.Sprintf("grpc.%s dials %s with %s: if that target is not loopback, requests and tokens cross the network in plaintext; use credentials.NewTLS",
				calleeFunc(c.pass.TypesInfo, computed).Name(), shorten(source.Text(c.pass, c.dialTarget(computed))), what), "", nil)
	}
}

// dialsOf finds the dial calls an option is given to: the call it is an
// argument of; else, in the enclosing function, the dial calls that use
// the variable the option (or a slice literal holding it) is stored in;
// else every dial call of that function.
func (c *checker) dialsOf(opt inspector.Cursor) []*ast.CallExpr {
	if call, ok := opt.Parent().Node().(*ast.CallExpr); ok && c.dialTarget(call) != nil {
		return []*ast.CallExpr{call}
	}
	body := enclosingFunc(opt)
	if body == nil {
		return nil
	}
	holder := c.holderOf(opt)
	var all, using []*ast.CallExpr
	ast.Inspect(body, func(node ast.Node) bool {
		call, ok := node.(*ast.CallExpr)
		if !ok || c.dialTarget(call) == nil {
			return true
		}
		all = append(all, call)
		if holder != nil && refersTo(c.pass.TypesInfo, call, holder) {
			using = append(using, call)
		}
		return true
	})
	if len(using) > 0 {
		return using
	}
	return all
}

// holderOf is the variable an option is assigned to, directly or as an
// element of a slice literal, or nil.
func (c *checker) holderOf(opt inspector.Cursor) types.Object {
	cur := opt
	for {
		if _, ok := cur.Parent().Node().(*ast.CompositeLit); !ok {
			break
		}
		cur = cur.Parent()
	}
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		for i, rhs := range p.Rhs {
			if rhs == cur.Node() && i < len(p.Lhs) {
				if id, ok := p.Lhs[i].(*ast.Ident); ok {
					return c.pass.TypesInfo.ObjectOf(id)
				}
			}
		}
	case *ast.ValueSpec:
		for i, v := range p.Values {
			if v == cur.Node() && i < len(p.Names) {
				return c.pass.TypesInfo.ObjectOf(p.Names[i])
			}
		}
	}
	return nil
}

func refersTo(info *types.Info, call *ast.CallExpr, obj types.Object) bool {
	found := false
	for _, a := range call.Args {
		ast.Inspect(a, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && info.ObjectOf(id) == obj {
				found = true
			}
			return !found
		})
	}
	return found
}

func (c *checker) dialTarget(call *ast.CallExpr) ast.Expr {
	fn := calleeFunc(c.pass.TypesInfo, call)
	for _, d := range dialFuncs {
		if funcIs(fn, grpcPath, d.name) && len(call.Args) > d.target {
			return call.Args[d.target]
		}
	}
	return nil
}

// localTarget reports whether a gRPC target stays on the machine: a unix
// socket, loopback, or an in-process listener (bufconn) named without a
// port.
func localTarget(target string) bool {
	if i := strings.Index(target, ":"); i >= 0 {
		switch target[:i] {
		case "unix", "unix-abstract", "vsock":
			return true
		}
	}
	if i := strings.Index(target, "://"); i >= 0 {
		target = target[i+3:]
		if j := strings.LastIndex(target, "/"); j >= 0 {
			target = target[j+1:] // dns://resolver/host:port, passthrough:///host
		}
	}
	host, _, err := net.SplitHostPort(target)
	if err != nil {
		host = target
		if !strings.Contains(host, ".") && !strings.Contains(host, ":") {
			return true // "bufnet": in-process or not a network address
		}
	}
	if host == "" || host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
