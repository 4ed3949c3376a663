//go:build !unix

package source

import (
	"io/fs"
	"os"
)

// fileID is a file's identity; without inode numbers there is none, and
// a file reached twice is read twice.
type fileID struct{}

func idOf(fs.FileInfo) (fileID, bool) { return fileID{}, false }

func openNoBlock(path string) (*os.File, error) { return os.Open(path) }

func isLoop(error) bool { return false }
