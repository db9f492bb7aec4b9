// Package xlsxin reads a worksheet of an Excel workbook (.xlsx) as the
// CSV text of its rows, so that a levels or retirees file kept in Excel
// or WPS goes through the library's one CSV reader (internal/input) with
// the same header, the same column checks (required, unknown, repeated
// columns), the same bounds and the same record errors as the CSV file,
// every error naming the sheet and the cell (`B17`) besides the file and
// the field:
//
//	s, err := xlsxin.Open("levels.xlsx", xlsxin.Options{Dates: []string{"effective_from"}})
//	defer s.Close()
//	levels, err := floor.ReadCSV(s, "levels.xlsx", opts)
//	err = s.Locate(err) // levels.xlsx: Sheet1!D17: amount: benefit: invalid amount "12x": …
//
// A workbook is a zip archive: Limits bound its parts by the sizes the
// archive declares before anything is unpacked (a zip bomb is refused
// without being inflated), worksheets larger than Limits.Part are read
// as a stream from a temporary file, and the rows of a sheet are bounded
// by the format (1,048,576). The reading is github.com/xuri/excelize/v2's.
// The package imports internal/input and nothing else of the library's.
package xlsxin
