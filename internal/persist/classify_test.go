package persist

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

func TestSensitiveName(t *testing.T) {
	yes := map[string]string{
		"Password": "password", "PasswordHash": "password", "password_hash": "password",
		"HashedPassword": "password", "ResetToken": "token", "RefreshTokens": "token",
		"TOTPSecret": "secret", "APIKey": "api key", "api_key": "api key", "ApiKeyHash": "api key",
		"CardNumber": "card number", "CVV": "cvv", "SSN": "ssn", "IBAN": "iban", "Salt": "salt",
		"RecoveryCodes": "recovery code", "PrivateKey": "private key", "OTP": "otp", "MFACode": "mfa code",
		"ClientSecret": "secret", "PasswordEncrypted": "password",
	}
	for name, want := range yes {
		got, ok := SensitiveName(name)
		if !ok || got != want {
			t.Errorf("SensitiveName(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	for _, name := range []string{
		"PasswordChangedAt", "TokenCount", "TokenType", "TokenExpiresAt",
		"Email", "Name", "Hash", "CommitHash", "PublicKey", "Key", "SecretQuestionID", "Passes", "Status",
		"SaltLength", "CardLast4", "NextPageToken", "next_token", "CSRFToken", "xsrf_token", "ContinuationToken", "stateToken", "upload_state_token",
	} {
		if got, ok := SensitiveName(name); ok {
			t.Errorf("SensitiveName(%q) = %q, want none", name, got)
		}
	}
}

func TestPrivilegedName(t *testing.T) {
	for name, weak := range map[string]bool{
		"Role": false, "IsAdmin": false, "Permissions": false, "EmailVerified": false, "Balance": false,
		"Credits": false, "OwnerID": false, "UserID": false, "TenantID": false, "OrgID": false,
		"Price": false, "AuthorID": false, "CustomerID": false, "CreatedAt": true, "CreatedBy": false, "DeletedAt": true,
	} {
		_, w, ok := PrivilegedName(name)
		if !ok || w != weak {
			t.Errorf("PrivilegedName(%q) = weak %v, %v; want weak %v", name, w, ok, weak)
		}
	}
	for _, name := range []string{"Name", "Email", "Bio", "Title", "AvatarURL", "ID"} {
		if p, _, ok := PrivilegedName(name); ok {
			t.Errorf("PrivilegedName(%q) = %q, want none", name, p)
		}
	}
}

const src = `package p

type Base struct {
	ID        int
	CreatedAt string
}

type hidden struct{ Inner string }

type NullString struct {
	String string
	Valid  bool
}

type User struct {
	Base
	hidden
	Email        string ` + "`json:\"email\"`" + `
	PasswordHash string ` + "`json:\"-\"`" + `
	Token        NullString
	HasPassword  bool
	secret       string
	UserID       int64 ` + "`gorm:\"column:owner\"`" + `
	TenantID     string
	Org          *Base ` + "`json:\"org\"`" + `
	ResetToken   *string ` + "`json:\"reset_token,omitempty\" db:\"reset_tok\"`" + `
}
`

func userType(t testing.TB) types.Type {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkg.Scope().Lookup("User").Type()
}

func TestFields(t *testing.T) {
	got := map[string]Field{}
	for _, f := range Fields(types.NewPointer(userType(t))) {
		got[f.Name()] = f
	}
	keys := map[string]string{
		"ID": "ID", "CreatedAt": "CreatedAt", "Inner": "Inner", "Email": "email", "PasswordHash": "",
		"Token": "Token", "HasPassword": "HasPassword", "secret": "", "UserID": "UserID",
		"TenantID": "TenantID", "Org": "org", "ResetToken": "reset_token",
	}
	for name, key := range keys {
		f, ok := got[name]
		if !ok {
			t.Errorf("field %s missing", name)
			continue
		}
		if f.Key != key {
			t.Errorf("field %s: key %q, want %q", name, f.Key, key)
		}
	}
	if len(got["ID"].Via) != 1 || got["ID"].Via[0].Name() != "Base" {
		t.Errorf("ID should be reached via Base: %v", got["ID"].Via)
	}
	if c := got["UserID"].Column(); c != "owner" {
		t.Errorf("UserID column %q, want owner", c)
	}
	if c := got["ResetToken"].Column(); c != "reset_tok" {
		t.Errorf("ResetToken column %q", c)
	}
	if c := got["TenantID"].Column(); c != "tenant_id" {
		t.Errorf("TenantID column %q", c)
	}
	var sensitive []string
	for _, f := range Fields(userType(t)) {
		if _, ok := Sensitive(f); ok {
			sensitive = append(sensitive, f.Name())
		}
	}
	if want := "[PasswordHash Token secret ResetToken]"; fmtList(sensitive) != want {
		t.Errorf("sensitive fields %v, want %s", sensitive, want)
	}
	var owners []string
	for _, f := range OwnerFields(userType(t)) {
		owners = append(owners, f.Name())
	}
	if want := "[UserID TenantID]"; fmtList(owners) != want {
		t.Errorf("owner fields %v, want %s", owners, want)
	}
	var pks []string
	for _, f := range Fields(userType(t)) {
		if PrimaryKey(userType(t), f) {
			pks = append(pks, f.Name())
		}
	}
	if want := "[ID]"; fmtList(pks) != want {
		t.Errorf("primary keys %v, want %s", pks, want)
	}
}

func fmtList(s []string) string {
	out := "["
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out + "]"
}
