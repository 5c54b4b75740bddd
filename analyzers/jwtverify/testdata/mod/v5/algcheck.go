package v5

import (
	"errors"
	"log"

	"github.com/golang-jwt/jwt/v5"
)

// ---- positives: a method check whose outcome decides nothing ----

func logsOnMismatch(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { // want `jwt.Parse does not pin the signing algorithm; pin HS256`
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			log.Printf("unexpected signing method %v", t.Header["alg"])
		}
		return secret, nil
	})
	return err
}

func headerAlgOnlyLogged(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { // want `jwt.Parse does not pin the signing algorithm; pin HS256`
		alg, _ := t.Header["alg"].(string)
		log.Printf("token signed with %s", alg)
		return secret, nil
	})
	return err
}

var keysByAlg map[string]any

func headerAlgPicksKey(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { // want `jwt.Parse does not pin the signing algorithm: its key function returns a type known only at run time`
		alg, _ := t.Header["alg"].(string)
		return keysByAlg[alg], nil
	})
	return err
}

func headerAlgPresent(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { // want `jwt.Parse does not pin the signing algorithm; pin HS256`
		if t.Header["alg"] == nil {
			return nil, errors.New("no alg")
		}
		return secret, nil
	})
	return err
}

// ---- negatives: the check stops the key function ----

func okBranchReturnsKey(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); ok {
			return secret, nil
		}
		return nil, errors.New("unexpected signing method")
	})
	return err
}

func logsThenFails(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			log.Printf("unexpected signing method %v", t.Header["alg"])
			return nil, errors.New("unexpected signing method")
		}
		return secret, nil
	})
	return err
}

func headerAlgSwitch(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		alg, _ := t.Header["alg"].(string)
		switch alg {
		case "HS256":
			return secret, nil
		}
		return nil, errors.New("unexpected alg")
	})
	return err
}

func isHMAC(t *jwt.Token) bool { // want isHMAC:`jwtkey\(checks alg\)`
	_, ok := t.Method.(*jwt.SigningMethodHMAC)
	return ok
}

func boolHelper(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		if !isHMAC(t) {
			return nil, errors.New("unexpected signing method")
		}
		return secret, nil
	})
	return err
}
