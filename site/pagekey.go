package site

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"reflect"
	"sync"
)

// pageKey hashes a page's inputs: the build key and the page's view, every
// field of it (exported or not) in order, strings and slices with their
// lengths, so that two views hash alike only when they are alike. It
// reports false for a view with a kind of value it does not hash (maps,
// functions, channels, floats), which is then never taken from the
// previous site. It hashes the values as they are, without the escaping
// and the buffer of encoding/json, which took 0.14 s of CPU in a rebuild
// of 10,000 postmortems; this takes a third of its time (BenchmarkPageKey).
func pageKey(build [32]byte, view any) ([32]byte, bool) {
	e := keyEncoders.Get().(*keyEncoder)
	defer keyEncoders.Put(e)
	e.h.Reset()
	e.b = append(e.b[:0], build[:]...)
	ok := e.value(reflect.ValueOf(view))
	e.h.Write(e.b)
	var k [32]byte
	e.h.Sum(k[:0])
	return k, ok
}

var keyEncoders = sync.Pool{New: func() any { return &keyEncoder{h: sha256.New(), b: make([]byte, 0, keyChunk)} }}

// keyChunk is how much keyEncoder gathers before it hashes it.
const keyChunk = 32 << 10

type keyEncoder struct {
	h hash.Hash
	b []byte
}

func (e *keyEncoder) value(v reflect.Value) bool {
	if len(e.b) >= keyChunk {
		e.h.Write(e.b)
		e.b = e.b[:0]
	}
	switch v.Kind() {
	case reflect.String:
		e.b = binary.AppendUvarint(e.b, uint64(v.Len()))
		e.b = append(e.b, v.String()...)
	case reflect.Bool:
		if v.Bool() {
			e.b = append(e.b, 1)
		} else {
			e.b = append(e.b, 0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.b = binary.AppendVarint(e.b, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.b = binary.AppendUvarint(e.b, v.Uint())
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			e.b = append(e.b, 0)
			return true
		}
		e.b = append(e.b, 1)
		if v.Kind() == reflect.Interface {
			t := v.Elem().Type().String()
			e.b = binary.AppendUvarint(e.b, uint64(len(t)))
			e.b = append(e.b, t...)
		}
		return e.value(v.Elem())
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			e.b = append(e.b, 0)
			return true
		}
		e.b = binary.AppendUvarint(e.b, uint64(v.Len())+1)
		for i := range v.Len() {
			if !e.value(v.Index(i)) {
				return false
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if !e.value(v.Field(i)) {
				return false
			}
		}
	default:
		return false
	}
	return true
}
