// Package ent has entities shaped like the code entgo.io generates.
package ent

// Policy is a storage policy with its credentials.
type Policy struct {
	ID        int         `json:"id,omitempty"`
	Name      string      `json:"name,omitempty"`
	SecretKey string      `json:"secret_key,omitempty"`
	Edges     PolicyEdges `json:"edges"`
}

// PolicyEdges holds the relations, filled by eager-loading.
type PolicyEdges struct {
	Groups []*Group `json:"groups,omitempty"`
}

func (*Policy) assignValues(columns []string, values []any) error { return nil }

// Group uses policies.
type Group struct {
	ID    int        `json:"id,omitempty"`
	Name  string     `json:"name,omitempty"`
	Edges GroupEdges `json:"edges"`
}

// GroupEdges holds the group's relations.
type GroupEdges struct {
	Policies []*Policy `json:"policies,omitempty"`
}

func (*Group) assignValues(columns []string, values []any) error { return nil }

// Client loads entities.
type Client struct{}

func (Client) Group(id int) *Group   { return &Group{ID: id} }
func (Client) Policy(id int) *Policy { return &Policy{ID: id} }
