// Package texttable writes aligned text tables whose cells may hold
// Chinese characters: columns are padded by display width (a Han
// character takes two columns), not by bytes or runes.
package texttable
