//go:build !unix

package run

import "os/exec"

// setProcessGroup does nothing where there are no process groups; the
// context still kills the program itself.
func setProcessGroup(*exec.Cmd) {}
