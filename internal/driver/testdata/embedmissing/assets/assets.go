// Package assets embeds a built frontend that a fresh checkout lacks
// (dist/ is produced by the web build and not committed).
package assets

import "embed"

//go:embed dist/*
var Dist embed.FS

// Key is a finding in the package whose embed pattern matches nothing.
const Key = "sk_live_51HxAbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEFGH"
