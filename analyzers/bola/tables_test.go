package bola

import (
	"strings"
	"testing"
)

func TestAuthzName(t *testing.T) {
	yes := []string{"authorize", "CanViewOrder", "canAccess", "checkAccess", "ensureOwner", "IsOwner", "hasPermission", "enforce", "Allowed", "isAllowed", "AllowAccess", "mustBeOwner", "verifyOwnership", "userOwnsOrder", "belongsTo"}
	no := []string{"Cancel", "ScanRows", "Allow", "getCan", "Candidate", "checkHealth", "Format", "Decode"}
	for _, n := range yes {
		if _, ok := authzName(n); !ok {
			t.Errorf("authzName(%q) = false, want true", n)
		}
	}
	for _, n := range no {
		if _, ok := authzName(n); ok {
			t.Errorf("authzName(%q) = true, want false", n)
		}
	}
}

func TestSQL(t *testing.T) {
	if got := sqlTable("SELECT id, owner_id FROM public.documents WHERE id = $1"); got != "documents" {
		t.Errorf("sqlTable = %q", got)
	}
	if got := sqlTable("DELETE FROM `invoices` WHERE id = ?"); got != "invoices" {
		t.Errorf("sqlTable = %q", got)
	}
	if got := ownerColumn("UPDATE Profile set full_name=? where user_id=?"); got != "user_id" {
		t.Errorf("ownerColumn = %q", got)
	}
	if got := ownerColumn("SELECT code, name FROM countries WHERE code = $1"); got != "" {
		t.Errorf("ownerColumn = %q, want none", got)
	}
	if !tableNames("OrderItem")["order_items"] || !tableNames("Category")["categories"] {
		t.Errorf("tableNames: %v %v", tableNames("OrderItem"), tableNames("Category"))
	}
}

// A message that would run past maxMessage drops its detail in turn, and
// a handler's receiver is dropped from its name.
func TestFit(t *testing.T) {
	long := strings.Repeat("x", maxMessage+1)
	if got := fit(long, "short"); got != "short" {
		t.Errorf("fit chose %q", got)
	}
	if got := fit("first", "second"); got != "first" {
		t.Errorf("fit chose %q, want the fullest form that fits", got)
	}
	if got := fit(long, long+"y"); got != long+"y" {
		t.Errorf("fit with no form that fits chose %q, want the last", got)
	}
	for in, want := range map[string]string{
		"(*metadata.APIController).DeleteWebhook": "DeleteWebhook",
		"articles.ArticleDelete":                  "articles.ArticleDelete",
		"func@x.go:3":                             "func@x.go:3",
	} {
		if got := shortName(in); got != want {
			t.Errorf("shortName(%q) = %q, want %q", in, got, want)
		}
	}
}
