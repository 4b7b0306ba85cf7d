// Package jsondoc says, in a reader's words, what a file that should hold
// one of linkcheck's JSON documents (a state file, a saved run) holds
// instead, and where and why it could not be read. encoding/json's own
// errors name Go types ("cannot unmarshal array into Go value of type
// struct { Schema *string … }"), which tell a user nothing about the file.
package jsondoc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// Sniff tells what data is when it is not a JSON object: "nothing (the file
// is empty)", "YAML, perhaps a catalog", "text that is not JSON", "a JSON
// array" and so on; "" for a JSON object. When data is not JSON at all,
// err says where it stops being JSON (see Problem).
func Sniff(data []byte) (what string, err error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return "nothing (the file is empty)", nil
	}
	// Valid only scans: a state of 50,000 targets is not decoded twice.
	if !json.Valid(data) {
		var v any
		err := json.Unmarshal(data, &v)
		if looksLikeYAML(trimmed) {
			return "YAML, perhaps a catalog", Problem(data, err)
		}
		return "text that is not JSON", Problem(data, err)
	}
	switch trimmed[0] {
	case '{':
		return "", nil
	case '[':
		return "a JSON array", nil
	case '"':
		return "a JSON string", nil
	case 't', 'f':
		return "a JSON boolean", nil
	case 'n':
		return "JSON null", nil
	}
	return "a JSON number", nil
}

// looksLikeYAML spots a YAML mapping such as a catalog: a first line of
// the form "key: value" or "key:", which JSON never starts with.
func looksLikeYAML(trimmed []byte) bool {
	first, _, _ := bytes.Cut(trimmed, []byte("\n"))
	first = bytes.TrimSpace(first)
	if bytes.HasPrefix(first, []byte("#")) || bytes.Equal(first, []byte("---")) {
		return true
	}
	key, _, ok := bytes.Cut(first, []byte(":"))
	return ok && len(key) > 0 && !bytes.ContainsAny(key, `{}[]"' `)
}

// Problem rewrites an error of json.Unmarshal(data, …) with the line and
// column it is at, and a type error in JSON's words: "line 12, column 20:
// targets.runs: want a whole number, got a string". Other errors are
// returned as they are.
func Problem(data []byte, err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Errorf("%s: %s", position(data, syntax.Offset), syntax.Error())
	case errors.As(err, &typ):
		where := position(data, typ.Offset)
		if typ.Field != "" {
			where += ": " + typ.Field
		}
		return fmt.Errorf("%s: want %s, got %s", where, wantOf(typ.Type), gotOf(typ.Value))
	}
	return err
}

// position is "line L, column C", both counted from 1, of the last byte
// encoding/json read: its offsets count the bytes read up to and
// including the one in error (for a type error, the value's last byte).
func position(data []byte, offset int64) string {
	off := int(min(max(offset-1, 0), int64(len(data))))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return fmt.Sprintf("line %d, column %d", line, col)
}

// wantOf names the JSON value a Go type is decoded from.
func wantOf(t reflect.Type) string {
	if t == nil {
		return "another value"
	}
	switch t.Kind() {
	case reflect.Pointer:
		return wantOf(t.Elem())
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.Map, reflect.Struct:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "an array"
	}
	return "another value"
}

// gotOf names the JSON value encoding/json describes as value: "string",
// "number 1.5", "array", "object", "bool".
func gotOf(value string) string {
	switch {
	case value == "array", value == "object":
		return "an " + value
	case value == "bool":
		return "true or false"
	case strings.HasPrefix(value, "number "):
		return "the number " + strings.TrimPrefix(value, "number ")
	}
	return "a " + value
}
