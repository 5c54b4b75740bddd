// Package bypass configures Go's cross-origin (CSRF) protection.
package bypass

import "net/http"

func protect(h http.Handler) http.Handler {
	p := http.NewCrossOriginProtection()
	p.AddInsecureBypassPattern("/")                // want `AddInsecureBypassPattern\("/"\) turns cross-origin \(CSRF\) protection off for every path`
	p.AddInsecureBypassPattern("POST /")           // want `AddInsecureBypassPattern\("POST /"\)`
	p.AddInsecureBypassPattern("/{path...}")       // want `AddInsecureBypassPattern\("/\{path...\}"\)`
	p.AddInsecureBypassPattern("/webhooks/stripe") // an exact endpoint: fine
	p.AddInsecureBypassPattern("POST /hooks/{provider}")
	return p.Handler(h)
}
