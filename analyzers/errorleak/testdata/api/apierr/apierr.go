// Package apierr builds error bodies for handlers of other packages.
package apierr

// Body is an error response body.
type Body struct {
	Errors map[string]any `json:"errors"`
}

// New puts err's text under key (the text reaches the client).
func New(key string, err error) Body { // want New:`text\[1\]`
	b := Body{Errors: map[string]any{}}
	b.Errors[key] = err.Error()
	return b
}

// Fixed puts a fixed message under key, whatever err says.
func Fixed(key string, err error) Body {
	_ = err
	return Body{Errors: map[string]any{key: "internal error"}}
}
