// Command server serves the GraphQL API behind authentication middleware.
package main

import (
	"net/http"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"gorm.io/gorm"

	"example.com/gqlbola/auth"
	"example.com/gqlbola/directives"
	"example.com/gqlbola/graph"
)

func main() {
	var db *gorm.DB
	cfg := graph.Config{Resolvers: &graph.Resolver{DB: db}}
	cfg.Directives.HasRole = directives.HasRole
	cfg.Directives.IsAuthenticated = directives.IsAuthenticated
	srv := handler.New(graph.NewExecutableSchema(cfg)) // want `GRAPHQL Mutation.deleteOrder: handler \(\*graph.mutationResolver\).DeleteOrder selects store.Order by argument "id" in \(\*gorm.DB\).Delete` `GRAPHQL Mutation.updateOrder: handler \(\*graph.mutationResolver\).UpdateOrder selects store.Order by argument "ID"` `GRAPHQL Query.order: handler \(\*graph.queryResolver\).Order selects store.Order by argument "id"` `GRAPHQL Query.signedInOrder: handler \(\*graph.queryResolver\).SignedInOrder` `GRAPHQL User.order: handler \(\*graph.userResolver\).Order selects store.Order by argument "id"`
	srv.AddTransport(transport.POST{})

	mux := http.NewServeMux()
	mux.Handle("/query", auth.Middleware(srv))

	// A second, unauthenticated endpoint: its reads are public by design
	// (but for the @isAuthenticated field),
	// its mutations are not.
	public := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{DB: db}})) // want `GRAPHQL Mutation.deleteOrder: handler \(\*graph.mutationResolver\).DeleteOrder` `GRAPHQL Mutation.updateOrder: handler \(\*graph.mutationResolver\).UpdateOrder` `GRAPHQL Query.signedInOrder: handler \(\*graph.queryResolver\).SignedInOrder`
	mux.Handle("/public/query", public)
	http.ListenAndServe(":8080", mux)
}
