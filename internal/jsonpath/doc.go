// Package jsonpath names a value of a JSON document by its path
// (JSON 路径, "parts[1].fixed.amount") and finds the line it is on, for
// loaders whose decoder names neither: encoding/json gives no field when
// a value's own UnmarshalJSON fails (a malformed amount, 金额格式错误) and
// no list index when a number does not fit its field, and the fields a
// validator names after decoding carry no line.
//
// Bad finds the first value that does not decode, Line finds where a
// path's value begins. Both read the document with encoding/json's
// tokenizer and keep no state between calls.
package jsonpath
