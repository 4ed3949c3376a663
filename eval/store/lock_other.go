//go:build !unix

package store

import "os"

// tryLock cannot lock without flock: runs are not kept apart here.
func tryLock(*os.File) (bool, error) { return false, nil }
