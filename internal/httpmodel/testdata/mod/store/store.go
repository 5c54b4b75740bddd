package store

import (
	"context"

	"gorm.io/gorm"
)

type Order struct {
	ID     uint
	UserID int64
	Item   string
}

type Repo struct{ db *gorm.DB }

func NewRepo(db *gorm.DB) *Repo { return &Repo{db: db} }

// GetOrder reads any order by id.
func (r *Repo) GetOrder(ctx context.Context, id string) (*Order, error) { // want `fact access\(read sel1 model=Order\)`
	var o Order
	err := r.db.WithContext(ctx).First(&o, "id = ?", id).Error
	return &o, err
}

// GetOwnedOrder scopes the read to the owner.
func (r *Repo) GetOwnedOrder(ctx context.Context, owner int64, id string) (*Order, error) { // want `fact access\(read sel1 sel2 model=Order\)`
	var o Order
	q := r.db.Where("user_id = ?", owner)
	err := q.Where("id = ?", id).First(&o).Error
	return &o, err
}

// DeleteOrder deletes by id.
func (r *Repo) DeleteOrder(id uint) error { // want `fact access\(delete sel0 model=Order\)`
	return r.db.Delete(&Order{}, id).Error
}

// Count has no selector.
func (r *Repo) Count() (n int64) { // want `fact access\(read model=Order\)`
	r.db.Model(&Order{}).Count(&n)
	return n
}

// Generic uses the gorm generics API.
func Generic(ctx context.Context, db *gorm.DB, id uint) (Order, error) { // want `fact access\(read sel2 model=Order\)`
	return gorm.G[Order](db).Where("id = ?", id).First(ctx)
}

// Service wraps the repo in another layer (fact through a fact).
type Service struct{ repo *Repo }

func (s *Service) Order(ctx context.Context, id string) (*Order, error) { // want `fact access\(read sel1 model=Order\)`
	return s.repo.GetOrder(ctx, id)
}

// Not a data access: a pure helper.
func Label(o *Order) string { return o.Item }
