//go:build !unix

package outfile

import (
	"io/fs"
	"os"
)

// links returns 1: the platform's hard links are not counted.
func links(fs.FileInfo) uint64 { return 1 }

// keepOwner does nothing: the platform's owners are not copied.
func keepOwner(*os.File, fs.FileInfo) {}
