// Package api holds the models of memos v0.9.0's shape.
package api

type Visibility string

const (
	Public    Visibility = "PUBLIC"
	Protected Visibility = "PROTECTED"
	Private   Visibility = "PRIVATE"
)

type Role string

const Host Role = "HOST"

type User struct {
	ID       int    `json:"id"`
	Username string `json:"username"`
	Role     Role   `json:"role"`
}

type Memo struct {
	ID         int        `json:"id"`
	CreatorID  int        `json:"creatorId"`
	Content    string     `json:"content"`
	Visibility Visibility `json:"visibility"`
}

type UserFind struct {
	ID       *int
	Username *string
}

type UserDelete struct{ ID int }

type MemoFind struct {
	ID             *int
	RowStatus      *string
	CreatorID      *int
	VisibilityList []Visibility
	Limit          int
}
