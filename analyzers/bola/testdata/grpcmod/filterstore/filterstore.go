// Package filterstore is a store in the style of memos: methods take
// filter structs (FindOrder{UID: &uid}) instead of IDs and reach the
// database through a Driver interface whose implementations live in
// packages that import this one, out of its sight.
package filterstore

import "context"

// Order belongs to the user OwnerID.
type Order struct {
	ID      int32
	UID     string
	OwnerID int32
	Item    string
}

// OrderItem is a part of an order; it has no owner of its own.
type OrderItem struct {
	ID      int32
	OrderID int32
	Name    string
}

// Post is authored content: everyone reads it, only its creator changes
// it.
type Post struct {
	ID        int32
	UID       string
	CreatorID int32
}

// PostComment is a part of a post.
type PostComment struct {
	ID     int32
	PostID int32
	Text   string
}

type FindPost struct {
	UID *string
}

type DeletePostComment struct {
	PostID *int32
}

// User is a caller's record.
type User struct {
	ID   int32
	Role string
}

type FindOrder struct {
	ID      *int32
	UID     *string
	OwnerID *int32
}

type DeleteOrderItem struct {
	OrderID *int32
}

type FindUser struct {
	ID *int32
}

// Driver is implemented per database, elsewhere.
type Driver interface {
	ListOrders(ctx context.Context, find *FindOrder) ([]*Order, error)
	DeleteOrderItems(ctx context.Context, delete *DeleteOrderItem) error
	UpsertOrderItem(ctx context.Context, item *OrderItem) (*OrderItem, error)
	ListUsers(ctx context.Context, find *FindUser) ([]*User, error)
	ListPosts(ctx context.Context, find *FindPost) ([]*Post, error)
	UpsertPostComment(ctx context.Context, c *PostComment) (*PostComment, error)
	DeletePostComments(ctx context.Context, delete *DeletePostComment) error
}

type Store struct{ driver Driver }

func New(d Driver) *Store { return &Store{driver: d} }

func (s *Store) ListOrders(ctx context.Context, find *FindOrder) ([]*Order, error) {
	return s.driver.ListOrders(ctx, find)
}

func (s *Store) GetOrder(ctx context.Context, find *FindOrder) (*Order, error) {
	list, err := s.ListOrders(ctx, find)
	if err != nil || len(list) == 0 {
		return nil, err
	}
	return list[0], nil
}

func (s *Store) DeleteOrderItems(ctx context.Context, delete *DeleteOrderItem) error {
	return s.driver.DeleteOrderItems(ctx, delete)
}

func (s *Store) UpsertOrderItem(ctx context.Context, item *OrderItem) (*OrderItem, error) {
	return s.driver.UpsertOrderItem(ctx, item)
}

func (s *Store) GetUser(ctx context.Context, find *FindUser) (*User, error) {
	list, err := s.driver.ListUsers(ctx, find)
	if err != nil || len(list) == 0 {
		return nil, err
	}
	return list[0], nil
}

func (s *Store) GetPost(ctx context.Context, find *FindPost) (*Post, error) {
	list, err := s.driver.ListPosts(ctx, find)
	if err != nil || len(list) == 0 {
		return nil, err
	}
	return list[0], nil
}

func (s *Store) UpsertPostComment(ctx context.Context, c *PostComment) (*PostComment, error) {
	return s.driver.UpsertPostComment(ctx, c)
}

func (s *Store) DeletePostComments(ctx context.Context, delete *DeletePostComment) error {
	return s.driver.DeletePostComments(ctx, delete)
}
