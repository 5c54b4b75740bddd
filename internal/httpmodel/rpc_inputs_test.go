package httpmodel_test

import (
	"os"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/apivet/apivet/internal/httpmodel"
	"github.com/apivet/apivet/internal/testutil"
)

// TestGeneratedFrameworkInputs checks the handlers and inputs the model
// finds in the gRPC, Connect, gqlgen and oapi-codegen test modules of bola
// (the taint engine's sources): which parameters are client-chosen, and
// that a field resolver's parent object is not.
func TestGeneratedFrameworkInputs(t *testing.T) {
	var mu sync.Mutex
	got := map[string]bool{}
	collect := &analysis.Analyzer{
		Name:       "collect",
		Doc:        "records handlers and inputs",
		Requires:   []*analysis.Analyzer{httpmodel.Analyzer},
		ResultType: reflect.TypeFor[bool](),
		Run: func(pass *analysis.Pass) (any, error) {
			res := pass.ResultOf[httpmodel.Analyzer].(*httpmodel.Result)
			mu.Lock()
			defer mu.Unlock()
			for _, h := range res.Handlers {
				got[pass.Pkg.Name()+" "+h.Name+" "+string(h.Framework)] = true
				for _, in := range h.Inputs {
					got[pass.Pkg.Name()+" "+h.Name+" "+string(in.Kind)+":"+in.Name] = true
				}
				for _, d := range h.Directives {
					got[pass.Pkg.Name()+" "+h.Name+" @"+d] = true
				}
			}
			return true, nil
		},
	}
	for _, mod := range []string{"grpcmod", "connectmod", "gqlmod", "oapimod"} {
		dir := testutil.Module(t, "../../analyzers/bola/testdata/"+mod)
		pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Env: append(os.Environ(), "GOFLAGS=", "GOWORK=off")}, "./...")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := checker.Analyze([]*analysis.Analyzer{collect}, pkgs, nil); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{
		"server (*Server).GetOrder connect",
		"server (*Server).GetOrder message:OrderId",
		"server (*Server).UpdateMine message:Id",
		"server (*Server).UpdateMine message:Order",
		"server (*Server).ListOrders header:X-Tenant-Id",
		"simple (*ProfileServer).GetProfile connect",
		"simple (*ProfileServer).GetProfile message:ProfileId",
		// Streaming RPCs: the request message of a server stream, the
		// messages a client or bidi stream receives (grpc Recv, connect
		// Msg and Receive), connect's stream request headers.
		"streams (*Service).ListOrders grpc",
		"streams (*Service).ListOrders message:UserId",
		"streams (*Service).UpdateOrders grpc",
		"streams (*Service).UpdateOrders message:OrderId",
		"streams (*Service).UpdateOrders message:Item",
		"streams (*Service).WatchOrders message:OrderId",
		"streams (*Scoped).UpdateOrders message:OrderId",
		"streamsvc (*Service).ListOrders connect",
		"streamsvc (*Service).ListOrders message:UserId",
		"streamsvc (*Service).UpdateOrders connect",
		"streamsvc (*Service).UpdateOrders message:OrderId",
		"streamsvc (*Service).UpdateOrders message:Item",
		"streamsvc (*Service).WatchOrders connect",
		"streamsvc (*Service).WatchOrders message:OrderId",
		"streamsvc (*Scoped).UpdateOrders message:OrderId",
		"streamsvc (*Scoped).WatchOrders header:X-Tenant-Id",
		"simplestreams (*Service).ListOrders connect",
		"simplestreams (*Service).ListOrders message:UserId",
		"simplestreams (*Service).UpdateOrders connect",
		"simplestreams (*Service).UpdateOrders message:OrderId",
		"graph (*queryResolver).Order gqlgen",
		"graph (*orderResolver).Owner gqlgen",
		"graph (*queryResolver).Order argument:id",
		"graph (*mutationResolver).UpdateOrder argument:ID",
		"graph (*mutationResolver).UpdateOrder argument:input",
		"graph (*userResolver).Order argument:id",
		"graph (*userResolver).Orders argument:first",
		"graph (*queryResolver).AdminOrder @HasRole",
		"graph (*queryResolver).SignedInOrder @IsAuthenticated",
		"chisvc (*Server).GetOrder net/http",
		"chisvc (*Server).GetOrder path:orderId",
		"chisvc (*Server).ListOrders query:limit",
		"strictsvc (*Server).GetOrder oapi-codegen/strict",
		"strictsvc (*Server).GetOrder path:orderId",
		"strictsvc (*Server).UpdateOrder body:Body",
		"strictsvc (*Server).ListOrders query:limit",
		"main (*echoServer).GetOrder echo",
		"main (*ginServer).GetOrder gin",
		"main (*fiberServer).GetOrder fiber",
		"main (*stdServer).ListOrders query:accountId",
	}
	var missing []string
	for _, w := range want {
		if !got[w] {
			missing = append(missing, w)
		}
	}
	// Not client-chosen, or not handlers.
	for _, bad := range []string{
		"graph (*orderResolver).Owner argument:obj", "graph (*orderResolver).Owner argument:ID",
		"graph (*userResolver).Orders argument:obj", "graph (*userResolver).Orders argument:ID",
		"simple (*cache).GetProfile connect", "server (*Server).GetOrder message:Msg",
		"simplestreams (*cache).ListOrders connect",
		// A stream's own methods and connect's types are not fields of
		// a message.
		"streams (*Service).WatchOrders message:Context", "streamsvc (*Service).UpdateOrders message:Msg",
		"streamsvc (*Service).UpdateOrders message:Err",
	} {
		if got[bad] {
			missing = append(missing, "unexpected: "+bad)
		}
	}
	if len(missing) > 0 {
		var all []string
		for k := range got {
			all = append(all, k)
		}
		sort.Strings(all)
		t.Errorf("%s\n\ngot:\n%s", strings.Join(missing, "\n"), strings.Join(all, "\n"))
	}
}
