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

// PublicUsers loads only public columns: PasswordHash stays empty.
func (r *Repo) PublicUsers(name string) ([]models.User, int64) {
	var users []models.User
	var total int64
	if name != "" {
		r.DB.Select("id, email, role").Where("email LIKE ?", name+"%").Find(&users)
		r.DB.Model(&users).Count(&total)
		return users, total
	}
	r.DB.Select("id,email,role").Find(&users)
	r.DB.Model(&users).Count(&total)
	return users, total
}

// UserNoHash leaves the hash out.
func (r *Repo) UserNoHash(id string) (*models.User, error) {
	u := &models.User{}
	err := r.DB.Omit("password_hash").First(u, id).Error
	return u, err
}

// UsersStar selects every column of the table.
func (r *Repo) UsersStar() ([]models.User, error) {
	var users []models.User
	err := r.DB.Select("users.*").Find(&users).Error
	return users, err
}

// UserWithHash lists the hash.
func (r *Repo) UserWithHash(id string) (models.User, error) {
	var u models.User
	err := r.DB.Select("id", "email", "password_hash").First(&u, id).Error
	return u, err
}

// UserMixed reads once restricted, once not.
func (r *Repo) UserMixed(id string, full bool) (models.User, error) {
	var u models.User
	if full {
		return u, r.DB.First(&u, id).Error
	}
	return u, r.DB.Select("id").First(&u, id).Error
}

// UserByID loads the hash only when asked to.
func (r *Repo) UserByID(id string, selectAll bool) (*models.User, error) {
	if id == "" {
		return nil, nil
	}
	user := models.User{Email: ""}
	var err error
	if selectAll {
		err = r.DB.First(&user, "id = ?", id).Error
	} else {
		err = r.DB.Omit("password_hash").First(&user, "id = ?", id).Error
	}
	return &user, err
}

// OrderWithBuyer preloads the buyer.
func (r *Repo) OrderWithBuyer(id string) (models.Order, error) {
	var o models.Order
	err := r.DB.Preload("Buyer").First(&o, id).Error
	return o, err
}

// OrderOnly does not.
func (r *Repo) OrderOnly(id string) (models.Order, error) {
	var o models.Order
	err := r.DB.First(&o, id).Error
	return o, err
}
