package main

import (
	"net/http"
	"testing"
)

func TestServe(t *testing.T) {
	go http.ListenAndServe(":7777", nil)
}
