package vettool

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"go/types"
	"log"
	"os"
	"reflect"
	"sort"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"
)

// vetxMagic starts every vetx file we write. Our vetx files hold facts
// only (never types: those come from the compiler's export data), so a
// file written by another tool, or by an older apivet, is refused
// rather than misread. go vet keys its cache by our -V=full output, so
// a stale file should never reach us anyway.
const vetxMagic = "apivet facts v1\n"

// factKey identifies a fact, as in x/tools/internal/facts: a package
// fact has a nil obj.
type factKey struct {
	pkg *types.Package
	obj types.Object
	t   reflect.Type
}

// gobFact is one fact as stored in a vetx file: the object is named by
// its package path and its objectpath within that package.
type gobFact struct {
	PkgPath string
	PkgName string          // to stand in for a package this unit cannot see
	Object  objectpath.Path // "" for a package fact
	Fact    analysis.Fact
}

// factSet holds the facts visible to one unit: those decoded from the
// direct dependencies' vetx files plus those the unit's analyzers export.
type factSet struct {
	pkg *types.Package
	mu  sync.Mutex
	m   map[factKey]analysis.Fact
}

// registerFactTypes registers every fact type with gob under its full
// type name (package path included, so two fact types with the same
// short name in different packages cannot collide). All analyzers'
// facts are registered, enabled or not, so decoding never depends on
// flags.
func registerFactTypes(analyzers map[*analysis.Analyzer]bool) {
	for a := range analyzers {
		for _, f := range a.FactTypes {
			t := reflect.TypeOf(f)
			name := t.String()
			if t.Kind() == reflect.Pointer && t.Elem().PkgPath() != "" {
				name = "*" + t.Elem().PkgPath() + "." + t.Elem().Name()
			}
			gob.RegisterName(name, f)
		}
	}
}

// readFacts decodes the facts in the vetx files of pkg's direct
// dependencies (cfg.PackageVetx). packages maps package path to every
// package this unit's type-checker knows (direct and indirect imports);
// a fact about a package it does not know is kept only if it is a
// package fact (see encode), and a fact about an object it cannot find
// (export data holds only what a package's API reaches) is dropped, as
// unitchecker does.
func readFacts(pkg *types.Package, packageVetx map[string]string, packages map[string]*types.Package) (*factSet, error) {
	s := &factSet{pkg: pkg, m: map[factKey]analysis.Fact{}}
	stubs := map[string]*types.Package{}
	paths := make([]string, 0, len(packageVetx))
	for path := range packageVetx {
		paths = append(paths, path)
	}
	sort.Strings(paths) // deterministic, whatever the map order
	for _, path := range paths {
		data, err := os.ReadFile(packageVetx[path])
		if err != nil {
			return nil, fmt.Errorf("reading facts of %s: %v", path, err)
		}
		if len(data) == 0 {
			continue // e.g. a package for which the tool did not run
		}
		if !bytes.HasPrefix(data, []byte(vetxMagic)) {
			return nil, fmt.Errorf("facts of %s: %s was not written by this version of apivet (run go clean -cache)", path, packageVetx[path])
		}
		var facts []gobFact
		if err := gob.NewDecoder(bytes.NewReader(data[len(vetxMagic):])).Decode(&facts); err != nil {
			return nil, fmt.Errorf("decoding facts of %s: %v", path, err)
		}
		for _, f := range facts {
			fp := packages[f.PkgPath]
			if fp == nil {
				if f.Object != "" {
					continue // an object this unit cannot reach
				}
				// A package fact about an indirect dependency whose
				// types this unit never sees: keep it under a stub
				// package so AllPackageFacts (and our vetx) carry it.
				if fp = stubs[f.PkgPath]; fp == nil {
					fp = types.NewPackage(f.PkgPath, f.PkgName)
					stubs[f.PkgPath] = fp
				}
			}
			key := factKey{pkg: fp, t: reflect.TypeOf(f.Fact)}
			if f.Object != "" {
				obj, err := objectpath.Object(fp, f.Object)
				if err != nil {
					continue // not in this unit's view of fp
				}
				key.obj = obj
			}
			s.m[key] = f.Fact
		}
	}
	return s, nil
}

func (s *factSet) importObjectFact(obj types.Object, ptr analysis.Fact) bool {
	if obj == nil {
		panic("ImportObjectFact: nil object")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := s.m[factKey{obj.Pkg(), obj, reflect.TypeOf(ptr)}]; ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
		return true
	}
	return false
}

func (s *factSet) exportObjectFact(a *analysis.Analyzer, obj types.Object, fact analysis.Fact) {
	if obj.Pkg() != s.pkg {
		// The analysis contract; go/analysis/checker panics likewise.
		log.Panicf("%s: in package %s: ExportObjectFact(%s, %T): can't set a fact on an object of another package", a.Name, s.pkg.Path(), obj, fact)
	}
	s.mu.Lock()
	s.m[factKey{obj.Pkg(), obj, reflect.TypeOf(fact)}] = fact
	s.mu.Unlock()
}

func (s *factSet) importPackageFact(pkg *types.Package, ptr analysis.Fact) bool {
	if pkg == nil {
		panic("ImportPackageFact: nil package")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := s.m[factKey{pkg, nil, reflect.TypeOf(ptr)}]; ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
		return true
	}
	return false
}

func (s *factSet) exportPackageFact(fact analysis.Fact) {
	s.mu.Lock()
	s.m[factKey{s.pkg, nil, reflect.TypeOf(fact)}] = fact
	s.mu.Unlock()
}

// all returns the facts of the types in filter, sorted (analyzers may
// iterate them; their order should not depend on map order).
func (s *factSet) all(filter map[reflect.Type]bool, objects bool) (objs []analysis.ObjectFact, pkgs []analysis.PackageFact) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, v := range s.m {
		if !filter[k.t] {
			continue
		}
		if k.obj != nil && objects {
			objs = append(objs, analysis.ObjectFact{Object: k.obj, Fact: v})
		} else if k.obj == nil && !objects {
			pkgs = append(pkgs, analysis.PackageFact{Package: k.pkg, Fact: v})
		}
	}
	sort.Slice(objs, func(i, j int) bool {
		x, y := objs[i], objs[j]
		if x.Object.Pkg().Path() != y.Object.Pkg().Path() {
			return x.Object.Pkg().Path() < y.Object.Pkg().Path()
		}
		if x.Object.Pos() != y.Object.Pos() {
			return x.Object.Pos() < y.Object.Pos()
		}
		return x.Object.Name() < y.Object.Name()
	})
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].Package.Path() < pkgs[j].Package.Path() })
	return objs, pkgs
}

// encode returns the vetx file contents: the unit's own facts, and the
// imported facts its dependents may still need. Which imported facts are
// carried forward follows x/tools/internal/facts (unitchecker): facts
// about objects that are not package-level non-type objects, if the
// object is still reachable (has an objectpath); a dependent that can
// name a package-level function or variable must import its package
// directly and so reads that package's own vetx. Unlike unitchecker we
// also carry forward every imported package fact, so AllPackageFacts
// sees the whole dependency graph, as in the standalone (go/packages)
// mode; package facts are few and small.
func (s *factSet) encode() ([]byte, error) {
	var enc objectpath.Encoder
	var facts []gobFact
	s.mu.Lock()
	for k, fact := range s.m {
		if k.pkg != s.pkg && k.obj != nil {
			if _, isType := k.obj.(*types.TypeName); !isType && k.obj.Parent() == k.obj.Pkg().Scope() {
				continue // imported fact about a package-level func/var/const
			}
		}
		var path objectpath.Path
		if k.obj != nil {
			p, err := enc.For(k.obj)
			if err != nil {
				continue // not reachable from the package's API
			}
			path = p
		}
		facts = append(facts, gobFact{PkgPath: k.pkg.Path(), PkgName: k.pkg.Name(), Object: path, Fact: fact})
	}
	s.mu.Unlock()
	sort.Slice(facts, func(i, j int) bool {
		x, y := facts[i], facts[j]
		if x.PkgPath != y.PkgPath {
			return x.PkgPath < y.PkgPath
		}
		if x.Object != y.Object {
			return x.Object < y.Object
		}
		return reflect.TypeOf(x.Fact).String() < reflect.TypeOf(y.Fact).String()
	})
	var buf bytes.Buffer
	buf.WriteString(vetxMagic)
	if err := gob.NewEncoder(&buf).Encode(facts); err != nil {
		// Name the culprit: one fact type that gob cannot encode.
		for _, f := range facts {
			if err := gob.NewEncoder(&bytes.Buffer{}).Encode(f); err != nil {
				return nil, fmt.Errorf("encoding fact %T about %s: %v", f.Fact, f.PkgPath, err)
			}
		}
		return nil, fmt.Errorf("encoding facts: %v", err)
	}
	return buf.Bytes(), nil
}
