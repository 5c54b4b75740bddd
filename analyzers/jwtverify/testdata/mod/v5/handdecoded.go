package v5

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"log"
	"slices"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// Code that decodes the JOSE header itself and checks its alg before the
// parse: the check pins the algorithm only when a mismatch stops.

type joseHeader struct {
	Alg string `json:"alg"`
	Kid string `json:"kid"`
}

func decodeHeader(raw string) (joseHeader, error) {
	var h joseHeader
	parts := strings.Split(raw, ".")
	if len(parts) != 3 {
		return h, errors.New("malformed token")
	}
	b, err := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil {
		return h, err
	}
	return h, json.Unmarshal(b, &h)
}

// ---- positives ----

// The mismatch is only logged: any alg goes on to the parse.
func handDecodedLogged(raw string) error {
	h, err := decodeHeader(raw)
	if err != nil {
		return err
	}
	if h.Alg != "HS256" {
		log.Printf("unexpected alg %s", h.Alg)
	}
	_, err = jwt.Parse(raw, func(*jwt.Token) (any, error) { return secret, nil }) // want `jwt.Parse does not pin the signing algorithm; pin HS256`
	return err
}

// Decoded into a map; the alg is compared into a variable nobody reads.
func handDecodedMapIgnored(raw string) error {
	parts := strings.Split(raw, ".")
	b, _ := base64.RawURLEncoding.DecodeString(parts[0])
	var hdr map[string]any
	_ = json.Unmarshal(b, &hdr)
	isHS := hdr["alg"] == "HS256"
	log.Println("hmac token:", isHS)
	_, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { return secret, nil }) // want `jwt.Parse does not pin the signing algorithm; pin HS256`
	return err
}

// ---- negatives ----

func handDecodedStops(raw string) error {
	h, err := decodeHeader(raw)
	if err != nil {
		return err
	}
	if h.Alg != "HS256" {
		return errors.New("unexpected alg")
	}
	_, err = jwt.Parse(raw, func(*jwt.Token) (any, error) { return secret, nil })
	return err
}

func handDecodedMapStops(raw string) error {
	parts := strings.Split(raw, ".")
	b, err := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil {
		return err
	}
	var hdr map[string]any
	if err := json.Unmarshal(b, &hdr); err != nil {
		return err
	}
	if alg, _ := hdr["alg"].(string); !slices.Contains([]string{"HS256", "HS384"}, alg) {
		return errors.New("unexpected alg")
	}
	_, err = jwt.Parse(raw, func(*jwt.Token) (any, error) { return secret, nil })
	return err
}

// A field tagged json:"alg" under another name, checked in a switch.
func taggedSwitch(raw string) error {
	var h struct {
		A string `json:"alg"`
	}
	parts := strings.Split(raw, ".")
	b, _ := base64.RawURLEncoding.DecodeString(parts[0])
	if err := json.Unmarshal(b, &h); err != nil {
		return err
	}
	switch h.A {
	case "HS256":
	default:
		return errors.New("unexpected alg")
	}
	_, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { return secret, nil })
	return err
}

// The comparison is stored and the variable decides.
func storedVerdict(raw string) error {
	h, err := decodeHeader(raw)
	if err != nil {
		return err
	}
	ok := h.Alg == "HS256" && h.Kid != ""
	if !ok {
		return errors.New("unexpected header")
	}
	_, err = jwt.Parse(raw, func(*jwt.Token) (any, error) { return secret, nil })
	return err
}
