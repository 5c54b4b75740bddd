package main // want package:`bodyReads\(main.go:109\)`

import (
	"encoding/json"
	"io"
	"net/http"
	"os"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/go-chi/render"

	"example.com/bodyapp/api"
)

type note struct {
	Text string `json:"text"`
}

func (n *note) Bind(r *http.Request) error { return nil }

func main() {
	r := chi.NewRouter()
	r.Post("/orders", api.CreateOrder) // want `POST /orders: handler api.CreateOrder reads the whole request body \(json.Decoder.Decode at api.go:\d+\)`
	r.Put("/orders/{id}", api.UpdateOrder)
	r.Post("/users", api.CreateUser) // want `POST /users: handler api.CreateUser reads the whole request body`
	r.With(middleware.RequestSize(1<<20)).Post("/users/bulk", api.CreateUser)

	r.Post("/notes", createNote)
	r.Post("/notes/raw", readAll)
	r.Post("/notes/limited", readLimited)
	r.Post("/notes/bounded", createBounded)
	r.Post("/notes/render", renderBind)
	r.Post("/notes/helper", viaHelper)
	r.Post("/notes/helper-limited", viaLimitedHelper)
	r.Post("/notes/stdin", notFromRequest)
	r.Group(func(r chi.Router) {
		r.Use(middleware.RequestSize(64 << 10))
		r.Post("/comments", createComment)
	})
	go http.ListenAndServe(":8080", r)

	// The whole mux behind http.MaxBytesHandler.
	mux := http.NewServeMux()
	mux.HandleFunc("POST /uploads", upload)
	http.ListenAndServe(":8081", http.MaxBytesHandler(mux, 1<<20))
}

func createNote(w http.ResponseWriter, r *http.Request) {
	var n note
	if err := json.NewDecoder(r.Body).Decode(&n); err != nil { // want `json.Decoder.Decode reads the whole request body of POST /notes with no size limit`
		http.Error(w, err.Error(), http.StatusBadRequest)
	}
}

func readAll(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body) // want `io.ReadAll reads the whole request body of POST /notes/raw`
	if err != nil {
		return
	}
	w.Write(body)
}

func readLimited(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	w.Write(body)
}

func createBounded(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	dec := json.NewDecoder(r.Body)
	var n note
	_ = dec.Decode(&n)
}

func renderBind(w http.ResponseWriter, r *http.Request) {
	var n note
	if err := render.Bind(r, &n); err != nil { // want `render.Bind reads the whole request body of POST /notes/render`
		return
	}
}

func viaHelper(w http.ResponseWriter, r *http.Request) {
	var n note
	_ = api.DecodeJSON(r, &n) // want `api.DecodeJSON reads the whole request body of POST /notes/helper`
}

func viaLimitedHelper(w http.ResponseWriter, r *http.Request) {
	var n note
	_ = api.DecodeLimited(w, r, &n)
}

func notFromRequest(w http.ResponseWriter, r *http.Request) {
	var n note
	_ = json.NewDecoder(os.Stdin).Decode(&n)
}

func createComment(w http.ResponseWriter, r *http.Request) {
	var n note
	_ = json.NewDecoder(r.Body).Decode(&n)
}

func upload(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	_ = data
}

// unrouted is a handler no route reaches: not reported.
func unrouted(w http.ResponseWriter, r *http.Request) { // want unrouted:`readsBody`
	_, _ = io.ReadAll(r.Body)
}
