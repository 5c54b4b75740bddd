package persist

import (
	"go/types"
	"strings"

	"github.com/apivet/apivet/internal/secretname"
	"github.com/apivet/apivet/internal/words"
)

// sensitiveNouns are what a field holding a credential or a regulated
// secret is named after. A name is sensitive when, after dropping the
// qualifiers in sensitiveQualifiers from its end, it ends with one of
// these phrases: "PasswordHash", "ResetToken", "TOTPSecret" and
// "card_number" are; "PasswordChangedAt", "TokenCount" and "HasPassword"
// (its last word is not the noun) are not.
var sensitiveNouns = []string{
	"password", "passwd", "passphrase", "pwd",
	"secret", "secret key", "private key", "signing key", "encryption key", "api key", "apikey",
	"access key", "master key", "recovery key",
	"token", "salt", "credential", "credentials",
	"otp", "totp", "hotp", "mfa code", "otp code", "recovery code", "backup code", "reset code",
	"verification code",
	"ssn", "social security number", "card number", "credit card", "credit card number", "cvv", "cvc",
	"iban", "account number", "routing number",
}

var (
	sensitiveSplit  = splitAll(sensitiveNouns)
	ownerSplit      = splitAll(ownerPhrases)
	privilegedSplit = func() [][]string {
		out := make([][]string, len(privilegedPhrases))
		for i, p := range privilegedPhrases {
			out[i] = strings.Fields(p.phrase)
		}
		return out
	}()
)

func splitAll(phrases []string) [][]string {
	out := make([][]string, len(phrases))
	for i, p := range phrases {
		out[i] = strings.Fields(p)
	}
	return out
}

// hasSuffixWords reports whether ws ends with the words p.
func hasSuffixWords(ws, p []string) bool {
	if len(p) > len(ws) {
		return false
	}
	off := len(ws) - len(p)
	for i := range p {
		if ws[off+i] != p[i] {
			return false
		}
	}
	return true
}

// containsWords reports whether p occurs in ws as consecutive words.
func containsWords(ws, p []string) bool {
	for i := 0; i+len(p) <= len(ws); i++ {
		if hasSuffixWords(ws[:i+len(p)], p) {
			return true
		}
	}
	return false
}

// sensitiveQualifiers may follow a sensitive noun in a name without
// changing what the field holds ("PasswordHash", "TokenEncrypted").
var sensitiveQualifiers = map[string]bool{
	"hash": true, "hashed": true, "digest": true, "enc": true, "encrypted": true, "cipher": true,
	"ciphertext": true, "raw": true, "plain": true, "plaintext": true, "value": true, "str": true,
	"string": true, "bytes": true, "b64": true, "base64": true, "hex": true, "crypt": true, "bcrypt": true,
	"data": true, "text": true,
}

// SensitiveName reports whether a field or key name names a credential or
// a regulated secret, and the phrase that matched.
func SensitiveName(name string) (string, bool) {
	ws := words.Split(name)
	for len(ws) > 1 && sensitiveQualifiers[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return "", false
	}
	last := ws[len(ws)-1]
	if strings.HasSuffix(last, "s") && len(last) > 3 {
		ws = append(ws[:len(ws)-1:len(ws)-1], strings.TrimSuffix(last, "s"))
	}
	if len(ws) > 1 && ws[len(ws)-1] == "token" && secretname.NonSecretToken(ws[len(ws)-2]) {
		return "", false
	}
	for i, p := range sensitiveSplit {
		if hasSuffixWords(ws, p) {
			return sensitiveNouns[i], true
		}
	}
	// "hash" alone ("Hash", "PwdHash" handled above) only with a password
	// word anywhere: "HashedPassword" ends with the noun already.
	return "", false
}

// Sensitive reports whether field v holds a secret: a sensitive name (its
// Go name or its JSON key) and a type that can carry one (a string, a
// byte slice, or a pointer, nullable wrapper or slice of those). A bool
// "HasPassword" or a time "TokenExpiry" is not sensitive.
func Sensitive(f Field) (string, bool) {
	if !secretCarrier(f.Var.Type(), 0) {
		return "", false
	}
	if p, ok := SensitiveName(f.Name()); ok {
		return p, true
	}
	if f.Key != "" && f.Key != f.Name() {
		return SensitiveName(f.Key)
	}
	return "", false
}

func secretCarrier(t types.Type, depth int) bool {
	if depth > 3 {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Pointer:
		return secretCarrier(u.Elem(), depth+1)
	case *types.Slice:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			return true
		}
		return secretCarrier(u.Elem(), depth+1)
	case *types.Array:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			return true
		}
	case *types.Struct:
		// sql.NullString, null.String, pgtype.Text and the like: a struct
		// wrapping one string field.
		for i := 0; i < u.NumFields(); i++ {
			if b, ok := u.Field(i).Type().Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
				return u.NumFields() <= 3
			}
		}
	}
	return false
}

// privilegedPhrases name fields a client must not set on its own: who
// owns a record, what the caller may do, money, and audit data.
var privilegedPhrases = []struct {
	phrase string
	weak   bool // audit data: low impact when a client sets it
}{
	{phrase: "role"}, {phrase: "roles"}, {phrase: "admin"}, {phrase: "superuser"}, {phrase: "staff"},
	{phrase: "permission"}, {phrase: "permissions"}, {phrase: "privilege"}, {phrase: "privileges"},
	{phrase: "verified"}, {phrase: "approved"},
	{phrase: "balance"}, {phrase: "credit"}, {phrase: "credits"}, {phrase: "price"}, {phrase: "discount"},
	{phrase: "owner id"}, {phrase: "user id"}, {phrase: "tenant id"}, {phrase: "org id"},
	{phrase: "organization id"}, {phrase: "organisation id"}, {phrase: "account id"},
	{phrase: "created by"}, {phrase: "created", weak: true}, {phrase: "updated", weak: true}, {phrase: "deleted", weak: true},
}

// PrivilegedName reports whether a field name names a property a client
// must not set itself (role, admin, permissions, verified, balance,
// credits, price, owner/user/tenant/org id and every OwnerName, ...), the
// phrase that matched,
// and whether it is only audit data (created/updated/deleted timestamps),
// which callers may treat as low impact.
func PrivilegedName(name string) (phrase string, weak, ok bool) {
	ws := words.Split(name)
	for i, p := range privilegedPhrases {
		if containsWords(ws, privilegedSplit[i]) {
			return p.phrase, p.weak, true
		}
	}
	// Whatever ties a record to its owner (AuthorID, CustomerID, ...).
	if p, ok := OwnerName(name); ok {
		return p, false, true
	}
	return "", false, false
}

// ownerPhrases, at the end of a field name, relate a record to the
// principal or tenant that owns it.
var ownerPhrases = []string{
	"user id", "owner id", "tenant id", "account id", "org id", "organization id", "organisation id",
	"customer id", "author id", "creator id", "created by", "created by id", "member id", "userid", "ownerid",
}

// OwnerName reports whether a field name relates a record to its owner
// (UserID, OwnerID, TenantID, AccountID, OrgID, CustomerID, AuthorID,
// CreatedBy, ...), and the phrase that matched.
func OwnerName(name string) (string, bool) {
	ws := words.Split(name)
	for i, p := range ownerSplit {
		if hasSuffixWords(ws, p) {
			return ownerPhrases[i], true
		}
	}
	return "", false
}

// PrimaryKey reports whether f is the primary key of its own struct
// type t: tagged gorm primaryKey/primary_key, db/bun/pg "pk", or named ID
// or <TypeName>ID (User.UserID) when no other field is the key. A primary key named UserID identifies
// the record itself, not an owner.
func PrimaryKey(t types.Type, f Field) bool {
	if taggedPrimary(f) {
		return true
	}
	for _, k := range []string{"bun", "pg"} {
		if strings.Contains(","+f.Tag.Get(k)+",", ",pk,") {
			return true
		}
	}
	name := strings.ToLower(f.Name())
	if name == "id" {
		return true
	}
	if n := namedStruct(t); n != nil && len(f.Via) == 0 && name == strings.ToLower(n.Obj().Name())+"id" {
		// User.UserID is the key only when nothing else is.
		for _, g := range Fields(t) {
			if g.Var != f.Var && (strings.EqualFold(g.Name(), "id") || taggedPrimary(g)) {
				return false
			}
		}
		return true
	}
	return false
}

func taggedPrimary(f Field) bool {
	g := strings.ToLower(f.Tag.Get("gorm"))
	return strings.Contains(g, "primarykey") || strings.Contains(g, "primary_key")
}

// OwnerFields returns the fields of the struct type t (through a
// pointer, flattened through embedded structs) that relate a record to
// the user, owner, tenant, account or organization it belongs to, by
// name: UserID, OwnerID, TenantID, AccountID, OrgID, CustomerID,
// AuthorID, CreatedBy and the like, of an integer, string or ID-like
// type. Use Field.Column for the column name to look for in queries.
// The record's own primary key (User.UserID) is left out. This is
// what an ownership check compares with the caller's identity.
func OwnerFields(t types.Type) []Field {
	var out []Field
	for _, f := range Fields(t) {
		if _, ok := OwnerName(f.Name()); !ok {
			continue
		}
		if !idLike(f.Var.Type()) || PrimaryKey(t, f) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// idLike: an integer, a string, a pointer to either, or a small named
// struct or array (uuid.UUID, primitive.ObjectID, sql.NullInt64).
func idLike(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&(types.IsInteger|types.IsString) != 0
	case *types.Pointer:
		return idLike(u.Elem())
	case *types.Array:
		return true
	case *types.Struct:
		return u.NumFields() <= 3
	}
	return false
}
