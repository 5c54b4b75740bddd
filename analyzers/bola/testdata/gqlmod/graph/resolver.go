package graph

import "gorm.io/gorm"

// Resolver is the resolver root; cmd/server builds the schema from it.
type Resolver struct {
	DB *gorm.DB
}

// Regenerate with `go run github.com/99designs/gqlgen generate`; it moves
// the fact expectations of schema.resolvers.go from the func lines
// into the bodies: put them back on the func lines.
