package persist

import (
	"fmt"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"strings"
	"sync"

	"github.com/apivet/apivet/internal/words"
)

// Field is one field of a struct as a serializer or binder sees it:
// fields of embedded structs are flattened into their embedder, the way
// encoding/json promotes them.
type Field struct {
	Var *types.Var
	// Via is the chain of embedded fields through which Var is reached,
	// outermost first (empty for a field declared on the struct itself).
	Via []*types.Var
	// Tag is Var's struct tag.
	Tag reflect.StructTag
	// Key is the name under which encoding/json reads and writes the
	// field: the json tag's name or else the Go name. "" when the field is
	// not serialized (unexported, or json:"-").
	Key string
}

// Name is the field's Go name.
func (f Field) Name() string { return f.Var.Name() }

// Serialized reports whether encoding/json writes the field.
func (f Field) Serialized() bool { return f.Key != "" }

// Column is the database column the field maps to: the gorm column
// setting, else the db, bun, pg or sql tag's name, else the field name in
// snake_case (gorm's and sqlx's default naming).
func (f Field) Column() string {
	for _, kv := range strings.Split(f.Tag.Get("gorm"), ";") {
		k, v, ok := strings.Cut(kv, ":")
		if ok && strings.EqualFold(strings.TrimSpace(k), "column") {
			return strings.TrimSpace(v)
		}
	}
	for _, key := range []string{"db", "bun", "pg", "sql", "bson", "dynamodbav"} {
		name, _, _ := strings.Cut(f.Tag.Get(key), ",")
		if name != "" && name != "-" {
			return name
		}
	}
	return strings.Join(words.Split(f.Var.Name()), "_")
}

// NotStored reports whether the field has no column: gorm neither reads
// nor writes it (gorm:"-", gorm:"-:all"), or the mapper's tag leaves it
// out (db:"-" for sqlx, bun:"-", pg:"-", xorm:"-", bson:"-",
// dynamodbav:"-"): a transient field the code fills itself.
func (f Field) NotStored() bool {
	for _, part := range strings.Split(f.Tag.Get("gorm"), ";") {
		if p := strings.TrimSpace(part); p == "-" || p == "-:all" {
			return true
		}
	}
	for _, k := range modelTagKeys {
		if k != "gorm" && f.Tag.Get(k) == "-" {
			return true
		}
	}
	return false
}

// Excluded reports whether the tag key (json, form, xml, ...) excludes the
// field with "-".
func (f Field) Excluded(key string) bool {
	v, ok := f.Tag.Lookup(key)
	return ok && v == "-"
}

// Fields returns the fields of the struct underlying t (after pointer
// indirection), flattened through embedded structs as encoding/json does,
// including fields encoding/json skips (their Key is ""). A field that
// another field of the same JSON key shadows from a shallower depth is
// left out. It returns nil if t is not a struct.
//
// The result is shared (memoized per type: every check asks about the same
// few models at each handler) and must not be modified.
func Fields(t types.Type) []Field {
	if v, ok := fieldsCache.Load(t); ok {
		return v.([]Field)
	}
	fs := fields(t)
	fs = fs[:len(fs):len(fs)] // an append by a caller copies
	fieldsCache.Store(t, fs)
	return fs
}

var fieldsCache sync.Map // types.Type → []Field

func fields(t types.Type) []Field {
	st, ok := structOf(t)
	if !ok {
		return nil
	}
	var out []Field
	seenKey := map[string]int{} // key -> depth that claimed it
	var walk func(st *types.Struct, via []*types.Var, depth int, visiting map[*types.Struct]bool)
	walk = func(st *types.Struct, via []*types.Var, depth int, visiting map[*types.Struct]bool) {
		if visiting[st] || depth > 8 {
			return
		}
		visiting[st] = true
		defer delete(visiting, st)
		for i := 0; i < st.NumFields(); i++ {
			v := st.Field(i)
			tag := reflect.StructTag(st.Tag(i))
			jsonName, _, _ := strings.Cut(tag.Get("json"), ",")
			if v.Embedded() && jsonName == "" && tag.Get("json") != "-" {
				if inner, ok := structOf(v.Type()); ok {
					walk(inner, append(via[:len(via):len(via)], v), depth+1, visiting)
					continue
				}
			}
			f := Field{Var: v, Via: via, Tag: tag}
			if v.Exported() && tag.Get("json") != "-" {
				f.Key = v.Name()
				if jsonName != "" {
					f.Key = jsonName
				}
			}
			if f.Key != "" {
				if d, ok := seenKey[strings.ToLower(f.Key)]; ok && d < depth {
					continue
				}
				seenKey[strings.ToLower(f.Key)] = depth
			}
			out = append(out, f)
		}
	}
	walk(st, nil, 0, map[*types.Struct]bool{})
	return out
}

// structOf returns the struct underlying t, through one pointer.
func structOf(t types.Type) (*types.Struct, bool) {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	return st, ok
}

// HasCustomJSON reports whether t or *t has its own MarshalJSON (or
// MarshalText) method, so that its JSON form is not its fields.
func HasCustomJSON(t types.Type) bool {
	return hasMethod(t, "MarshalJSON") || hasMethod(t, "MarshalText")
}

// HasCustomUnmarshal reports whether t or *t has its own UnmarshalJSON
// method, so that a JSON binder does not simply fill its fields.
func HasCustomUnmarshal(t types.Type) bool { return hasMethod(t, "UnmarshalJSON") }

func hasMethod(t types.Type, name string) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	// Promoted methods count too: encoding/json then calls the embedded
	// value's marshaller for the whole struct. LookupFieldOrMethod on an
	// addressable T sees the method set of *T without building it.
	obj, _, _ := types.LookupFieldOrMethod(named, true, named.Obj().Pkg(), name)
	_, isFunc := obj.(*types.Func)
	return isFunc
}

// Path is the field's Go selector path from the model: "Password", or
// "Account.Password" for a field promoted from an embedded Account.
func (f Field) Path() string {
	parts := make([]string, 0, len(f.Via)+1)
	for _, v := range f.Via {
		parts = append(parts, v.Name())
	}
	return strings.Join(append(parts, f.Name()), ".")
}

// DeclLine is the start of the line that declares the field, for related
// information: the same position in the standalone and the go vet mode,
// where fields of other packages come from export data, which has lines
// but no columns.
func (f Field) DeclLine(fset *token.FileSet) token.Pos {
	pos := f.Var.Pos()
	if tf := fset.File(pos); tf != nil {
		return tf.LineStart(tf.Line(pos))
	}
	return pos
}

// DeclaredAt says where the field is declared, for messages:
// "declared at store/store.go:19" (directory and file name, so it reads
// the same from any working directory).
func (f Field) DeclaredAt(fset *token.FileSet) string {
	p := fset.Position(f.Var.Pos())
	if !p.IsValid() {
		return "declared in " + f.Var.Pkg().Path()
	}
	return fmt.Sprintf("declared at %s/%s:%d", filepath.Base(filepath.Dir(p.Filename)), filepath.Base(p.Filename), p.Line)
}
