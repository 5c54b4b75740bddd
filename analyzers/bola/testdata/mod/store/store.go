// Package store holds the persistence models.
package store

import "gorm.io/gorm"

// Order belongs to a user.
type Order struct {
	gorm.Model
	UserID uint   `gorm:"index" json:"user_id"`
	Item   string `json:"item"`
	Total  int64  `json:"total"`
}

// Invoice belongs to a tenant.
type Invoice struct {
	ID       int64  `db:"id" json:"id"`
	TenantID int64  `db:"tenant_id" json:"tenant_id"`
	Amount   int64  `db:"amount" json:"amount"`
	Note     string `db:"note" json:"note"`
}

// Document has an owner.
type Document struct {
	ID      string `db:"id" json:"id"`
	OwnerID string `db:"owner_id" json:"owner_id"`
	Title   string `db:"title" json:"title"`
	Body    string `db:"body" json:"body"`
}

// Product is catalog data, the same for every caller.
type Product struct {
	gorm.Model
	Name  string `json:"name"`
	Price int64  `json:"price"`
}

// Country is reference data.
type Country struct {
	Code string `db:"code" json:"code"`
	Name string `db:"name" json:"name"`
}

// Profile is a user's private profile; its ID is the user's ID, so no
// field names an owner (configured as owned in the test).
type Profile struct {
	gorm.Model
	Phone   string `json:"phone"`
	Address string `json:"address"`
}

// Post is published by its author and public (configured as public).
type Post struct {
	gorm.Model
	AuthorID uint   `json:"author_id"`
	Body     string `json:"body"`
}

// Comment is authored content: anyone reads it, only its author edits it.
type Comment struct {
	gorm.Model
	AuthorID uint   `json:"author_id"`
	Text     string `json:"text"`
}

// Article is authored content that persists itself (the realworld
// example's layout): FindArticle loads one, its methods change it.
type Article struct {
	gorm.Model
	Slug     string `gorm:"uniqueIndex" json:"slug"`
	AuthorID uint   `json:"author_id"`
	Title    string `json:"title"`
}

// ArticleDB is where articles are kept.
var ArticleDB *gorm.DB

// FindArticle loads the article matching cond.
func FindArticle(cond any) (Article, error) {
	var a Article
	err := ArticleDB.Where(cond).First(&a).Error
	return a, err
}

// Update changes the article in place: gorm selects the row by a's key.
func (a *Article) Update(data any) error {
	return ArticleDB.Model(a).Updates(data).Error
}

// Touch changes every article: no row is selected by a.
func (a *Article) Touch() error {
	return ArticleDB.Model(&Article{}).Where("1 = 1").Update("title", a.Title).Error
}
