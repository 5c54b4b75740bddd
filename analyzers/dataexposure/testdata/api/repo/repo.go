package repo

import (
	"context"

	"github.com/jmoiron/sqlx"
	"gorm.io/gorm"

	"example.com/api/models"
)

type Repo struct {
	DB *gorm.DB
	X  *sqlx.DB
}

func (r *Repo) Session(ctx context.Context, id string) (*models.Session, error) {
	var s models.Session
	err := r.X.GetContext(ctx, &s, "SELECT id, token, expires_at FROM sessions WHERE id = $1", id)
	return &s, err
}

func (r *Repo) User(id string) (models.User, error) {
	var u models.User
	return u, r.DB.First(&u, id).Error
}

func (r *Repo) Users() ([]*models.User, error) {
	var us []*models.User
	return us, r.DB.Find(&us).Error
}
