//go:build unix

package outfile

import (
	"io/fs"
	"os"
	"syscall"
)

// links returns the number of hard links of the file st describes.
func links(st fs.FileInfo) uint64 {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return uint64(s.Nlink)
	}
	return 1
}

// keepOwner gives tmp the owner and group of the file st describes, as
// far as the process may (a user who is not root keeps only the group,
// if a member of it); failing that, tmp keeps the process's.
func keepOwner(tmp *os.File, st fs.FileInfo) {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		if tmp.Chown(int(s.Uid), int(s.Gid)) != nil {
			_ = tmp.Chown(-1, int(s.Gid))
		}
	}
}
