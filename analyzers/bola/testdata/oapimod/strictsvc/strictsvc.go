// Package strictsvc implements the strict server: typed request objects
// in, typed responses out.
package strictsvc

import (
	"context"

	"gorm.io/gorm"

	"example.com/oapibola/api/strict"
	"example.com/oapibola/auth"
	"example.com/oapibola/store"
)

type Server struct {
	DB *gorm.DB
}

var _ strictapi.StrictServerInterface = (*Server)(nil)

func (s *Server) GetOrder(ctx context.Context, request strictapi.GetOrderRequestObject) (strictapi.GetOrderResponseObject, error) { // want GetOrder:`unscoped: read store.Order by path parameter "orderId"`
	var o store.Order
	err := s.DB.First(&o, "id = ?", request.OrderId).Error
	return strictapi.GetOrder200JSONResponse{Item: o.Item}, err
}

// GetMyOrder scopes the query by the caller.
func (s *Server) GetMyOrder(ctx context.Context, request strictapi.GetMyOrderRequestObject) (strictapi.GetMyOrderResponseObject, error) {
	me := auth.FromContext(ctx)
	var o store.Order
	err := s.DB.Where("user_id = ?", me.ID).First(&o, "id = ?", request.OrderId).Error
	return strictapi.GetMyOrder200Response{}, err
}

func (s *Server) DeleteOrder(ctx context.Context, request strictapi.DeleteOrderRequestObject) (strictapi.DeleteOrderResponseObject, error) { // want DeleteOrder:`unscoped: delete store.Order by path parameter "orderId"`
	err := s.DB.Delete(&store.Order{}, "id = ?", request.OrderId.String()).Error
	return strictapi.DeleteOrder204Response{}, err
}

func (s *Server) UpdateOrder(ctx context.Context, request strictapi.UpdateOrderRequestObject) (strictapi.UpdateOrderResponseObject, error) { // want UpdateOrder:`unscoped: write store.Order by body field "Id"`
	s.DB.Model(&store.Order{}).Where("id = ?", request.Body.Id).Update("item", request.Body.Item)
	return strictapi.UpdateOrder200Response{}, nil
}

// ListOrders lists the caller's orders, limited by a query parameter.
func (s *Server) ListOrders(ctx context.Context, request strictapi.ListOrdersRequestObject) (strictapi.ListOrdersResponseObject, error) {
	me := auth.FromContext(ctx)
	var os []store.Order
	q := s.DB.Where("user_id = ?", me.ID)
	if request.Params.Limit != nil {
		q = q.Limit(*request.Params.Limit)
	}
	q.Find(&os)
	return strictapi.ListOrders200Response{}, nil
}

// GetProduct reads catalog data.
func (s *Server) GetProduct(ctx context.Context, request strictapi.GetProductRequestObject) (strictapi.GetProductResponseObject, error) {
	var p store.Product
	s.DB.First(&p, "id = ?", request.ProductId)
	return strictapi.GetProduct200Response{}, nil
}
