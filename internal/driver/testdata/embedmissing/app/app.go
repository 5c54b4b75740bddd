// Package app imports assets, whose embedded files are missing.
package app

import "example.com/embedmissing/assets"

// Files is served by the app.
var Files = assets.Dist
