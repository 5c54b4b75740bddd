package main

import (
	"io"
	"os"

	"github.com/apivet/apivet/internal/lsp"
	"github.com/apivet/apivet/internal/routes"
)

// runRoutes prints the HTTP API inventory (apivet routes -h for flags).
func runRoutes(args []string, stdout, stderr io.Writer) int {
	return routes.Main(args, stdout, stderr)
}

// runLSP serves the Language Server Protocol on stdin/stdout.
func runLSP(args []string, stdout, stderr io.Writer) int {
	return lsp.Main(os.Stdin, stdout, stderr)
}
