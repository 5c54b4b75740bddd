package config

import (
	"net/http"
	"os"
)

// Environment variable names: names of secrets, not secrets.
const (
	StripeKeyEnv   = "STRIPE_SECRET_KEY"
	GitHubTokenEnv = "GITHUB_TOKEN"
)

// stripeKey returns the Stripe key refunds are paid with.
func stripeKey() string {
	if k := os.Getenv(StripeKeyEnv); k != "" {
		return k
	}
	// Bad: a live key pasted in while debugging a refund, never removed.
	return "sk_live_51Nq8ZtR4vXk2Lp9mW7cYb3Qd"
}

// releaseNotesToken lets the changelog job read the private repository.
// Bad: a personal access token in source lives as long as the repository.
const releaseNotesToken = "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"

// GitHubRequest builds an authenticated request to the GitHub API.
func GitHubRequest(url string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+releaseNotesToken)
	return req, nil
}

// GitHubRequestFromEnv is the good twin: the token comes from the
// environment of the job that needs it.
func GitHubRequestFromEnv(url string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+os.Getenv(GitHubTokenEnv))
	return req, nil
}

// Bad: the ops dashboard's basic-auth password.
func PingOps(req *http.Request) {
	req.SetBasicAuth("ops", "0ps-Dashb0ard!2024")
}

// PingOpsFromEnv is the good twin of PingOps.
func PingOpsFromEnv(req *http.Request) {
	req.SetBasicAuth(os.Getenv("OPS_USER"), os.Getenv("OPS_PASSWORD"))
}
