// Package nethttp: net/http handlers that leak (and do not leak) error text.
package nethttp

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
)

type Order struct {
	ID    int
	Total int
}

// Mailer is a project service: its errors' origin is unknown here.
type Mailer interface{ Send(to string) error }

type Store struct {
	db     *sql.DB
	mailer Mailer
}

var ErrNotFound = errors.New("order not found")

func (s *Store) find(id int) (*Order, error) {
	var o Order
	err := s.db.QueryRow("SELECT id, total FROM orders WHERE id = $1", id).Scan(&o.ID, &o.Total)
	return &o, err
}

// A database error answered with its own text, whatever the status.
func (s *Store) getOrder(w http.ResponseWriter, r *http.Request) {
	var total int
	if err := s.db.QueryRowContext(r.Context(), "SELECT total FROM orders WHERE id = $1", r.PathValue("id")).Scan(&total); err != nil {
		http.Error(w, err.Error(), http.StatusNotFound) // want `err.Error\(\) of a database error is sent to the client by http.Error`
		return
	}
	fmt.Fprintf(w, "%d", total)
}

// A repository method (find reads the database): its error is a database error.
func (s *Store) listOrders(w http.ResponseWriter, r *http.Request) {
	o, err := s.find(1)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `err.Error\(\) of a database error is sent to the client by http.Error`
		return
	}
	json.NewEncoder(w).Encode(o)
}

// %v of an error of unknown origin through fmt.Fprintf after WriteHeader(500).
func (s *Store) notify(w http.ResponseWriter, r *http.Request) {
	if err := s.mailer.Send("ops@example.com"); err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintf(w, "delete failed: %v", err) // want `err is sent to the client in a 500 response by fmt.Fprintf`
		return
	}
}

// The text through a variable and string concatenation, into w.Write.
func readConfig(w http.ResponseWriter, r *http.Request) {
	data, err := os.ReadFile("/etc/app/config.json")
	if err != nil {
		msg := "cannot read config: " + err.Error() // want `err.Error\(\) of a filesystem error is sent to the client by w.Write`
		w.Write([]byte(msg))
		return
	}
	w.Write(data)
}

// An upstream call's error (with its internal URL) in a JSON body.
func proxy(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://billing.internal:8080/v1/balance")
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		json.NewEncoder(w).Encode(map[string]string{"error": err.Error()}) // want `err.Error\(\) of an upstream service error is sent`
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

// Recovery middleware that writes the panic value and the stack.
func Recover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if rec := recover(); rec != nil {
				http.Error(w, fmt.Sprintf("panic: %v\n%s", rec, debug.Stack()), http.StatusInternalServerError) // want `the recovered panic value is sent` `a stack trace is sent`
			}
		}()
		next.ServeHTTP(w, r)
	})
}

func stackDump(w http.ResponseWriter, r *http.Request) {
	buf := make([]byte, 1<<16)
	n := runtime.Stack(buf, true)
	w.Write(buf[:n]) // want `a stack trace is sent to the client by w.Write`
}

var printStackTrace bool

// An opt-in debug switch: a note, not a warning.
func stackDumpWhenAsked(w http.ResponseWriter, r *http.Request) {
	buf := make([]byte, 1<<16)
	buf = buf[:runtime.Stack(buf, true)]
	if printStackTrace {
		w.Write(buf) // want `a stack trace or panic value is sent to the client by w.Write in debug mode`
	}
}

// ---- not reported ----

// The client's own input, with a 4xx status.
func (s *Store) badID(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(r.PathValue("id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var in Order
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		http.Error(w, "invalid body: "+err.Error(), http.StatusBadRequest)
		return
	}
	_ = id
}

// A sentinel picked with errors.Is: its fixed text.
func (s *Store) sentinel(w http.ResponseWriter, r *http.Request) {
	_, err := s.find(3)
	if errors.Is(err, ErrNotFound) {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	if err == sql.ErrNoRows {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if err != nil {
		log.Printf("find: %v", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
	}
}

// A fixed message built with errors.New or fmt.Errorf without %w.
func fixed(w http.ResponseWriter, r *http.Request) {
	err := errors.New("service temporarily unavailable")
	if r.URL.Query().Get("x") == "" {
		err = fmt.Errorf("missing parameter %q", "x")
	}
	http.Error(w, err.Error(), http.StatusServiceUnavailable)
}

// A project error of unknown origin with a 4xx: not internal by itself.
func (s *Store) notFound(w http.ResponseWriter, r *http.Request) {
	if err := s.mailer.Send(r.URL.Query().Get("to")); err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
	}
}

// Logged, not written; Fprintf to stderr is not a response.
func (s *Store) logged(w http.ResponseWriter, r *http.Request) {
	if _, err := s.db.Exec("DELETE FROM orders"); err != nil {
		fmt.Fprintf(os.Stderr, "delete: %v\n", err)
		log.Println(err.Error())
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
}

// A public error type with a fixed message.
type PublicError struct{ Msg string }

func (e *PublicError) Error() string { return e.Msg }

func (s *Store) public(w http.ResponseWriter, r *http.Request) {
	_, err := s.find(5)
	var pe *PublicError
	if errors.As(err, &pe) {
		http.Error(w, pe.Error(), http.StatusInternalServerError)
		return
	}
	perr := &PublicError{Msg: "could not load the order"}
	http.Error(w, perr.Error(), http.StatusInternalServerError)
}

// Recovery that logs the stack and answers a fixed text.
func SafeRecover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if rec := recover(); rec != nil {
				log.Printf("panic: %v\n%s", rec, debug.Stack())
				http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// err reused: the definition nearest before each write decides.
func (s *Store) reused(w http.ResponseWriter, r *http.Request) {
	var in Order
	err := json.NewDecoder(r.Body).Decode(&in)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest) // the client's JSON: not reported
		return
	}
	err = s.db.QueryRow("SELECT total FROM orders WHERE id = $1", in.ID).Scan(&in.Total)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `err.Error\(\) of a database error is sent`
		return
	}
}

// The else branch of an errors.Is test is any other error.
func (s *Store) otherwise(w http.ResponseWriter, r *http.Request) {
	if err := s.mailer.Send("x@example.com"); err != nil {
		if errors.Is(err, ErrNotFound) {
			http.Error(w, err.Error(), http.StatusNotFound)
		} else {
			http.Error(w, err.Error(), http.StatusBadGateway) // want `err.Error\(\) is sent to the client in a 502 response`
		}
	}
}

func statusFor(err error) int {
	if errors.Is(err, ErrNotFound) {
		return http.StatusNotFound
	}
	return http.StatusInternalServerError
}

// A status computed at run time: a note.
func (s *Store) computed(w http.ResponseWriter, r *http.Request) {
	if err := s.mailer.Send("y@example.com"); err != nil {
		http.Error(w, err.Error(), statusFor(err)) // want `err.Error\(\) is sent to the client by http.Error with a status computed at run time`
	}
}

// No error in the text.
func (s *Store) echoID(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if _, err := strconv.Atoi(id); err != nil {
		http.Error(w, fmt.Sprintf("bad id %q", id), http.StatusBadRequest)
		return
	}
	if err := s.mailer.Send(id); err != nil {
		log.Printf("send: %v", err)
		w.WriteHeader(http.StatusInternalServerError)
		w.Write([]byte("failed"))
	}
}

// An encoding error names a Go type or a failed write (harness's npm
// handlers): not internal data.
func (s *Store) encoded(w http.ResponseWriter, r *http.Request) {
	o, err := s.find(1)
	if err != nil {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	if err := json.NewEncoder(w).Encode(o); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	b, err := json.Marshal(o)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Write(b)
}
