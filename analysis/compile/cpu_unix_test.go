//go:build unix

package compile

import (
	"syscall"
	"time"
)

// childCPU is the CPU time (user and system) used so far by the
// compilers this process started and waited for. On a machine shared
// with other work it measures the compile check better than wall time.
func childCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
