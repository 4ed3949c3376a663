//go:build unix

package run

import (
	"os/exec"
	"syscall"
)

// setProcessGroup puts the program in a group of its own and makes a
// cancelled context kill the whole group: gcc and clang start cc1 and as,
// which would otherwise outlive a timeout.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		if cmd.Process == nil {
			return nil
		}
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
