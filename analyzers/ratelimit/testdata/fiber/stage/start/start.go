// Package start holds the service's serve helpers (fiber-go-template's
// pkg/utils): one plain, one with graceful shutdown.
package start

import (
	"os"
	"os/signal"

	"github.com/gofiber/fiber/v2"
)

// Server serves the app.
func Server(a *fiber.App) {
	_ = a.Listen(os.Getenv("SERVER_URL"))
}

// ServerWithGracefulShutdown serves the app and shuts it down on SIGINT.
func ServerWithGracefulShutdown(a *fiber.App) {
	idle := make(chan struct{})
	go func() {
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt)
		<-sig
		_ = a.Shutdown()
		close(idle)
	}()
	_ = a.Listen(os.Getenv("SERVER_URL"))
	<-idle
}
