package output

// Formats is for the external tests (package output_test): the names of
// the formats New knows.
var Formats = formats
