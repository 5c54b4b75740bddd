package gormv1

import (
	"github.com/jinzhu/gorm"
)

type Article struct {
	gorm.Model
	Slug     string
	AuthorID uint
}

// FindOne: gorm v1 First with a struct condition.
func FindOne(db *gorm.DB, slug string) (Article, error) { // want `fact access\(read sel1 model=Article\)`
	var a Article
	err := db.Where(&Article{Slug: slug}).First(&a).Error
	return a, err
}

// DeleteArticle: realworld's DeleteArticleModel.
func DeleteArticle(db *gorm.DB, condition interface{}) error { // want `fact access\(delete sel1 model=Article\)`
	return db.Where(condition).Delete(Article{}).Error
}

// Rename: gorm v1 Model(...).Update.
func Rename(db *gorm.DB, id uint, slug string) error { // want `fact access\(write sel1 model=Article\)`
	return db.Model(&Article{}).Where("id = ?", id).Update("slug", slug).Error
}

// Not a data access: builds a query without running it.
func Scope(db *gorm.DB, id uint) *gorm.DB { return db.Where("id = ?", id) }
