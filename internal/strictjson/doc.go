// Package strictjson decodes JSON the way every loader of the library
// must: unknown fields are errors, and so is anything after the value.
package strictjson
