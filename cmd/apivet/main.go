// Command apivet finds API security flaws in Go code: broken object level
// authorization, data exposure, hard-coded secrets, unverified JWTs,
// missing rate limits and more (see -list).
//
//	apivet [flags] [packages]              # standalone (default ./...)
//	go vet -vettool=$(command -v apivet) ./...
//	apivet routes [flags] [packages]       # the API inventory
//	apivet lsp                             # language server for editors
//
// Exit codes: 0 no findings, 1 findings, 2 usage or configuration error,
// 3 some packages could not be loaded, type-checked or analyzed (findings
// in the other packages are still reported).
package main

import (
	"os"
	"strings"
)

func main() {
	args := os.Args[1:]
	if isVetTool(args) {
		vetMain()
		return // vetMain exits
	}
	os.Exit(run(args, os.Stdout, os.Stderr))
}

// isVetTool reports whether go vet is driving us through the unitchecker
// protocol: -V=full, -flags, or a single *.cfg file after flags.
func isVetTool(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "-V" || a == "--V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}
