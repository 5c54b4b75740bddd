// Package formats holds credentials recognizable by their format, next to
// look-alikes that fail the format's validation.
package formats

// Positives: real formats with valid checksums or decodable structure.
const githubToken = "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" // want `hard-coded GitHub token "ghp_…"`

var oauthToken = "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" // want `hard-coded GitHub token "gho_…"`

var npmToken = "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" // want `hard-coded npm access token "npm_…"`

var fineGrained = "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" // want `GitHub fine-grained token "gith…"`

var awsKeyID = "AKIAUJZDEGXDNCF32EPF" // want `hard-coded AWS access key id "AKIA…"`

var googleKey = "AIzap1vRt_1fjORS-6ilI8ihN5KXSc7Tvo-hBKq" // want `Google API key "AIza…"`

var stripeKey = "sk_live_Vpzz63FfkCzJr4i0B3JrTAwR" // want `Stripe live secret key "sk_l…"`

var stripeRestricted = "rk_live_4y9ojfljoQoaF1LlqsajAIxN" // want `Stripe live secret key "rk_l…"`

var sendgrid = "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" // want `SendGrid API key "SG.K…"`

var slackBot = "xoxb-777741215472-8038528084148-x6kwXoIIXGvOoNZYW2mZp0zV" // want `Slack token "xoxb…"`

var slackHook = "https://hooks.slack.com/services/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" // want `Slack webhook URL "http…"`

var gitlab = "glpat-ZomHFwUbbYrEqmSM9wCZ" // want `GitLab personal access token "glpa…"`

var twilio = "SKbb2737f6a6f0fb23c6f5da2cec255404" // want `Twilio API key "SKbb…"`

var openai = "sk-proj-L5DZPjN0MEQ7wjJJibaZUPgHT3BlbkFJV7iB3m03nbqnsGpWLuqIA1id" // want `OpenAI API key "sk-p…"`

var anthropic = "sk-ant-api03-T61qtc4xatws8phP9nhFyJfm5di4PzJ59FHz5r1pY4OjE2jBMptUsGr7CmY_uCu3ZR1zTOlUcR64cXQLioDnkHIfxIq2HAA" // want `Anthropic API key "sk-a…"`

var serviceJWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsInJvbGUiOiJhZG1pbiIsImlhdCI6MTc2NzIyNTYwMH0.XNTn2tfAQ9bBm_QJ6oys1R6G92xFRUaAeMoBiUYEc8w" // want `JSON Web Token "eyJh…"`

const ecKey = /* want `hard-coded private key "----…"` */ `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIGeedTQGr3/3mJypWM9TwW4+StHT1KUFhqTaFpulC2tNoAoGCCqGSM49
AwEHoUQDQgAErm10hwB4yeGGZ04eiUogbG9kNeV5Sbhh3phF3O2kHr6aln/3vncs
RntWZXkU9lZQdOlMOi1DjzpZBYZ0BGaWCA==
-----END EC PRIVATE KEY-----`

var escapedKey = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIGeedTQGr3/3mJypWM9TwW4+StHT1KUFhqTaFpulC2tNoAoGCCqGSM49\nAwEHoUQDQgAErm10hwB4yeGGZ04eiUogbG9kNeV5Sbhh3phF3O2kHr6aln/3vncs\nRntWZXkU9lZQdOlMOi1DjzpZBYZ0BGaWCA==\n-----END EC PRIVATE KEY-----\n" // want `hard-coded private key`

var remoteDSN = "postgres://billing:Vq7rT2mZ9xLp@db.prod.internal:5432/billing?sslmode=require" // want `password in a connection string "Vq7r…"`

var mysqlDSN = "svc:Hx8!kP2qWz@tcp(mysql.internal.example.net:3306)/orders" // want `password in a connection string "Hx8!…"`

var redisURL = "redis://:Lw4nZt9kPq2s@cache.prod.internal:6379/0" // want `password in a connection string`

var amqpURL = "amqp://events:Mq3vB8nX1zR@rabbit.prod.internal:5672/" // want `password in a connection string`

var mongoURL = "mongodb+srv://app:T9fGq2LmX7vB@cluster0.abcde.mongodb.net/app" // want `password in a connection string`

var localDSN = "postgres://app:Vq7rT2mZ9xLp@localhost:5432/app" // want `password in a connection string`

var keywordDSN = "host=pg.prod.internal user=app password=Zr8qN2vXk4Lm dbname=app" // want `password in a connection string "Zr8q…"`

// Negatives: documented fakes, look-alikes that fail validation, and
// values with the shape of a secret that are not one.
var (
	awsDocKeyID     = "AKIAIOSFODNN7EXAMPLE"
	awsDocSecret    = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	quickstartKeyID = "AKIAIOSFOLQUICKSTART" // a demo setup's published credential
	sampleKeyID     = "AKIASAMPLE2345672345"
	stripeDocKey    = "sk_live_51Hqw2LKD8vqX8Z4EXAMPLE"
	badChecksum     = "ghp_3BsYdLdigjpvPgKzcNdCWOQlCdARtt3aCV5x" // last character changed
	githubDocSample = "gho_16C7e42F292c6912E7710c838347Ae178B4a" // GitHub docs' sample, checksum does not verify
	jwtIOSample     = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
	unsignedJWT     = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJzdmMtYmlsbGluZyIsInJvbGUiOiJhZG1pbiIsImlhdCI6MTc2NzIyNTYwMH0.Eh5K0VLkTd6k_tWAvXQtTqmK6WXA1JrBr9rO_ILNVbg"
	pemTemplate     = "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----"
	pemHeaderOnly   = "-----BEGIN PRIVATE KEY-----"
	stripeTestKey   = "sk_test_placeholder"
	stripePublic    = "pk_live_Vpzz63FfkCzJr4i0B3JrTAwR"
	templatedDSN    = "postgres://%s:%s@%s:%d/%s?sslmode=disable"
	envDSN          = "postgres://app:${DB_PASSWORD}@db.prod.internal/app"
	composeDSN      = "postgres://postgres:postgres@localhost:5432/app?sslmode=disable"
	guestAMQP       = "amqp://guest:guest@localhost:5672/"
	rootMySQL       = "root:root@tcp(127.0.0.1:3306)/test"
	placeholderDSN  = "postgres://user:<password>@db.example.com/app"
	userOnlyURL     = "https://user@github.com/acme/repo.git"
	docsURL         = "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure"
	gitSSH          = "git@github.com:acme/repo.git"
	emailAddress    = "ops:alerts@example.com"
	sha256OfEmpty   = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
	base64Vector    = "Zm9vYmFy" // RFC 4648 test vector
	requestID       = "9b2f6c1e-3d4a-4b5c-8e7f-0a1b2c3d4e5f"
)

type webhook struct {
	URL string `json:"url" example:"https://hooks.slack.com/services/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"`
}

var _ = []any{githubToken, oauthToken, npmToken, fineGrained, awsKeyID, googleKey, stripeKey, stripeRestricted,
	sendgrid, slackBot, slackHook, gitlab, twilio, openai, anthropic, serviceJWT, ecKey, escapedKey, remoteDSN,
	mysqlDSN, redisURL, amqpURL, mongoURL, localDSN, keywordDSN, awsDocKeyID, awsDocSecret, stripeDocKey, badChecksum,
	githubDocSample, jwtIOSample, unsignedJWT, pemTemplate, pemHeaderOnly, stripeTestKey, stripePublic,
	templatedDSN, envDSN, composeDSN, guestAMQP, rootMySQL, placeholderDSN, userOnlyURL, docsURL, gitSSH,
	emailAddress, sha256OfEmpty, base64Vector, requestID, webhook{}}

// A token split across literals is the folded constant.
var splitToken = "ghp_3BsYdLdigjpv" + "PgKzcNdCWOQlCdARtt3aCV5k" // want `hard-coded GitHub token "ghp_…"`

// A prefix alone, completed at run time, is not a token.
func tokenFor(suffix string) string { return "ghp_" + suffix }

// A reported constant used in a sum is not reported again.
func bearer() string { return "Bearer " + githubToken }
