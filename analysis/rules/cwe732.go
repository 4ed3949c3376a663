package rules

import (
	"fmt"
	"strings"
)

// CWE-732, incorrect permissions on a critical resource.
//
// Scenarios 732-0/1 are judged by CodeQL's
// cpp/world-writable-file-creation: a file is created with a mode that
// lets anyone write it. fopen with "w" or "a" creates files with mode
// 0666, and only a umask set before in the function takes the
// world-write bit away; open/openat/creat with O_CREAT and a mode with
// S_IWOTH (0002) is world-writable whatever the umask is assumed to be;
// chmod/fchmod to such a mode as well.

func cwe732Rules() []*Rule {
	return []*Rule{
		{
			Name: "cwe732-world-writable-file",
			CWE:  "CWE-732",
			Doc:  "a file is created (or chmod-ed) with a mode that lets every user write it",
			Fix:  "create it with open(path, O_WRONLY|O_CREAT|O_TRUNC, 0600) (or S_IRUSR|S_IWUSR), or call umask(022) before fopen",
			Run:  checkWorldWritable,
		},
	}
}

func checkWorldWritable(pass *Pass) {
	ff := pass.file
	for _, f := range pass.Funcs() {
		for _, c := range f.calls {
			switch c.name {
			case "fopen", "fopen64", "freopen", "_wfopen", "fdopen":
				if c.name == "fdopen" {
					continue
				}
				mode, ok := stringValue(ff.t, unparen(c.arg(1)))
				if !ok || !(strings.HasPrefix(mode, "w") || strings.HasPrefix(mode, "a")) {
					continue
				}
				if umaskBefore(f, c.n) {
					continue
				}
				pass.Report(c.n, fmt.Sprintf("fopen(..., %q) creates the file with mode 0666: without a umask set first, every user can write it", mode),
					"open it with open(path, O_WRONLY|O_CREAT|O_TRUNC, 0600) and fdopen(), or call umask(022) before fopen")
			case "open", "open64", "openat", "creat", "_open":
				flagsIdx, modeIdx := 1, 2
				switch c.name {
				case "openat":
					flagsIdx, modeIdx = 2, 3
				case "creat":
					flagsIdx, modeIdx = -1, 1
				}
				if flagsIdx >= 0 {
					flags, ok := ff.constValue(c.arg(flagsIdx), f)
					if !ok || flags&0o100 == 0 {
						continue // not a creation
					}
				}
				mode, ok := ff.constValue(c.arg(modeIdx), f)
				if !ok || mode&0o002 == 0 {
					continue
				}
				pass.Report(c.n, fmt.Sprintf("%s creates the file with mode %#o, which lets every user write it", c.name, mode), "")
			case "chmod", "fchmod", "fchmodat", "mkdir", "mkfifo":
				modeIdx := 1
				if c.name == "fchmodat" {
					modeIdx = 2
				}
				mode, ok := ff.constValue(c.arg(modeIdx), f)
				if !ok || mode&0o002 == 0 {
					continue
				}
				if c.name == "mkdir" && mode&0o1000 != 0 {
					continue // sticky, like /tmp
				}
				pass.Report(c.n, fmt.Sprintf("%s sets mode %#o, which lets every user write it", c.name, mode), "")
			}
		}
	}
}

// umaskBefore reports whether umask() is called, with a mask that
// removes the world-write bit, before a point of the function.
func umaskBefore(f *function, at *node) bool {
	for _, c := range f.calls {
		if c.name != "umask" || c.n.start >= at.start {
			continue
		}
		if m, ok := f.file.constValue(c.arg(0), f); ok && m&0o002 != 0 {
			return true
		}
	}
	return false
}
