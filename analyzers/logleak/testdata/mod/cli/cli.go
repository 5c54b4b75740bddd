// Package cli is a command-line tool: what a command prints with fmt goes
// to whom ran it; the same print in a server, or a logger call in the
// command, is a log.
package cli

import (
	"fmt"
	"log"
	"os"

	"github.com/spf13/cobra"
)

type Credentials struct {
	AccessKeyID     string
	SecretAccessKey string
}

func create() Credentials { return Credentials{AccessKeyID: "id"} }

// setupCmd prints the credentials it created for the operator.
var setupCmd = &cobra.Command{
	Use: "setup",
	Run: func(cmd *cobra.Command, args []string) {
		creds := create()
		fmt.Printf("access_key_id: %s\nsecret_access_key: %s\n", creds.AccessKeyID, creds.SecretAccessKey)
		fmt.Fprintf(os.Stdout, "secret: %s\n", creds.SecretAccessKey)
		log.Printf("created %s", creds.SecretAccessKey) // want `SecretAccessKey is written to the log by log.Printf`
	},
}

func runRotate(cmd *cobra.Command, args []string) error {
	creds := create()
	fmt.Println("new secret:", creds.SecretAccessKey)
	return nil
}

var rotateCmd = &cobra.Command{Use: "rotate", RunE: runRotate}

// serve is a server's code: its standard output is its log.
func serve() {
	creds := create()
	fmt.Printf("serving with %s\n", creds.SecretAccessKey) // want `SecretAccessKey is written to the log by fmt.Printf`
}

func init() {
	setupCmd.AddCommand(rotateCmd)
	_ = serve
}
