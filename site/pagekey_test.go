package site

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/postmortem-dev/postmortem/templates/pages"
)

// leaves calls f with every value below v that fill set and that a
// change of could be told apart: strings, numbers, booleans, and slices
// and pointers as a whole (made nil).
func leaves(v reflect.Value, path string, f func(path string, v reflect.Value)) {
	switch v.Kind() {
	case reflect.Pointer:
		f(path, v)
		leaves(v.Elem(), path, f)
	case reflect.Slice:
		f(path, v)
		for i := range v.Len() {
			leaves(v.Index(i), path+"[]", f)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				leaves(v.Field(i), path+"."+v.Type().Field(i).Name, f)
			}
		}
	default:
		f(path, v)
	}
}

// TestPageKey: a change to any field of any view, however deep, changes
// the page's key, and so does the build key.
func TestPageKey(t *testing.T) {
	views := []any{&pages.IndexPage{}, &pages.GroupPage{}, &pages.GroupsPage{}, &pages.ActionsPage{}, &pages.InsightsPage{}, &pages.SearchPage{}, &pages.PostmortemPage{}}
	for _, view := range views {
		n := 0
		v := reflect.ValueOf(view).Elem()
		fill(v, &n)
		base, ok := pageKey([32]byte{}, view)
		if !ok {
			t.Fatalf("%T: no key", view)
		}
		if other, _ := pageKey([32]byte{1}, view); other == base {
			t.Errorf("%T: the build key does not change the key", view)
		}
		leaves(v, v.Type().Name(), func(path string, leaf reflect.Value) {
			old := reflect.New(leaf.Type()).Elem()
			old.Set(leaf)
			switch leaf.Kind() {
			case reflect.String:
				leaf.SetString(leaf.String() + "x")
			case reflect.Bool:
				leaf.SetBool(!leaf.Bool())
			case reflect.Int:
				leaf.SetInt(leaf.Int() + 1)
			case reflect.Slice, reflect.Pointer:
				leaf.SetZero()
			}
			if k, _ := pageKey([32]byte{}, view); k == base {
				t.Errorf("%s: a change does not change the key", path)
			}
			leaf.Set(old)
		})
	}
}

// TestPageKeyBoundaries: values that would run together, and nil and
// empty slices, hash apart.
func TestPageKeyBoundaries(t *testing.T) {
	type two struct{ A, B string }
	type list struct{ L []string }
	pairs := [][2]any{
		{two{"ab", "c"}, two{"a", "bc"}},
		{list{nil}, list{[]string{}}},
		{list{[]string{""}}, list{[]string{}}},
		{list{[]string{"a", ""}}, list{[]string{"a"}}},
	}
	for _, p := range pairs {
		a, _ := pageKey([32]byte{}, p[0])
		b, _ := pageKey([32]byte{}, p[1])
		if a == b {
			t.Errorf("%#v and %#v have the same key", p[0], p[1])
		}
	}
	for _, v := range []any{map[string]int{}, struct{ F func() }{}, 1.5, nil} {
		if _, ok := pageKey([32]byte{}, v); ok {
			t.Errorf("%#v has a key", v)
		}
	}
}

// BenchmarkPageKey hashes a page of 250 action items, as pageKey does and
// as it did before with encoding/json.
func BenchmarkPageKey(b *testing.B) {
	n := 0
	row := pages.ActionRow{}
	fill(reflect.ValueOf(&row).Elem(), &n)
	view := &pages.ActionsPage{Page: pages.Page{Title: "Action items"}}
	for range 250 {
		view.Rows = append(view.Rows, row)
	}
	b.Run("pageKey", func(b *testing.B) {
		for b.Loop() {
			pageKey([32]byte{}, view)
		}
	})
	b.Run("encoding/json", func(b *testing.B) {
		for b.Loop() {
			json.Marshal(view)
		}
	})
}
