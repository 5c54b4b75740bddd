package names

import (
	"net/http"
	"os"
)

// ---- positives: a literal named by where it goes ----

func setup() {
	os.Setenv("DB_PASSWORD", "hunter2xQ9!") // want `possible hard-coded secret "hunt…" stored in the environment variable DB_PASSWORD`
}

func jwtSecret() string {
	return "n8Wq3zK1pL7vX2cR" // want `possible hard-coded secret "n8Wq…" returned by jwtSecret\(\)`
}

func call(req *http.Request) {
	req.Header.Set("Authorization", "Bearer 7Hk2mQ9xZp4LwR8vN3tY6bC1") // want `hard-coded bearer token "Bear…"`
	req.Header.Set("Authorization", "Basic c3ZjOlMzcnYxY2UtUGE1NQ==")  // want `hard-coded credential "S3rv…" sent in the Authorization header`
	req.Header.Add("Proxy-Authorization", "token 5d41402abc4b2a76")    // want `hard-coded credential "5d41…" sent in the Proxy-Authorization header`
	req.Header.Set("X-Api-Key", "c4f1e9a2b7d35e80")                    // want `possible hard-coded secret "c4f1…" sent in the header X-Api-Key`
}

const staticBearer = "Bearer: 2lkjdfoiuwer092834kjdwf09" // want `hard-coded bearer token "Bear…"`

// ---- negatives ----

func setupFromFile() {
	os.Setenv("DB_PASSWORD", os.Getenv("DB_PASSWORD_FILE"))
	os.Setenv("DB_HOST", "db.internal.example")
	os.Setenv("API_TOKEN", "changeme")
}

func tokenHeaderName() string {
	return "X-Auth-Token"
}

func forward(req *http.Request, token string) {
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Authorization", "Bearer YOUR_TOKEN_HERE")
	req.Header.Set("Content-Type", "application/json")
}

const docBearer = "Authorization: Bearer <token>"
