// Package scope stamps the creator of every record with a gorm callback,
// the way gin-vue-admin's datascope engine does.
package scope

import (
	"context"

	"gorm.io/gorm"
)

type callerKey struct{}

// WithCaller puts the caller's id into the request context.
func WithCaller(ctx context.Context, id uint) context.Context {
	return context.WithValue(ctx, callerKey{}, id)
}

func caller(db *gorm.DB) (uint, bool) {
	id, ok := db.Statement.Context.Value(callerKey{}).(uint)
	return id, ok
}

// RegisterCallbacks installs the stamps on a connection.
func RegisterCallbacks(db *gorm.DB) {
	c := db.Callback().Create()
	if c.Get("scope:stamp") == nil {
		_ = c.Before("gorm:create").Register("scope:stamp", stampOwnership)
	}
	_ = db.Callback().Update().Before("gorm:update").Register("scope:stamp_update", stampColumn("updated_by"))
	_ = db.Callback().Query().Before("gorm:query").Register("scope:query", func(db *gorm.DB) {
		db.Statement.SetColumn("tenant_id", 1)
	})
}

func hasField(db *gorm.DB, name string) bool {
	return db.Statement.Schema != nil && db.Statement.Schema.LookUpField(name) != nil
}

func stampOwnership(db *gorm.DB) {
	id, ok := caller(db)
	if !ok {
		return
	}
	if hasField(db, "created_by") && id != 0 {
		db.Statement.SetColumn("created_by", id, true)
	}
}

func stampColumn(col string) func(*gorm.DB) {
	return func(db *gorm.DB) {
		if id, ok := caller(db); ok {
			db.Statement.SetColumn("updated_by_id", id, true)
		}
	}
}
