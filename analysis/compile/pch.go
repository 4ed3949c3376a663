package compile

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"securecomplete/analysis"
	"securecomplete/analysis/external/run"
)

// Precompiled headers. Programs of one scenario start with the same
// #include lines, and for C++ those headers are most of a compile. The
// check precompiles a program's leading block (see leadingBlock) once per
// block, compiler and flags, with the same flags, and compiles the
// program with the block replaced by one #include of it: GCC then loads
// the precompiled header instead of parsing the headers. GCC uses a
// precompiled header only where it would give what the textual include
// gives, and falls back to that header's text when it cannot, so the
// outcome is the plain compile's. Still, the first programs a header
// rejects are compiled again plainly, which then decides and gives the
// diagnostics (GCC 12 has crashed on a precompiled header it called
// valid); once a plain compile has agreed with a rejection by a header,
// later rejections by it stand, unless their diagnostics name the
// header's folder or a compiler crash (then the plain compile decides).
// A header that rejects a program the plain compile accepts is dropped.
//
// The headers live in a folder shared by every process of the user
// (Options.PCHDir), one entry per block: KEY.h (the block),
// KEY.deps (size, modification time and path of every header it pulled
// in, checked before each use so a changed system header means a
// rebuild) and KEY.h.gch, written last. KEY hashes the language, the
// compiler binary, the flags, the environment variables that move
// include paths, and the block. Every file is built in a private temporary
// folder and renamed into place, so concurrent processes never see half
// a file; whatever goes wrong with the folder (a file removed under a
// compile) only costs the plain compile.

const (
	defaultPCHMinCPP = 6       // C++ files sharing a block before a new PCH pays (build ~0.7 s, saves ~0.12 s a file)
	defaultPCHMinC   = 16      // C files (build ~60 ms, saves a few ms a file)
	defaultPCHLimit  = 1 << 30 // bytes the folder may hold
	pchVersion       = "securecomplete-pch-1"
	touchEvery       = time.Minute // refresh an entry's time of use at most this often
	staleTemp        = time.Hour   // temporary build folders older than this are debris
)

// includeEnv are the environment variables that change where GCC finds
// headers; they are part of the key.
var includeEnv = []string{"CPATH", "C_INCLUDE_PATH", "CPLUS_INCLUDE_PATH", "GCC_EXEC_PREFIX", "COMPILER_PATH"}

// pchCache makes and finds the precompiled headers of a Checker.
type pchCache struct {
	dir    string // absolute; "" when PCH is off
	off    string // why PCH is off, for the log
	min    map[analysis.Lang]int
	limit  int64
	flags  []string
	runner run.Runner
	log    *slog.Logger

	mu            sync.Mutex
	compilers     map[string]string      // compiler name -> identity (resolved path, size, time)
	refused       map[string]string      // compiler name -> why it does not take GCC's PCHs
	failed        map[string]string      // key -> why its block cannot be precompiled
	broken        string                 // why the folder cannot be used, once it failed
	confirmedKeys map[string]bool        // keys whose rejection of a program a plain compile confirmed
	locks         map[string]*sync.Mutex // key -> held while the entry is checked or built
}

func newPCHCache(opts Options) *pchCache {
	p := &pchCache{
		min:           map[analysis.Lang]int{analysis.C: defaultPCHMinC, analysis.CPP: defaultPCHMinCPP},
		limit:         opts.PCHCacheSize,
		flags:         opts.Flags,
		runner:        opts.Runner,
		log:           opts.Logger,
		compilers:     map[string]string{},
		refused:       map[string]string{},
		failed:        map[string]string{},
		locks:         map[string]*sync.Mutex{},
		confirmedKeys: map[string]bool{},
	}
	if opts.PCHMin > 0 {
		p.min[analysis.C], p.min[analysis.CPP] = opts.PCHMin, opts.PCHMin
	}
	if p.limit <= 0 {
		p.limit = defaultPCHLimit
	}
	switch {
	case opts.NoPCH:
		p.off = "turned off"
		return p
	case pchFlagsOK(opts.Flags) != nil:
		p.off = pchFlagsOK(opts.Flags).Error()
		p.log.Debug("compile check: precompiled headers off", "reason", p.off)
		return p
	}
	dir := opts.PCHDir
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			p.off = fmt.Sprintf("no folder for them: %v (set Options.PCHDir)", err)
			p.log.Debug("compile check: precompiled headers off", "reason", p.off)
			return p
		}
		dir = filepath.Join(cache, "securecomplete", "pch")
	}
	abs, err := filepath.Abs(dir)
	if err == nil && strings.ContainsAny(abs, "\"\n\r") {
		err = errors.New(`the path holds a quote or a line break, which an #include cannot name`)
	}
	if err != nil {
		p.off = fmt.Sprintf("folder %s: %v", dir, err)
		p.log.Warn("compile check: precompiled headers off", "reason", p.off)
		return p
	}
	p.dir = abs
	return p
}

// pchFlagsOK accepts the flags a precompiled header can be made with and
// used under safely: code generation, warnings, macros, the language
// standard. Anything that names a file or a folder (-I, -include, @file,
// --sysroot) or changes what the driver does is left to the plain compile.
func pchFlagsOK(flags []string) error {
	for i := 0; i < len(flags); i++ {
		f := flags[i]
		switch {
		case f == "-D" || f == "-U":
			i++ // the macro is the next argument
		case f == "-c" || f == "-w" || f == "-ansi" || strings.HasPrefix(f, "-pedantic"),
			strings.HasPrefix(f, "-g"), strings.HasPrefix(f, "-O"),
			strings.HasPrefix(f, "-D"), strings.HasPrefix(f, "-U"),
			strings.HasPrefix(f, "-std="), strings.HasPrefix(f, "-m"),
			strings.HasPrefix(f, "-W") && !strings.HasPrefix(f, "-Wp,") && !strings.HasPrefix(f, "-Wl,") && !strings.HasPrefix(f, "-Wa,"),
			strings.HasPrefix(f, "-f") && !strings.HasPrefix(f, "-fplugin") && !strings.HasPrefix(f, "-fpch"):
		default:
			return fmt.Errorf("flag %q is not one precompiled headers are known to be safe with", f)
		}
	}
	return nil
}

// use is one distinct block of a Check call and the files that start
// with it.
type use struct {
	lang     analysis.Lang
	compiler string
	text     string
	files    int
	header   string // set by prepare when the files compile through the PCH
}

// key names a block's entry, or returns an error when PCH cannot be used
// with the compiler.
func (p *pchCache) key(lang analysis.Lang, compiler, text string) (string, error) {
	id, err := p.compilerID(compiler)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", pchVersion, lang, id)
	for _, f := range p.flags {
		fmt.Fprintf(h, "%s\x00", f)
	}
	for _, e := range includeEnv {
		v, ok := os.LookupEnv(e)
		fmt.Fprintf(h, "%s=%v:%s\x00", e, ok, v)
	}
	h.Write([]byte(text))
	return string(lang) + "-" + hex.EncodeToString(h.Sum(nil))[:32], nil
}

// compilerID identifies a compiler binary by its resolved path, size and
// modification time, so that an upgrade changes every key.
func (p *pchCache) compilerID(name string) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if why, ok := p.refused[name]; ok {
		return "", errors.New(why)
	}
	if id, ok := p.compilers[name]; ok {
		return id, nil
	}
	path, err := exec.LookPath(name)
	if err == nil {
		path, err = filepath.EvalSymlinks(path)
	}
	var st fs.FileInfo
	if err == nil {
		st, err = os.Stat(path)
	}
	if err != nil {
		p.refused[name] = fmt.Sprintf("compiler %s: %v", name, err)
		return "", err
	}
	id := fmt.Sprintf("%s\x00%d\x00%d", path, st.Size(), st.ModTime().UnixNano())
	p.compilers[name] = id
	return id, nil
}

// prepare decides which blocks of a call compile through a precompiled
// header, building the ones that are missing and pay (enough files share
// them), at most jobs at a time. It sets use.header for those.
func (p *pchCache) prepare(ctx context.Context, uses map[string]*use, jobs int, timeout time.Duration) (built int) {
	keys := make([]string, 0, len(uses))
	for k := range uses {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	sem := make(chan struct{}, max(jobs, 1))
	var wg sync.WaitGroup
	var mu sync.Mutex
	for _, k := range keys {
		u := uses[k]
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			header, fresh := p.ensure(ctx, k, u, timeout)
			mu.Lock()
			u.header = header
			if fresh {
				built++
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	if built > 0 {
		keep := map[string]bool{}
		for k := range uses {
			keep[k] = true
		}
		p.evict(keep)
	}
	return built
}

// ensure returns the header to include for a block, building its entry
// when it is missing and enough files share it; "" means compile plainly.
// fresh reports a build.
func (p *pchCache) ensure(ctx context.Context, key string, u *use, timeout time.Duration) (header string, fresh bool) {
	p.mu.Lock()
	if _, bad := p.failed[key]; bad {
		p.mu.Unlock()
		return "", false
	}
	if _, bad := p.refused[u.compiler]; bad || p.broken != "" {
		p.mu.Unlock()
		return "", false
	}
	l := p.locks[key]
	if l == nil {
		l = new(sync.Mutex)
		p.locks[key] = l
	}
	p.mu.Unlock()
	l.Lock()
	defer l.Unlock()

	header = filepath.Join(p.dir, key+".h")
	if p.current(header, u.text) {
		return header, false
	}
	if u.files < p.min[u.lang] {
		return "", false
	}
	start := time.Now()
	err := p.build(ctx, key, u, timeout)
	if err == nil {
		p.log.Debug("compile check: precompiled a leading block", "key", key, "files", u.files, "took", time.Since(start))
		return header, true
	}
	var refused errRefused
	var transient errTransient
	var folder errFolder
	p.mu.Lock()
	switch {
	case errors.As(err, &folder):
		if p.broken == "" {
			p.log.Warn("compile check: precompiled headers off", "reason", err)
		}
		p.broken = err.Error()
	case errors.As(err, &refused):
		p.refused[u.compiler] = err.Error()
	case ctx.Err() == nil && !errors.As(err, &transient):
		p.failed[key] = err.Error()
	}
	p.mu.Unlock()
	p.log.Debug("compile check: no precompiled header, compiling plainly", "key", key, "reason", err)
	return "", false
}

// current reports whether the entry of header exists, holds text, and
// every header it was made from is unchanged; it marks the entry used.
func (p *pchCache) current(header, text string) bool {
	got, err := os.ReadFile(header)
	if err != nil || string(got) != text {
		return false
	}
	deps, err := os.ReadFile(strings.TrimSuffix(header, ".h") + ".deps")
	if err != nil || len(deps) == 0 {
		return false
	}
	for _, line := range strings.Split(strings.TrimSuffix(string(deps), "\n"), "\n") {
		f := strings.SplitN(line, " ", 3)
		if len(f) != 3 {
			return false
		}
		st, err := os.Stat(f[2])
		if err != nil || strconv.FormatInt(st.Size(), 10) != f[0] || strconv.FormatInt(st.ModTime().UnixNano(), 10) != f[1] {
			return false
		}
	}
	gch := header + ".gch"
	st, err := os.Stat(gch)
	if err != nil || st.Size() == 0 {
		return false
	}
	if now := time.Now(); now.Sub(st.ModTime()) > touchEvery {
		os.Chtimes(gch, now, now) // the time of last use, for eviction
	}
	return true
}

// confirmed reports whether a plain compile has agreed with a rejection
// by the header of key, in this Checker's life, and it has not been
// dropped since.
func (p *pchCache) confirmed(key string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	_, bad := p.failed[key]
	return p.confirmedKeys[key] && !bad
}

// confirm records that a plain compile agreed with a rejection by the
// header of key.
func (p *pchCache) confirm(key string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.confirmedKeys[key] = true
}

// drop removes an entry that misbehaved, so that the next use builds it
// again, and warns.
func (p *pchCache) drop(key, why string) {
	p.mu.Lock()
	p.failed[key] = why
	delete(p.confirmedKeys, key)
	p.mu.Unlock()
	p.log.Warn("compile check: removed a precompiled header", "key", key, "dir", p.dir, "reason", why)
	for _, ext := range []string{".h.gch", ".deps", ".h"} {
		os.Remove(filepath.Join(p.dir, key+ext))
	}
}

// errRefused says the compiler made a precompiled header but would not
// use it: it does not take GCC's (clang), or the flags rule it out.
type errRefused struct{ msg string }

func (e errRefused) Error() string { return e.msg }

// build makes the entry of a block in a private folder, checks that the
// compiler uses it (-H marks a used one with "!"), and renames its files
// into place, the .gch last.
func (p *pchCache) build(ctx context.Context, key string, u *use, timeout time.Duration) error {
	if err := os.MkdirAll(p.dir, 0o700); err != nil {
		return errFolder{fmt.Errorf("precompiled headers folder: %w", err)}
	}
	tmp, err := os.MkdirTemp(p.dir, "tmp-")
	if err != nil {
		return errFolder{fmt.Errorf("precompiled headers folder: %w", err)}
	}
	defer os.RemoveAll(tmp)
	h := filepath.Join(tmp, key+".h")
	gch, d, deps := h+".gch", filepath.Join(tmp, key+".d"), filepath.Join(tmp, key+".deps")
	if err := os.WriteFile(h, []byte(u.text), 0o600); err != nil {
		return err
	}
	kind, ext := "c-header", ".c"
	if u.lang == analysis.CPP {
		kind, ext = "c++-header", ".cpp"
	}
	args := append(slices.Clone(p.flags), "-x", kind, h, "-o", gch, "-MD", "-MF", d)
	out, err := p.run(ctx, tmp, u.compiler, args, timeout)
	if err != nil {
		return err
	}
	if out.ExitCode != 0 {
		return fmt.Errorf("the block does not compile on its own: %s", firstLine(out.Stderr))
	}
	probe := filepath.Join(tmp, "probe"+ext)
	if err := os.WriteFile(probe, []byte(`#include "`+h+"\"\nextern int securecomplete_pch_probe;\n"), 0o600); err != nil {
		return err
	}
	args = append(slices.Clone(p.flags), "-H", "-c", probe, "-o", filepath.Join(tmp, "probe.o"))
	out, err = p.run(ctx, tmp, u.compiler, args, timeout)
	if err != nil {
		return err
	}
	if out.ExitCode != 0 || !slices.Contains(strings.Split(string(out.Stderr), "\n"), "! "+gch) {
		return errRefused{fmt.Sprintf("%s made a precompiled header but did not use it (%s)", u.compiler, firstLine(out.Stderr))}
	}
	made, err := os.ReadFile(d)
	if err != nil {
		return fmt.Errorf("dependencies of the block: %w", err)
	}
	list, err := depsList(made, h)
	if err != nil {
		return err
	}
	if err := os.WriteFile(deps, list, 0o600); err != nil {
		return err
	}
	final := filepath.Join(p.dir, key+".h")
	os.Remove(final + ".gch") // a stale one must not meet the new header
	for _, mv := range [][2]string{{h, final}, {deps, filepath.Join(p.dir, key+".deps")}, {gch, final + ".gch"}} {
		if err := os.Rename(mv[0], mv[1]); err != nil {
			return errFolder{fmt.Errorf("precompiled headers folder: %w", err)}
		}
	}
	return nil
}

// errFolder says the folder of precompiled headers cannot be used.
type errFolder struct{ error }

// errTransient is a failure that says nothing about the block (a
// timeout, a compiler that could not start): the next call tries again.
type errTransient struct{ error }

func (p *pchCache) run(ctx context.Context, dir, compiler string, args []string, timeout time.Duration) (run.Output, error) {
	rctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	out, err := p.runner.Run(rctx, run.Cmd{Dir: dir, Name: compiler, Args: args, Env: []string{"LC_ALL=C"}})
	if err != nil {
		if errors.Is(rctx.Err(), context.DeadlineExceeded) && ctx.Err() == nil {
			return out, errTransient{fmt.Errorf("precompiling the block: %s did not finish within %v", compiler, timeout)}
		}
		return out, errTransient{fmt.Errorf("precompiling the block: %w", err)}
	}
	return out, nil
}

// depsList turns GCC's make rule for a header into the lines of a .deps
// file, "SIZE MTIME PATH", leaving out the header itself. Every path must
// be absolute: a relative one would depend on the folder of the compile.
func depsList(rule []byte, header string) ([]byte, error) {
	words := makeWords(string(rule))
	if len(words) == 0 || !strings.HasSuffix(words[0], ":") {
		return nil, fmt.Errorf("dependencies of the block: no make rule in %q", firstLine(rule))
	}
	var b bytes.Buffer
	for _, w := range words[1:] {
		if w == header {
			continue
		}
		if !filepath.IsAbs(w) || strings.ContainsAny(w, "\n\r") {
			return nil, fmt.Errorf("dependencies of the block: header %q is not named by an absolute path", w)
		}
		st, err := os.Stat(w)
		if err != nil {
			return nil, fmt.Errorf("dependencies of the block: %w", err)
		}
		fmt.Fprintf(&b, "%d %d %s\n", st.Size(), st.ModTime().UnixNano(), w)
	}
	if b.Len() == 0 {
		return nil, errors.New("dependencies of the block: none listed")
	}
	return b.Bytes(), nil
}

// makeWords splits a make rule into words: continuation lines joined,
// "\ " and "\#" unescaped, "$$" made "$".
func makeWords(s string) []string {
	s = strings.ReplaceAll(s, "\\\n", " ")
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 {
			words = append(words, w.String())
			w.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && (s[i+1] == ' ' || s[i+1] == '#'):
			w.WriteByte(s[i+1])
			i++
		case c == '$' && i+1 < len(s) && s[i+1] == '$':
			w.WriteByte('$')
			i++
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			flush()
		default:
			w.WriteByte(c)
		}
	}
	flush()
	return words
}

// evict removes temporary folders left by killed processes and, while
// the folder holds more than the limit, the least recently used entries
// that this call does not use.
func (p *pchCache) evict(keep map[string]bool) {
	ents, err := os.ReadDir(p.dir)
	if err != nil {
		return
	}
	type entry struct {
		key   string
		size  int64
		used  time.Time
		files []string
	}
	byKey := map[string]*entry{}
	var total int64
	for _, e := range ents {
		info, err := e.Info()
		if err != nil {
			continue
		}
		name := e.Name()
		if e.IsDir() {
			if strings.HasPrefix(name, "tmp-") && time.Since(info.ModTime()) > staleTemp {
				os.RemoveAll(filepath.Join(p.dir, name))
			}
			continue
		}
		key, _, _ := strings.Cut(name, ".")
		en := byKey[key]
		if en == nil {
			en = &entry{key: key}
			byKey[key] = en
		}
		en.size += info.Size()
		en.files = append(en.files, name)
		if strings.HasSuffix(name, ".gch") || en.used.IsZero() {
			en.used = info.ModTime()
		}
		total += info.Size()
	}
	if total <= p.limit {
		return
	}
	var old []*entry
	for _, en := range byKey {
		if !keep[en.key] {
			old = append(old, en)
		}
	}
	slices.SortFunc(old, func(a, b *entry) int { return a.used.Compare(b.used) })
	for _, en := range old {
		if total <= p.limit {
			break
		}
		slices.SortFunc(en.files, func(a, b string) int { // the .gch first
			return boolInt(!strings.HasSuffix(a, ".gch")) - boolInt(!strings.HasSuffix(b, ".gch"))
		})
		for _, f := range en.files {
			os.Remove(filepath.Join(p.dir, f))
		}
		total -= en.size
		p.log.Debug("compile check: removed a precompiled header not used lately", "key", en.key, "bytes", en.size)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// firstLine is the first non-empty line of a compiler's output, for an
// error message.
func firstLine(b []byte) string {
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return "no output"
}
