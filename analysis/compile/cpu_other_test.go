//go:build !unix

package compile

import "time"

// childCPU is not measured here.
func childCPU() time.Duration { return 0 }
