// Package oidcstrict is analyzed with report-skip-client-id-check: true.
package oidcstrict

import "github.com/coreos/go-oidc/v3/oidc"

func anyClient(p *oidc.Provider) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{SkipClientIDCheck: true}) // want `SkipClientIDCheck: true accepts ID tokens minted for any client`
}

func configured(p *oidc.Provider, skip bool) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{SkipClientIDCheck: skip})
}
