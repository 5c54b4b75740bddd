package main

import (
	"fmt"
	"io"
)

func runRoutes(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "apivet routes: not available in this build yet")
	return exitUsage
}

func runLSP(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "apivet lsp: not available in this build yet")
	return exitUsage
}
