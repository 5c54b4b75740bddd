// Package svc writes customers the way gin-vue-admin's services do: the
// handler passes the bound value, the service creates it.
package svc

import (
	"context"

	"gorm.io/gorm"

	"example.com/api/models"
	"example.com/api/scope"
)

var DB *gorm.DB

func init() { scope.RegisterCallbacks(DB) }

func CreateCustomer(ctx context.Context, c models.Customer) error {
	return DB.WithContext(ctx).Create(&c).Error
}

func UpdateCustomer(ctx context.Context, c models.Customer) error {
	return DB.WithContext(ctx).Save(&c).Error
}
