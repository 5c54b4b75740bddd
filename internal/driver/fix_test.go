package driver

import "testing"

func TestFixNormalize(t *testing.T) {
	cases := []struct {
		name  string
		edits []Edit
		ok    bool
		first int // Start of the first edit after sorting
	}{
		{"sorted in file order", []Edit{{Filename: "a.go", Start: 151, End: 184}, {Filename: "a.go", Start: 31, End: 31}}, true, 31},
		{"adjacent insertions", []Edit{{Filename: "a.go", Start: 5, End: 5}, {Filename: "a.go", Start: 5, End: 5}}, true, 5},
		{"overlap", []Edit{{Filename: "a.go", Start: 0, End: 10}, {Filename: "a.go", Start: 5, End: 12}}, false, 0},
		{"backwards", []Edit{{Filename: "a.go", Start: 9, End: 3}}, false, 9},
		{"same offsets, other files", []Edit{{Filename: "b.go", Start: 0, End: 10}, {Filename: "a.go", Start: 5, End: 12}}, true, 5},
	}
	for _, c := range cases {
		fix := Fix{Edits: c.edits}
		if ok := fix.normalize(); ok != c.ok || fix.Edits[0].Start != c.first {
			t.Errorf("%s: normalize = %v, first edit at %d; want %v, %d", c.name, ok, fix.Edits[0].Start, c.ok, c.first)
		}
	}
}
