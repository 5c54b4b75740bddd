package repo

import (
	"context"

	"gorm.io/gorm"

	"example.com/api/models"
)

// Users writes users with gorm.
type Users struct{ DB *gorm.DB }

func (r *Users) Save(ctx context.Context, u *models.User) error {
	return r.DB.WithContext(ctx).Save(u).Error
}

// Service calls the repository.
type Service struct{ Repo *Users }

func (s *Service) UpdateProfile(ctx context.Context, u *models.User) error {
	return s.Repo.Save(ctx, u)
}

// Find only reads.
func (r *Users) Find(ctx context.Context, u *models.User) error {
	return r.DB.WithContext(ctx).First(u).Error
}

// PostStore is implemented elsewhere.
type PostStore interface {
	CreatePost(ctx context.Context, p *models.Post) error
	GetPost(ctx context.Context, p *models.Post) error
}

// SaveProfile never writes the privileged columns.
func (r *Users) SaveProfile(ctx context.Context, u *models.User) error {
	return r.DB.WithContext(ctx).Omit("role", "is_admin").Save(u).Error
}

// SaveNames writes only the names.
func (r *Users) SaveNames(u *models.User) error {
	return r.DB.Select("name", "email").Updates(u).Error
}
