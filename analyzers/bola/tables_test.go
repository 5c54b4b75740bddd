package bola

import "testing"

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
