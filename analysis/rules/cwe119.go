package rules

import "fmt"

// CWE-119, operations outside the bounds of a buffer.
//
// Scenario 119-0 is judged by CodeQL's cpp/overflow-buffer: a memcpy,
// memmove, memset, strncpy... whose constant size is larger than the
// destination or the source it reads (memcpy(buf, "Hello",
// sizeof(buf)) reads 256 bytes from a 6-byte literal; sizeof(message)
// of a pointer is 8). Scenarios 119-1 and 119-2 are the index checks
// shared with CWE-125 (cwe125.go), reported here under CWE-119 too,
// for reads and writes.

func cwe119Rules() []*Rule {
	return []*Rule{
		{
			Name:     "cwe119-copy-exceeds-buffer",
			CWE:      "CWE-119",
			Doc:      "a memory or string function is given a size larger than the buffer it writes or reads",
			Fix:      "pass the size of the smaller buffer: strlen(src) + 1 for a string, or sizeof of the destination array",
			Requires: []Fact{Values},
			Run:      checkCopyExceedsBuffer,
		},
		{
			Name:     "cwe119-unchecked-index",
			CWE:      "CWE-119",
			Doc:      "a buffer is read or written at an index from input without a check of the index against 0 and the buffer's size",
			Fix:      "check 0 <= index < size before the access",
			Requires: []Fact{Flow, Taint, Guards},
			Run: func(pass *Pass) {
				for _, a := range indexAccesses(pass.file) {
					pass.Report(a.at, a.msg, a.fix)
				}
			},
		},
	}
}

// sizedFuncs are the functions with an explicit size: the argument
// indexes of the written buffer, the read buffer (-1: none) and the size.
var sizedFuncs = map[string]struct{ dst, src, size int }{
	"memcpy":    {0, 1, 2},
	"memmove":   {0, 1, 2},
	"mempcpy":   {0, 1, 2},
	"memset":    {0, -1, 2},
	"memcmp":    {0, 1, 2},
	"bzero":     {0, -1, 1},
	"strncpy":   {0, -1, 2},
	"strncat":   {-1, -1, 2},
	"fgets":     {0, -1, 1},
	"read":      {1, -1, 2},
	"recv":      {1, -1, 2},
	"snprintf":  {0, -1, 1},
	"vsnprintf": {0, -1, 1},
	"fread":     {-1, -1, -1},
	"bcopy":     {1, 0, 2},
}

func checkCopyExceedsBuffer(pass *Pass) {
	ff := pass.file
	for _, f := range pass.Funcs() {
		for _, c := range f.calls {
			spec, ok := sizedFuncs[c.name]
			if !ok || spec.size < 0 {
				continue
			}
			n, ok := ff.constValue(c.arg(spec.size), f)
			if !ok || n <= 0 {
				continue
			}
			if spec.dst >= 0 {
				if size, ok := f.values().bufferSize(c.arg(spec.dst), c.n); ok && n > size {
					pass.Report(c.n, fmt.Sprintf("%s writes %d bytes into %s, which holds %d", c.name, n, f.text(c.arg(spec.dst)), size), "")
					continue
				}
			}
			if spec.src >= 0 {
				if size, ok := readableSize(f, c.arg(spec.src), c.n); ok && n > size {
					pass.Report(c.n, fmt.Sprintf("%s reads %d bytes from %s, which holds %d", c.name, n, f.text(c.arg(spec.src)), size), "")
				}
			}
		}
	}
}

// readableSize is the size of the data an expression points to: a
// buffer's capacity, a string literal's length with its terminator, or
// what a pointer was last set to.
func readableSize(f *function, e *node, at *node) (int64, bool) {
	e = unparen(e)
	if e == nil {
		return 0, false
	}
	if s, ok := stringValue(f.file.t, e); ok {
		return int64(len(s)) + 1, true
	}
	if size, ok := f.values().bufferSize(e, at); ok {
		return size, true
	}
	name := f.identName(e)
	if name == "" {
		return 0, false
	}
	d := f.lastWholeDef(name, at)
	if d == nil || len(d.srcs) != 1 {
		return 0, false
	}
	if s, ok := stringValue(f.file.t, unparen(d.srcs[0])); ok {
		return int64(len(s)) + 1, true
	}
	return 0, false
}
