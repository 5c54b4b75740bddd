package api

import (
	"example.com/models/repo"
	"example.com/models/store"
)

var (
	_ = store.User{}    // want `model: its fields have gorm tags`
	_ = store.Account{} // want `model: it embeds gorm.Model`
	_ = store.Post{}    // want `model: its fields have bun tags`
	_ = store.Session{} // want `model: \(\*gorm.DB\).First reads into it at repo/repo.go:\d+`
	_ = store.Invoice{} // want `model: \(\*gorm.DB\).Save writes it`
	_ = store.Row{}     // want `model: its fields have db tags`
	_ = store.Comment{} // want `model: it embeds bun.BaseModel`
	_ = store.Profile{}
	_ = store.Ignored{}
	_ = repo.Repo{}
	_ = []store.Profile{}
	_ = []*store.Session{} // want `elem model: \(\*gorm.DB\).First`
)
