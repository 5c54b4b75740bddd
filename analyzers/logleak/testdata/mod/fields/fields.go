// Package fields logs struct fields, getters, headers by name and hashed
// or encrypted forms of secrets, with glog and klog as well as log.
package fields

import (
	"crypto/sha256"
	"log"
	"net/http"
	"os"

	"github.com/golang/glog"
	"k8s.io/klog/v2"
)

type conn struct {
	host, note string
}

// A field whose name says nothing holds what the function put in it.
func fieldWrites() {
	password := os.Getenv("DB_PASSWORD")
	c := conn{host: "db.internal", note: password}
	log.Println(c.host)
	log.Println(c.note) // want `the DB_PASSWORD value is written to the log by log.Println`
	var d conn
	d.note = "rotated yesterday"
	log.Println(d.note)
}

type account struct{ user, password string }

func (a account) getPassword() string { return a.password }

// dsn returns a secret it reads itself; label does not.
func dsn() string { return "postgres://app:" + os.Getenv("DB_PASSWORD") + "@db/app" }

func label() string { return os.Getenv("APP_LABEL") }

type masked struct{ secret string }

func (m masked) String() string { return m.secret }

func getters(a account, m masked) {
	log.Println(a.getPassword()) // want `getPassword\(\) is written to the log by log.Println`
	log.Println(dsn())           // want `the DB_PASSWORD value \(returned by dsn\) is written to the log`
	log.Println(label())
	log.Println(m) // a type that renders itself decides what a log shows
}

func encrypt(s string) string { return "enc:" + string(rune(len(s))) }

// Hashes and encrypted forms are not the secret.
func hashed(pw string) {
	digest := sha256.Sum256([]byte(pw))
	hashedPassword := string(digest[:])
	log.Println(hashedPassword)
	password := encrypt(pw)
	log.Println(password)
	u := account{user: "a", password: encrypt(pw)}
	log.Println(u)
	v := account{user: "a", password: pw}
	log.Println(v) // want `account with its password field is written to the log`
}

// Headers by name: only credential headers are secrets.
func headers(w http.ResponseWriter, r *http.Request) {
	klog.Info(r.Header["Content-Type"])
	klog.Info(r.Header["Authorization"]) // want `header "Authorization" is written to the log by klog.Info`
	glog.Infof("agent %s", r.UserAgent())
	glog.Infof("cookie %s", r.Header.Values("Cookie")) // want `header "Cookie" is written to the log by glog.Infof`
	v := account{user: "a", password: r.FormValue("password")}
	log.Printf("publishing %T", v)        // the type, not the value
	log.Printf("publishing %T: %v", v, v) // want `account with its password field is written to the log`
	for k, vs := range r.Header {
		log.Printf("header %s", k)         // a header name
		log.Printf("header %s: %v", k, vs) // want `the request's headers \(Authorization, Cookie\) is written to the log by log.Printf`
	}
}
