// Package csvin reads the library's CSV inputs the same way everywhere:
// UTF-8 with or without a byte-order mark, LF or CRLF line ends, a header
// naming known columns only, and an error that names file, line and
// field for every bad record. A file that is not UTF-8 (GBK, as Excel
// in China often saves) is rejected with an error that says so.
package csvin
