package main

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

func main() {
	r := gin.New()
	r.GET("/ping", func(c *gin.Context) { c.String(200, "pong") })
	go r.Run(":8080")                           // want `r.Run serves with an http.Server that gin builds without timeouts`
	go r.RunTLS(":8443", "cert.pem", "key.pem") // want `r.RunTLS serves with an http.Server that gin builds without timeouts`
	go r.RunQUIC(":8443", "cert.pem", "key.pem")

	// Good: the engine served by a hardened http.Server.
	srv := &http.Server{Addr: ":8081", Handler: r.Handler(), ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 10 * time.Second, IdleTimeout: time.Minute}
	srv.ListenAndServe()
}
