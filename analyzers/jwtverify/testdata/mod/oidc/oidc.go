// Package oidc exercises coreos/go-oidc/v3 verifier configuration.
package oidc

import (
	"context"

	"github.com/coreos/go-oidc/v3/oidc"
)

type Settings struct {
	SkipClientIDCheck bool
}

// ---- positives ----

func insecure(p *oidc.Provider) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{ClientID: "web", InsecureSkipSignatureCheck: true}) // want `oidc.Config InsecureSkipSignatureCheck: true skips the ID token's signature check`
}

func skips(p *oidc.Provider) *oidc.IDTokenVerifier {
	cfg := &oidc.Config{
		SkipClientIDCheck: true, // off by default (report-skip-client-id-check)
		SkipExpiryCheck:   true, // want `SkipExpiryCheck: true accepts expired ID tokens`
	}
	cfg.SkipIssuerCheck = true // want `SkipIssuerCheck: true accepts ID tokens from any issuer`
	return p.Verifier(cfg)
}

// ---- negatives ----

func configured(p *oidc.Provider, s Settings) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{ClientID: "web", SkipClientIDCheck: s.SkipClientIDCheck})
}

func strict(ctx context.Context, p *oidc.Provider, raw string) (*oidc.IDToken, error) {
	return p.Verifier(&oidc.Config{ClientID: "web", SupportedSigningAlgs: []string{oidc.RS256}, InsecureSkipSignatureCheck: false}).Verify(ctx, raw)
}

// Tells an access token (a JWT) from an opaque refresh token; the token is
// authenticated elsewhere. The relaxed verifier only probes the format.
func guessTokenType(ctx context.Context, issuer, raw string) string {
	probe := oidc.NewVerifier(issuer, nil, &oidc.Config{SkipClientIDCheck: true, InsecureSkipSignatureCheck: true})
	if _, err := probe.Verify(ctx, raw); err != nil {
		return "refresh_token"
	}
	return "access_token"
}

// The token the relaxed verifier returns is used: reported.
func relaxed(ctx context.Context, issuer, raw string) (*oidc.IDToken, error) {
	v := oidc.NewVerifier(issuer, nil, &oidc.Config{ClientID: "web", SkipExpiryCheck: true}) // want `SkipExpiryCheck: true accepts expired ID tokens`
	tok, err := v.Verify(ctx, raw)
	return tok, err
}
