package embedtrain

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
	"sync"
	"time"

	"securecomplete/completion/embedded"
)

// The header table tells the embedded model which names each standard
// header provides (see embedded.ScanHeader): the compiler preprocesses
// each header of the lists below, alone, and the names of its output
// (with those of the headers it includes) are the header's.

// CHeaders returns the C standard and POSIX headers indexed with the C
// compiler.
func CHeaders() []string {
	return []string{
		"assert.h", "complex.h", "ctype.h", "errno.h", "fenv.h", "float.h", "inttypes.h", "iso646.h",
		"limits.h", "locale.h", "math.h", "setjmp.h", "signal.h", "stdalign.h", "stdarg.h", "stdatomic.h",
		"stdbool.h", "stddef.h", "stdint.h", "stdio.h", "stdlib.h", "stdnoreturn.h", "string.h", "tgmath.h",
		"threads.h", "time.h", "uchar.h", "wchar.h", "wctype.h",
		"aio.h", "arpa/inet.h", "dirent.h", "dlfcn.h", "err.h", "fcntl.h", "fnmatch.h", "ftw.h", "getopt.h",
		"glob.h", "grp.h", "iconv.h", "langinfo.h", "libgen.h", "malloc.h", "net/if.h", "netdb.h",
		"netinet/in.h", "netinet/tcp.h", "poll.h", "pthread.h", "pwd.h", "regex.h", "sched.h", "search.h",
		"semaphore.h", "spawn.h", "strings.h", "sys/file.h", "sys/ioctl.h", "sys/mman.h", "sys/param.h",
		"sys/resource.h", "sys/select.h", "sys/socket.h", "sys/stat.h", "sys/time.h", "sys/times.h",
		"sys/types.h", "sys/uio.h", "sys/un.h", "sys/utsname.h", "sys/wait.h", "syslog.h", "termios.h",
		"unistd.h", "utime.h", "wordexp.h",
	}
}

// CXXHeaders returns the C++ standard library headers indexed with the C++
// compiler.
func CXXHeaders() []string {
	return []string{
		"algorithm", "array", "atomic", "bitset", "cassert", "cctype", "cerrno", "cfloat", "chrono",
		"cinttypes", "climits", "clocale", "cmath", "complex", "condition_variable", "csignal", "cstdarg",
		"cstddef", "cstdint", "cstdio", "cstdlib", "cstring", "ctime", "cwchar", "deque", "exception",
		"filesystem", "fstream", "functional", "iomanip", "ios", "iosfwd", "iostream", "istream", "iterator",
		"limits", "list", "map", "memory", "mutex", "new", "numeric", "optional", "ostream", "queue", "random",
		"regex", "set", "sstream", "stack", "stdexcept", "string", "string_view", "system_error", "thread",
		"tuple", "type_traits", "typeinfo", "unordered_map", "unordered_set", "utility", "variant", "vector",
	}
}

// HeaderOptions say how to index the headers.
type HeaderOptions struct {
	CC, CXX string // compilers; default gcc and g++
	// C and CXX are the headers to index; nil means CHeaders() and
	// CXXHeaders().
	CHeaders, CXXHeaders []string
	// Jobs is the number of compilers run at once; default 2.
	Jobs int
	// Timeout bounds each compiler run; default 30s.
	Timeout time.Duration
}

// IndexHeaders preprocesses each header of CHeaders() (with CC) and
// CXXHeaders() (with CXX) and scans the output. Headers the compiler cannot
// find are left out (the model then knows nothing of them, and samples
// without name discipline for prompts that include them). It fails only
// when no header could be indexed.
func IndexHeaders(ctx context.Context, opt HeaderOptions) (map[string]embedded.HeaderNames, error) {
	if opt.CC == "" {
		opt.CC = "gcc"
	}
	if opt.CXX == "" {
		opt.CXX = "g++"
	}
	if opt.Jobs <= 0 {
		opt.Jobs = 2
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 30 * time.Second
	}
	type job struct {
		header string
		cpp    bool
	}
	cHeaders, cxxHeaders := opt.CHeaders, opt.CXXHeaders
	if cHeaders == nil && cxxHeaders == nil {
		cHeaders, cxxHeaders = CHeaders(), CXXHeaders()
	}
	var jobs []job
	for _, h := range cxxHeaders { // the slow ones first
		jobs = append(jobs, job{h, true})
	}
	for _, h := range cHeaders {
		jobs = append(jobs, job{h, false})
	}
	var (
		mu      sync.Mutex
		out     = map[string]embedded.HeaderNames{}
		lastErr error
		wg      sync.WaitGroup
		next    = make(chan job)
	)
	for range opt.Jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				cc, lang := opt.CC, "c"
				if j.cpp {
					cc, lang = opt.CXX, "c++"
				}
				text, err := preprocess(ctx, cc, lang, j.header, opt.Timeout)
				var names embedded.HeaderNames
				if err == nil {
					names = embedded.ScanHeader(text, j.cpp)
				}
				mu.Lock()
				if err != nil {
					lastErr = err
				} else {
					out[j.header] = names
				}
				mu.Unlock()
			}
		}()
	}
	for _, j := range jobs {
		select {
		case next <- j:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("index headers: none could be preprocessed: %w", lastErr)
	}
	return out, nil
}

// preprocess runs `cc -E -dD -x lang -` on "#include <header>".
func preprocess(ctx context.Context, cc, lang, header string, timeout time.Duration) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, cc, "-E", "-dD", "-x", lang, "-")
	cmd.Stdin = strings.NewReader("#include <" + header + ">\n")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		return nil, fmt.Errorf("%s -E <%s>: %v: %s", cc, header, err, msg)
	}
	return stdout.Bytes(), nil
}
