package httpmodel

// Library tables of the handler side: handler signatures, request
// inputs, principals and responses.

// ---- handler signatures ----

// handlerParam describes the request/context parameter type of a
// framework's handler: func(T) R.
type handlerParam struct {
	pkg, name string // named type
	pointer   bool
	result    bool // handler returns error
	fw        Framework
}

var handlerParams = []handlerParam{
	{pkgGin, "Context", true, false, Gin},
	{pkgEcho, "Context", false, true, Echo},
	{pkgEcho5, "Context", true, true, EchoV5},
	{pkgFiber, "Ctx", true, true, Fiber},
	{pkgFiber3, "Ctx", false, true, FiberV3},
}

// handlerTypes are named handler function types (results of factories,
// conversions).
var handlerTypes = map[[2]string]Framework{
	{"net/http", "HandlerFunc"}: NetHTTP,
	{"net/http", "Handler"}:     NetHTTP,
	{pkgGin, "HandlerFunc"}:     Gin,
	{pkgEcho, "HandlerFunc"}:    Echo,
	{pkgEcho5, "HandlerFunc"}:   EchoV5,
	{pkgFiber, "Handler"}:       Fiber,
	{pkgFiber3, "Handler"}:      FiberV3,
	{pkgHttprouter, "Handle"}:   HTTPRouter,
}

// ---- request inputs ----

type inputRow struct {
	k       key
	kind    InputKind
	nameArg int // index of the parameter-name argument, -1 if none
	target  int // index of the bind/decode destination, -1 if none
}

var inputRows = []inputRow{
	// net/http
	{key{"net/http", "Request", "PathValue"}, PathParam, 0, -1},
	{key{"net/http", "Request", "FormValue"}, Form, 0, -1},
	{key{"net/http", "Request", "PostFormValue"}, Form, 0, -1},
	{key{"net/http", "Request", "FormFile"}, Form, 0, -1},
	{key{"net/http", "Request", "Cookie"}, Cookie, 0, -1},
	{key{"net/http", "Request", "Cookies"}, Cookie, -1, -1},
	{key{"net/http", "Request", "CookiesNamed"}, Cookie, 0, -1},
	{key{"net/http", "Request", "BasicAuth"}, Header, -1, -1},
	{key{"net/url", "URL", "Query"}, QueryParam, -1, -1},
	// gorilla/mux: Vars returns the map; indexing it is the named input
	// (handled in the scanner).
	{key{pkgMux, "", "Vars"}, PathParam, -1, -1},
	// chi
	{key{pkgChi, "", "URLParam"}, PathParam, 1, -1},
	{key{pkgChi, "", "URLParamFromCtx"}, PathParam, 1, -1},
	{key{pkgChi, "Context", "URLParam"}, PathParam, 0, -1},
	// julienschmidt/httprouter: func(w, r, ps httprouter.Params)
	{key{pkgHttprouter, "Params", "ByName"}, PathParam, 0, -1},
	// go-chi/render
	{key{pkgRender, "", "Bind"}, Body, -1, 1},
	{key{pkgRender, "", "Decode"}, Body, -1, 1},
	{key{pkgRender, "", "DecodeJSON"}, Body, -1, 1},
	// gin
	{key{pkgGin, "Context", "Param"}, PathParam, 0, -1},
	{key{pkgGin, "Context", "Query"}, QueryParam, 0, -1},
	{key{pkgGin, "Context", "DefaultQuery"}, QueryParam, 0, -1},
	{key{pkgGin, "Context", "GetQuery"}, QueryParam, 0, -1},
	{key{pkgGin, "Context", "QueryArray"}, QueryParam, 0, -1},
	{key{pkgGin, "Context", "GetQueryArray"}, QueryParam, 0, -1},
	{key{pkgGin, "Context", "QueryMap"}, QueryParam, 0, -1},
	{key{pkgGin, "Context", "GetQueryMap"}, QueryParam, 0, -1},
	{key{pkgGin, "Context", "PostForm"}, Form, 0, -1},
	{key{pkgGin, "Context", "DefaultPostForm"}, Form, 0, -1},
	{key{pkgGin, "Context", "GetPostForm"}, Form, 0, -1},
	{key{pkgGin, "Context", "PostFormArray"}, Form, 0, -1},
	{key{pkgGin, "Context", "GetPostFormArray"}, Form, 0, -1},
	{key{pkgGin, "Context", "PostFormMap"}, Form, 0, -1},
	{key{pkgGin, "Context", "GetPostFormMap"}, Form, 0, -1},
	{key{pkgGin, "Context", "FormFile"}, Form, 0, -1},
	{key{pkgGin, "Context", "MultipartForm"}, Form, -1, -1},
	{key{pkgGin, "Context", "GetHeader"}, Header, 0, -1},
	{key{pkgGin, "Context", "Cookie"}, Cookie, 0, -1},
	{key{pkgGin, "Context", "GetRawData"}, Body, -1, -1},
	{key{pkgGin, "Context", "Bind"}, Body, -1, 0},
	{key{pkgGin, "Context", "BindJSON"}, Body, -1, 0},
	{key{pkgGin, "Context", "BindXML"}, Body, -1, 0},
	{key{pkgGin, "Context", "BindYAML"}, Body, -1, 0},
	{key{pkgGin, "Context", "BindTOML"}, Body, -1, 0},
	{key{pkgGin, "Context", "BindPlain"}, Body, -1, 0},
	{key{pkgGin, "Context", "BindWith"}, Body, -1, 0},
	{key{pkgGin, "Context", "MustBindWith"}, Body, -1, 0},
	{key{pkgGin, "Context", "BindQuery"}, QueryParam, -1, 0},
	{key{pkgGin, "Context", "BindHeader"}, Header, -1, 0},
	{key{pkgGin, "Context", "BindUri"}, PathParam, -1, 0},
	{key{pkgGin, "Context", "ShouldBind"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindJSON"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindXML"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindYAML"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindTOML"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindPlain"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindWith"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindBodyWith"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindBodyWithJSON"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindBodyWithXML"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindBodyWithYAML"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindBodyWithTOML"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindBodyWithPlain"}, Body, -1, 0},
	{key{pkgGin, "Context", "ShouldBindQuery"}, QueryParam, -1, 0},
	{key{pkgGin, "Context", "ShouldBindHeader"}, Header, -1, 0},
	{key{pkgGin, "Context", "ShouldBindUri"}, PathParam, -1, 0},
	// echo v4 (Context is an interface) and v5 (*Context)
	{key{pkgEcho, "Context", "Param"}, PathParam, 0, -1},
	{key{pkgEcho, "Context", "ParamValues"}, PathParam, -1, -1},
	{key{pkgEcho, "Context", "QueryParam"}, QueryParam, 0, -1},
	{key{pkgEcho, "Context", "QueryParams"}, QueryParam, -1, -1},
	{key{pkgEcho, "Context", "QueryString"}, QueryParam, -1, -1},
	{key{pkgEcho, "Context", "FormValue"}, Form, 0, -1},
	{key{pkgEcho, "Context", "FormParams"}, Form, -1, -1},
	{key{pkgEcho, "Context", "FormFile"}, Form, 0, -1},
	{key{pkgEcho, "Context", "Cookie"}, Cookie, 0, -1},
	{key{pkgEcho, "Context", "Bind"}, Body, -1, 0},
	{key{pkgEcho5, "Context", "Param"}, PathParam, 0, -1},
	{key{pkgEcho5, "Context", "QueryParam"}, QueryParam, 0, -1},
	{key{pkgEcho5, "Context", "FormValue"}, Form, 0, -1},
	{key{pkgEcho5, "Context", "Cookie"}, Cookie, 0, -1},
	{key{pkgEcho5, "Context", "Bind"}, Body, -1, 0},
	{key{pkgEcho5, "", "PathParam"}, PathParam, 1, -1},
	{key{pkgEcho5, "", "QueryParam"}, QueryParam, 1, -1},
	// fiber v2
	{key{pkgFiber, "Ctx", "Params"}, PathParam, 0, -1},
	{key{pkgFiber, "Ctx", "ParamsInt"}, PathParam, 0, -1},
	{key{pkgFiber, "Ctx", "AllParams"}, PathParam, -1, -1},
	{key{pkgFiber, "Ctx", "ParamsParser"}, PathParam, -1, 0},
	{key{pkgFiber, "Ctx", "Query"}, QueryParam, 0, -1},
	{key{pkgFiber, "Ctx", "QueryInt"}, QueryParam, 0, -1},
	{key{pkgFiber, "Ctx", "QueryBool"}, QueryParam, 0, -1},
	{key{pkgFiber, "Ctx", "QueryFloat"}, QueryParam, 0, -1},
	{key{pkgFiber, "Ctx", "Queries"}, QueryParam, -1, -1},
	{key{pkgFiber, "Ctx", "QueryParser"}, QueryParam, -1, 0},
	{key{pkgFiber, "Ctx", "Get"}, Header, 0, -1},
	{key{pkgFiber, "Ctx", "GetReqHeaders"}, Header, -1, -1},
	{key{pkgFiber, "Ctx", "ReqHeaderParser"}, Header, -1, 0},
	{key{pkgFiber, "Ctx", "Cookies"}, Cookie, 0, -1},
	{key{pkgFiber, "Ctx", "CookieParser"}, Cookie, -1, 0},
	{key{pkgFiber, "Ctx", "FormValue"}, Form, 0, -1},
	{key{pkgFiber, "Ctx", "FormFile"}, Form, 0, -1},
	{key{pkgFiber, "Ctx", "Body"}, Body, -1, -1},
	{key{pkgFiber, "Ctx", "BodyRaw"}, Body, -1, -1},
	{key{pkgFiber, "Ctx", "BodyParser"}, Body, -1, 0},
	// fiber v3 (Ctx interface)
	{key{pkgFiber3, "Ctx", "Params"}, PathParam, 0, -1},
	{key{pkgFiber3, "Ctx", "Query"}, QueryParam, 0, -1},
	{key{pkgFiber3, "Ctx", "Get"}, Header, 0, -1},
	{key{pkgFiber3, "Ctx", "Cookies"}, Cookie, 0, -1},
	{key{pkgFiber3, "Ctx", "FormValue"}, Form, 0, -1},
	{key{pkgFiber3, "Ctx", "Body"}, Body, -1, -1},
}

// headerGet: http.Header.Get on the request's headers is a header input.
var headerGetKey = key{"net/http", "Header", "Get"}

// url.Values.Get on r.URL.Query() is a named query input, on r.Form /
// r.PostForm a form input.
var valuesGetKey = key{"net/url", "Values", "Get"}

// ---- principals ----

type principalRow struct {
	k      key
	keyArg int
	source string
	// onlyArgs, when > 0, requires exactly this many args (fiber Locals
	// with one argument reads, with two it writes).
	onlyArgs int
}

var principalRows = []principalRow{
	{key{"context", "Context", "Value"}, 0, "context.Value", 0},
	{key{pkgGin, "Context", "Get"}, 0, "gin.Get", 0},
	{key{pkgGin, "Context", "MustGet"}, 0, "gin.MustGet", 0},
	{key{pkgGin, "Context", "Value"}, 0, "gin.Value", 0},
	{key{pkgGin, "Context", "GetString"}, 0, "gin.GetString", 0},
	{key{pkgGin, "Context", "GetInt"}, 0, "gin.GetInt", 0},
	{key{pkgGin, "Context", "GetInt64"}, 0, "gin.GetInt64", 0},
	{key{pkgGin, "Context", "GetUint"}, 0, "gin.GetUint", 0},
	{key{pkgGin, "Context", "GetUint64"}, 0, "gin.GetUint64", 0},
	{key{pkgGin, "Context", "GetStringMap"}, 0, "gin.GetStringMap", 0},
	{key{pkgGin, "Context", "GetStringMapString"}, 0, "gin.GetStringMapString", 0},
	{key{pkgGin, "Context", "GetStringSlice"}, 0, "gin.GetStringSlice", 0},
	{key{pkgEcho, "Context", "Get"}, 0, "echo.Get", 0},
	{key{pkgEcho5, "Context", "Get"}, 0, "echo.Get", 0},
	{key{pkgFiber, "Ctx", "Locals"}, 0, "fiber.Locals", 1},
	{key{pkgFiber3, "Ctx", "Locals"}, 0, "fiber.Locals", 1},
	{key{"github.com/golang-jwt/jwt/v5", "", "Parse"}, -1, "jwt.Parse", 0},
	{key{"github.com/golang-jwt/jwt/v5", "", "ParseWithClaims"}, -1, "jwt.Parse", 0},
	{key{"github.com/golang-jwt/jwt/v5", "Parser", "Parse"}, -1, "jwt.Parse", 0},
	{key{"github.com/golang-jwt/jwt/v5", "Parser", "ParseWithClaims"}, -1, "jwt.Parse", 0},
	{key{"github.com/golang-jwt/jwt/v4", "", "Parse"}, -1, "jwt.Parse", 0},
	{key{"github.com/golang-jwt/jwt/v4", "", "ParseWithClaims"}, -1, "jwt.Parse", 0},
	{key{"net/http", "Request", "BasicAuth"}, -1, "http.BasicAuth", 0},
}

// ---- responses ----

type responseRow struct {
	k         key
	valueArg  int // -1: none
	statusArg int // -1: none
	format    string
	isError   bool
}

var responseRows = []responseRow{
	{key{"net/http", "", "Error"}, 1, -1, "text", true},
	{key{pkgRender, "", "JSON"}, 2, -1, "json", false},
	{key{pkgRender, "", "XML"}, 2, -1, "xml", false},
	{key{pkgRender, "", "Respond"}, 2, -1, "json", false},
	{key{pkgRender, "", "DefaultResponder"}, 2, -1, "json", false},
	{key{pkgRender, "", "Render"}, 2, -1, "json", false},
	{key{pkgRender, "", "RenderList"}, 2, -1, "json", false},
	{key{pkgRender, "", "PlainText"}, 2, -1, "text", false},
	{key{pkgRender, "", "Data"}, 2, -1, "bytes", false},
	{key{pkgGin, "Context", "JSON"}, 1, 0, "json", false},
	{key{pkgGin, "Context", "IndentedJSON"}, 1, 0, "json", false},
	{key{pkgGin, "Context", "SecureJSON"}, 1, 0, "json", false},
	{key{pkgGin, "Context", "JSONP"}, 1, 0, "json", false},
	{key{pkgGin, "Context", "AsciiJSON"}, 1, 0, "json", false},
	{key{pkgGin, "Context", "PureJSON"}, 1, 0, "json", false},
	{key{pkgGin, "Context", "XML"}, 1, 0, "xml", false},
	{key{pkgGin, "Context", "YAML"}, 1, 0, "yaml", false},
	{key{pkgGin, "Context", "TOML"}, 1, 0, "toml", false},
	{key{pkgGin, "Context", "ProtoBuf"}, 1, 0, "protobuf", false},
	{key{pkgGin, "Context", "BSON"}, 1, 0, "bson", false},
	{key{pkgGin, "Context", "HTML"}, 2, 0, "html", false},
	{key{pkgGin, "Context", "String"}, 1, 0, "text", false},
	{key{pkgGin, "Context", "Data"}, 2, 0, "bytes", false},
	{key{pkgGin, "Context", "AbortWithStatus"}, -1, 0, "", true},
	{key{pkgGin, "Context", "AbortWithStatusJSON"}, 1, 0, "json", true},
	{key{pkgGin, "Context", "AbortWithStatusPureJSON"}, 1, 0, "json", true},
	{key{pkgGin, "Context", "AbortWithError"}, 1, 0, "", true},
	{key{pkgEcho, "Context", "JSON"}, 1, 0, "json", false},
	{key{pkgEcho, "Context", "JSONPretty"}, 1, 0, "json", false},
	{key{pkgEcho, "Context", "JSONP"}, 2, 0, "json", false},
	{key{pkgEcho, "Context", "JSONBlob"}, 1, 0, "bytes", false},
	{key{pkgEcho, "Context", "XML"}, 1, 0, "xml", false},
	{key{pkgEcho, "Context", "XMLPretty"}, 1, 0, "xml", false},
	{key{pkgEcho, "Context", "String"}, 1, 0, "text", false},
	{key{pkgEcho, "Context", "HTML"}, 1, 0, "html", false},
	{key{pkgEcho, "Context", "Blob"}, 2, 0, "bytes", false},
	{key{pkgEcho, "Context", "NoContent"}, -1, 0, "", false},
	{key{pkgEcho5, "Context", "JSON"}, 1, 0, "json", false},
	{key{pkgEcho5, "Context", "JSONPretty"}, 1, 0, "json", false},
	{key{pkgEcho5, "Context", "XML"}, 1, 0, "xml", false},
	{key{pkgEcho5, "Context", "String"}, 1, 0, "text", false},
	{key{pkgFiber, "Ctx", "JSON"}, 0, -1, "json", false},
	{key{pkgFiber, "Ctx", "JSONP"}, 0, -1, "json", false},
	{key{pkgFiber, "Ctx", "XML"}, 0, -1, "xml", false},
	{key{pkgFiber, "Ctx", "SendString"}, 0, -1, "text", false},
	{key{pkgFiber, "Ctx", "Send"}, 0, -1, "bytes", false},
	{key{pkgFiber, "Ctx", "SendStatus"}, -1, 0, "", false},
	{key{pkgFiber3, "Ctx", "JSON"}, 0, -1, "json", false},
	{key{pkgFiber3, "Ctx", "XML"}, 0, -1, "xml", false},
	{key{pkgFiber3, "Ctx", "SendString"}, 0, -1, "text", false},
}

// Encoders whose Encode writes to the response when built on it.
var encodeKeys = map[key]string{
	{"encoding/json", "Encoder", "Encode"}: "json",
	{"encoding/xml", "Encoder", "Encode"}:  "xml",
}

// Marshalers whose bytes, written with w.Write / c.Data / c.Send, are a
// response of that format.
var marshalKeys = map[key]string{
	{"encoding/json", "", "Marshal"}:       "json",
	{"encoding/json", "", "MarshalIndent"}: "json",
	{"encoding/xml", "", "Marshal"}:        "xml",
	{"encoding/xml", "", "MarshalIndent"}:  "xml",
}

// ---- streaming RPCs ----

// streamParams are the server-side stream parameter types of streaming
// RPC handlers (grpc-go v1.85 stream_interfaces.go, connect v1.21
// handler_stream.go), by package and type name: recv is the method that
// returns a received client message (grpc Recv() (*Req, error); connect's
// ClientStream.Msg() *Req, read after Receive() bool; BidiStream.Receive()
// (*Req, error)), "" for a server stream; send is the method that sends a
// response message; header the one returning the request headers.
var streamParams = map[[2]string]streamParam{
	{pkgGRPC, "ServerStreamingServer"}: {fw: GRPC, kind: ServerStream, send: "Send"},
	{pkgGRPC, "ClientStreamingServer"}: {fw: GRPC, kind: ClientStream, recv: "Recv", send: "SendAndClose"},
	{pkgGRPC, "BidiStreamingServer"}:   {fw: GRPC, kind: BidiStream, recv: "Recv", send: "Send"},
	{pkgConnect, "ServerStream"}:       {fw: Connect, kind: ServerStream, pointer: true, send: "Send"},
	{pkgConnect, "ClientStream"}:       {fw: Connect, kind: ClientStream, pointer: true, recv: "Msg", header: "RequestHeader"},
	{pkgConnect, "BidiStream"}:         {fw: Connect, kind: BidiStream, pointer: true, recv: "Receive", send: "Send", header: "RequestHeader"},
}

// legacyStreams are the stream interfaces protoc-gen-go-grpc generated
// before grpc-go's generic streams (interface { Send(*Resp) error;
// grpc.ServerStream }, use_generic_streams_experimental=false), by the
// methods they declare besides grpc.ServerStream's, most specific first.
var legacyStreams = []struct {
	methods []string
	row     streamParam
}{
	{[]string{"Recv", "Send"}, streamParam{fw: GRPC, kind: BidiStream, recv: "Recv", send: "Send"}},
	{[]string{"Recv", "SendAndClose"}, streamParam{fw: GRPC, kind: ClientStream, recv: "Recv", send: "SendAndClose"}},
	{[]string{"Send"}, streamParam{fw: GRPC, kind: ServerStream, send: "Send"}},
}

// grpcInterceptorOptions are the grpc.ServerOption constructors that
// install interceptors, by the calls those intercept.
var grpcInterceptorOptions = map[key]CallKinds{
	{pkgGRPC, "", "UnaryInterceptor"}:       UnaryCalls,
	{pkgGRPC, "", "ChainUnaryInterceptor"}:  UnaryCalls,
	{pkgGRPC, "", "StreamInterceptor"}:      StreamCalls,
	{pkgGRPC, "", "ChainStreamInterceptor"}: StreamCalls,
}

// connectPassThrough are the methods of connect's own interceptor types
// that hand the calls of their kind on untouched: a
// connect.UnaryInterceptorFunc intercepts unary calls only.
var connectPassThrough = map[key]CallKinds{
	{pkgConnect, "UnaryInterceptorFunc", "WrapStreamingHandler"}: StreamCalls,
}
