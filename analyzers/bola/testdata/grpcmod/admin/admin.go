// Package admin is an administrative service (dex's mTLS admin API): no
// method learns who the caller is, so there are no users whose objects
// could be mixed up, and bola stays silent.
package admin

import (
	"context"

	"gorm.io/gorm"

	"example.com/grpcbola/orderpb"
	"example.com/grpcbola/store"
)

type Admin struct {
	orderpb.UnimplementedOrderServiceServer
	DB *gorm.DB
}

func (a *Admin) DeleteOrder(ctx context.Context, req *orderpb.DeleteOrderRequest) (*orderpb.Empty, error) {
	a.DB.Delete(&store.Order{}, "id = ?", req.GetName())
	return &orderpb.Empty{}, nil
}
