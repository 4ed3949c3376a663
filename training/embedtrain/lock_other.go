//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package embedtrain

import "os"

// Without flock, concurrent first uses may each train the model; the
// atomic rename of Model.Save still keeps every reader from a partial file.
func tryLock(*os.File) error { return nil }

func unlock(*os.File) {}
