// Package embedded holds credentials inside larger strings the program
// writes or sends (config templates, request dumps, URLs, JSON), next to
// format-shaped pieces of other data.
package embedded

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
)

// Positives: a known format anywhere in a literal, reported at the literal.

func writeConfig() error {
	return os.WriteFile("/etc/app/config.yml", []byte( /* want `hard-coded GitHub token "ghp_…"` */ `
github:
  token: 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
log_level: info
`), 0o600)
}

func dumpRequest(w io.Writer) {
	io.WriteString(w, "GET /repos HTTP/1.1\r\nAuthorization: Bearer ghs_qNczzhrt6OYNHLeymDK4pTx6K5f5ua4EtKHF\r\n\r\n") // want `hard-coded GitHub token "ghs_…"`
}

func sendCharge(w io.Writer, user string) {
	fmt.Fprintf(w, `{"stripe_key":"sk_live_Vpzz63FfkCzJr4i0B3JrTAwR","user":%q}`, user) // want `hard-coded Stripe live secret key "sk_l…"`
}

func notify(rw http.ResponseWriter) {
	rw.Write([]byte(`{"webhook":"https://hooks.slack.com/services/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"}`)) // want `hard-coded Slack webhook URL "http…"`
}

const cloneURL = "https://x-access-token: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@github.com/acme/deploy.git" // want `hard-coded GitHub token "gho_…"`

// A service-account JSON document: the PEM block's line breaks are the
// two characters \n.
const serviceAccount = `{"type": "service_account", "private_key": "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIGeedTQGr3/3mJypWM9TwW4+StHT1KUFhqTaFpulC2tNoAoGCCqGSM49\nAwEHoUQDQgAErm10hwB4yeGGZ04eiUogbG9kNeV5Sbhh3phF3O2kHr6aln/3vncs\nRntWZXkU9lZQdOlMOi1DjzpZBYZ0BGaWCA==\n-----END EC PRIVATE KEY-----\n", "client_email": "deploy@acme.iam.gserviceaccount.com"}` // want `hard-coded private key "----…"`

// A PEM block indented inside a YAML template.
const tlsValues = /* want `hard-coded private key "----…"` */ `server:
  tls:
    key: |
      -----BEGIN EC PRIVATE KEY-----
      MHcCAQEEIGeedTQGr3/3mJypWM9TwW4+StHT1KUFhqTaFpulC2tNoAoGCCqGSM49
      AwEHoUQDQgAErm10hwB4yeGGZ04eiUogbG9kNeV5Sbhh3phF3O2kHr6aln/3vncs
      RntWZXkU9lZQdOlMOi1DjzpZBYZ0BGaWCA==
      -----END EC PRIVATE KEY-----
`

var npmrc = "//registry.npmjs.org/:_authToken=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\n" // want `hard-coded npm access token "npm_…"`

var envFile = "GOOGLE_MAPS_KEY=AIzap1vRt_1fjORS-6ilI8ihN5KXSc7Tvo-hBKq\nLOG_LEVEL=debug\n" // want `hard-coded Google API key "AIza…"`

var slackCurl = "curl -H 'Authorization: Bearer xoxb-777741215472-8038528084148-x6kwXoIIXGvOoNZYW2mZp0zV' https://slack.com/api/chat.postMessage" // want `hard-coded Slack token "xoxb…"`

var awsProfile = "[default]\naws_access_key_id = AKIAUJZDEGXDNCF32EPF\nregion = eu-west-1\n" // want `hard-coded AWS access key id "AKIA…"`

// A token in a URL path segment.
var tokenPath = "https://api.example.com/v1/hooks/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/deliveries" // want `hard-coded GitHub token "ghp_…"`

// A template split across literals is the folded constant.
const headerTemplate = "Authorization: token " + "ghp_7EyP2EkB6oa6" + "tbR4P0IQrcpfkWutm30fYcwZ\r\n" // want `hard-coded GitHub token "ghp_…"`

// Negatives.
var (
	// Documentation examples, inside larger strings too.
	awsDocProfile = "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
	// Placeholders in the format's shape.
	githubPlaceholder = "github:\n  token: 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\n" // checksum valid, body all x
	awsPlaceholder    = "aws_access_key_id = AKIAXXXXXXXXXXXXXXXX"
	stripePlaceholder = `{"stripe_key": "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"}`
	stripeRepeated    = "STRIPE_KEY=sk_live_aaaaaaaaaaaaaaaaaaaaaaaa"
	slackZeros        = "SLACK_TOKEN=xoxb-000000000000-0000000000000-9xK2mPq7LwZ4nR8vT3yB6cD1"
	webhookDocs       = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"
	templated         = "Authorization: Bearer ${GITHUB_TOKEN}\r\n"
	// Format-shaped pieces of encoded blobs and longer identifiers.
	dataURI     = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg/AKIAUJZDEGXDNCF32EPF/AAAAAQAAAAEIBgAAAB8"
	base64Blob  = "MIIBIjANBgkqhkiG9w0BAQEFAAOC+AKIAUJZDEGXDNCF32EPF+AQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo"
	inIdent     = "cacheAKIAUJZDEGXDNCF32EPFsuffix"
	snakeIdent  = "task_live_migration_batch_2024_0001_final"
	googleIdent = "xAIzap1vRt_1fjORS-6ilI8ihN5KXSc7Tvo-hBKq"
	// Generic formats count only as the whole literal.
	bearerDump = "GET /orders HTTP/1.1\r\nHost: api.internal\r\nAuthorization: Bearer 7Hk2mQ9xZp4LwR8vN3tY6bC1\r\n\r\n"
	twilioInQS = "https://api.example.com/callback?sid=SKbb2737f6a6f0fb23c6f5da2cec255404&x=1"
	// A PEM template inside a larger document.
	pemTemplate = `{"private_key": "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n"}`
)

// Regular expressions describing the formats.
var (
	githubRe = regexp.MustCompile(`^ghp_[A-Za-z0-9]{36}$`)
	awsRe    = regexp.MustCompile(`\b(?:AKIA|ASIA)[A-Z2-7]{16}\b`)
	stripeRe = regexp.MustCompile(`sk_live_[0-9a-zA-Z]{24}`)
)

var _ = []any{npmrc, envFile, slackCurl, awsProfile, tokenPath, awsDocProfile, githubPlaceholder, awsPlaceholder,
	stripePlaceholder, stripeRepeated, slackZeros, webhookDocs, templated, dataURI, base64Blob, inIdent, snakeIdent,
	googleIdent, bearerDump, twilioInQS, pemTemplate, githubRe, awsRe, stripeRe}
