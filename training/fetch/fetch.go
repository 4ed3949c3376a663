// Package fetch reads the post-fix versions of the files fix commits
// modified from their git repositories: each repository is cloned once
// into a cache (a bare, blob-less clone where the server allows it), in
// parallel with a bound, with retries for transient failures only.
package fetch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"
)

// A Job is one repository and the commits to read from it.
type Job struct {
	Key     string // the repository's key (dataset.RepoKey)
	URL     string // where to clone it from
	Commits []string
}

// A File is the post-fix version of a file a commit added or modified.
type File struct {
	Path string
	Code []byte
}

// A Result is what became of one commit of a job.
type Result struct {
	Key, URL, Commit string
	Full             string // the full hash the commit resolved to
	Files            []File
	Skipped          int // files the commit changed that Keep refused or that were deleted
	Err              error
	// Permanent is true when retrying later cannot help (the host does
	// not resolve or refuses connections, the repository needs
	// credentials or does not exist, the commit is not in it).
	Permanent bool
	Attempts  int
}

// Options configure Run.
type Options struct {
	Cache    string        // directory of the cached clones (required)
	Parallel int           // repositories fetched at once (default 4)
	Timeout  time.Duration // per clone or fetch (default 30 minutes)
	ReadTime time.Duration // per local read (default 1 minute)
	Retries  int           // attempts after the first for a transient failure (default 3)
	Backoff  time.Duration // first wait between attempts, doubling (default 2 s)
	// Keep chooses the files to read by path (default: all).
	Keep   func(path string) bool
	Git    string // the git binary (default "git")
	Logger *slog.Logger
}

func (o *Options) defaults() {
	if o.Parallel <= 0 {
		o.Parallel = 4
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Minute
	}
	if o.ReadTime <= 0 {
		o.ReadTime = time.Minute
	}
	if o.Retries < 0 {
		o.Retries = 0
	} else if o.Retries == 0 {
		o.Retries = 3
	}
	if o.Backoff <= 0 {
		o.Backoff = 2 * time.Second
	}
	if o.Git == "" {
		o.Git = "git"
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
}

// NoRetries is the Retries value that means none.
const NoRetries = -1

// Run fetches the jobs, at most opt.Parallel at once, and calls out with
// each commit's result (one call at a time). A job's failure is a Result
// with Err set for each of its commits; Run's error is only the
// context's or out's.
func Run(ctx context.Context, opt Options, jobs []Job, out func(Result) error) error {
	opt.defaults()
	if opt.Cache == "" {
		return errors.New("fetch: no cache directory")
	}
	if err := os.MkdirAll(opt.Cache, 0o755); err != nil {
		return fmt.Errorf("fetch: cache %s: %w", opt.Cache, err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	r := &runner{opt: opt, down: map[string]error{}, partial: map[string]bool{}}
	var (
		outMu  sync.Mutex
		outErr error
		wg     sync.WaitGroup
	)
	emit := func(res Result) {
		outMu.Lock()
		defer outMu.Unlock()
		if outErr != nil {
			return
		}
		if err := out(res); err != nil {
			outErr = err
			cancel()
		}
	}
	ch := make(chan Job)
	for range opt.Parallel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range ch {
				r.job(ctx, j, emit)
			}
		}()
	}
feed:
	for _, j := range jobs {
		select {
		case ch <- j:
		case <-ctx.Done():
			break feed
		}
	}
	close(ch)
	wg.Wait()
	if outErr != nil {
		return outErr
	}
	return ctx.Err()
}

type runner struct {
	opt     Options
	mu      sync.Mutex
	down    map[string]error // hosts that did not resolve or refused
	partial map[string]bool  // clone folder -> blob-less
}

// hostOf names the host of a clone URL ("" for local paths).
func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		return strings.ToLower(u.Hostname())
	}
	if i := strings.Index(raw, "@"); i >= 0 { // scp-like: git@host:path
		if j := strings.IndexByte(raw[i:], ':'); j > 0 {
			return strings.ToLower(raw[i+1 : i+j])
		}
	}
	return ""
}

func (r *runner) job(ctx context.Context, j Job, emit func(Result)) {
	log := r.opt.Logger.With("repo", j.Key)
	fail := func(err error, permanent bool, attempts int) {
		for _, c := range j.Commits {
			emit(Result{Key: j.Key, URL: j.URL, Commit: c, Err: err, Permanent: permanent, Attempts: attempts})
		}
	}
	host := hostOf(j.URL)
	if host != "" {
		r.mu.Lock()
		derr := r.down[host]
		r.mu.Unlock()
		if derr != nil {
			fail(fmt.Errorf("clone %s: host %s is unreachable (not retried): %w", j.URL, host, derr), true, 0)
			return
		}
	}
	dir, attempts, err := r.ensureClone(ctx, j, log)
	if err != nil {
		if ctx.Err() != nil {
			return
		}
		permanent := isPermanent(err)
		if host != "" && (isHostDown(err) || (!permanent && isNetwork(err))) {
			r.mu.Lock()
			if r.down[host] == nil {
				r.down[host] = err
			}
			r.mu.Unlock()
			permanent = permanent || isHostDown(err)
		}
		log.Debug("clone failed", "err", err, "permanent", permanent)
		fail(err, permanent, attempts)
		return
	}
	for _, c := range j.Commits {
		if ctx.Err() != nil {
			return
		}
		res := r.commit(ctx, dir, j, c)
		res.Attempts = attempts
		emit(res)
	}
}

// cacheDir is the clone's folder: readable, and unique per key.
func (r *runner) cacheDir(key string) string {
	sum := sha256.Sum256([]byte(key))
	name := strings.Map(func(c rune) rune {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' {
			return c
		}
		return '_'
	}, strings.ToLower(key))
	if len(name) > 80 {
		name = name[:80]
	}
	return filepath.Join(r.opt.Cache, name+"-"+hex.EncodeToString(sum[:4])+".git")
}

// ensureClone clones the repository into the cache unless it is there,
// retrying transient failures with backoff. A clone is made in a
// temporary folder and renamed when complete, so a killed run leaves no
// half clone behind that looks whole.
func (r *runner) ensureClone(ctx context.Context, j Job, log *slog.Logger) (string, int, error) {
	dir := r.cacheDir(j.Key)
	if fi, err := os.Stat(filepath.Join(dir, "HEAD")); err == nil && !fi.IsDir() {
		return dir, 0, nil
	}
	tmp := dir + ".partial"
	var err error
	wait := r.opt.Backoff
	attempt := 0
	for {
		attempt++
		os.RemoveAll(tmp)
		_, err = r.git(ctx, r.opt.Timeout, "", nil, "clone", "--bare", "--quiet", "--filter=blob:none", "--", j.URL, tmp)
		if err == nil {
			if err = os.Rename(tmp, dir); err == nil {
				return dir, attempt, nil
			}
			err = fmt.Errorf("clone %s: %w", j.URL, err)
			break
		}
		if isPermanent(err) || isHostDown(err) || attempt > r.opt.Retries || ctx.Err() != nil {
			break
		}
		log.Info("clone failed, retrying", "err", err, "attempt", attempt, "wait", wait)
		select {
		case <-time.After(wait):
		case <-ctx.Done():
		}
		wait *= 2
	}
	os.RemoveAll(tmp)
	return "", attempt, err
}

var fullHash = regexp.MustCompile(`^[0-9a-f]{40}$`)

// commit reads the files a commit added or modified (against its first
// parent) at the commit: one git process to resolve it, one to list its
// files, one to read them all (after one batched prefetch of their blobs
// in a blob-less clone, instead of a round trip per blob).
func (r *runner) commit(ctx context.Context, dir string, j Job, c string) Result {
	res := Result{Key: j.Key, URL: j.URL, Commit: c}
	resolve := func() ([]string, error) {
		out, err := r.git(ctx, r.opt.ReadTime, dir, nil, "rev-list", "--parents", "-n", "1", "--end-of-options", c+"^{commit}")
		if err != nil {
			return nil, err
		}
		return strings.Fields(string(out)), nil
	}
	ids, err := resolve()
	if err != nil && fullHash.MatchString(c) {
		// Not in the clone's refs: ask the server for it by id.
		if _, ferr := r.git(ctx, r.opt.Timeout, dir, nil, "fetch", "--quiet", "--filter=blob:none", "origin", c); ferr == nil {
			ids, err = resolve()
		}
	}
	if err != nil || len(ids) == 0 {
		res.Err = fmt.Errorf("commit %s not found in %s", c, j.URL)
		res.Permanent = true
		return res
	}
	res.Full = ids[0]
	args := []string{"diff-tree", "-r", "--raw", "-z", "--no-renames", "--no-commit-id"}
	if len(ids) > 1 {
		args = append(args, ids[1], res.Full)
	} else {
		args = append(args, "--root", res.Full)
	}
	list, err := r.git(ctx, r.opt.ReadTime, dir, nil, args...)
	if err != nil {
		res.Err = fmt.Errorf("list the files of %s in %s: %w", c, j.URL, err)
		return res
	}
	// -z --raw: ":mode mode old new STATUS\0path\0" per file.
	var paths, blobs []string
	parts := bytes.Split(bytes.TrimRight(list, "\x00"), []byte{0})
	for i := 0; i+1 < len(parts); i += 2 {
		meta, path := strings.Fields(string(parts[i])), string(parts[i+1])
		if len(meta) < 5 {
			continue
		}
		status := meta[4]
		if (status != "A" && status != "M" && status != "T") || (r.opt.Keep != nil && !r.opt.Keep(path)) {
			res.Skipped++
			continue
		}
		paths, blobs = append(paths, path), append(blobs, meta[3])
	}
	if len(blobs) == 0 {
		return res
	}
	if r.promisor(ctx, dir) {
		// A diff of the kept paths makes git fetch their blobs in one batch.
		pre := append(append([]string{}, args[:len(args)-2]...), "-p")
		pre = append(append(pre, args[len(args)-2:]...), "--")
		pre = append(pre, paths...)
		if _, err := r.git(ctx, r.opt.Timeout, dir, nil, pre...); err != nil {
			res.Err = fmt.Errorf("fetch the files of %s from %s: %w", c, j.URL, err)
			return res
		}
	}
	out, err := r.git(ctx, r.opt.Timeout, dir, []byte(strings.Join(blobs, "\n")+"\n"), "cat-file", "--batch")
	if err != nil {
		res.Err = fmt.Errorf("read the files of %s in %s: %w", c, j.URL, err)
		return res
	}
	for i, path := range paths {
		// "<oid> blob <size>\n<content>\n", or "<oid> missing\n".
		nl := bytes.IndexByte(out, '\n')
		if nl < 0 {
			res.Err = fmt.Errorf("read %s at %s in %s: short output", path, c, j.URL)
			return res
		}
		hdr := strings.Fields(string(out[:nl]))
		out = out[nl+1:]
		var size int
		if len(hdr) != 3 || hdr[1] != "blob" {
			res.Err = fmt.Errorf("read %s at %s in %s: %s", path, c, j.URL, strings.Join(hdr, " "))
			return res
		}
		fmt.Sscan(hdr[2], &size)
		if size+1 > len(out) || hdr[0] != blobs[i] {
			res.Err = fmt.Errorf("read %s at %s in %s: bad cat-file output", path, c, j.URL)
			return res
		}
		res.Files = append(res.Files, File{Path: path, Code: bytes.Clone(out[:size])})
		out = out[size+1:]
	}
	return res
}

// promisor reports whether the clone in dir is blob-less (the server
// accepted the filter), remembering the answer per clone.
func (r *runner) promisor(ctx context.Context, dir string) bool {
	r.mu.Lock()
	p, ok := r.partial[dir]
	r.mu.Unlock()
	if ok {
		return p
	}
	out, _ := r.git(ctx, r.opt.ReadTime, dir, nil, "config", "--get", "remote.origin.promisor")
	p = strings.TrimSpace(string(out)) == "true"
	r.mu.Lock()
	r.partial[dir] = p
	r.mu.Unlock()
	return p
}

// gitError is a failed git command with what it printed.
type gitError struct {
	args   []string
	stderr string
	err    error
}

func (e *gitError) Error() string {
	msg := strings.TrimSpace(e.stderr)
	if i := strings.LastIndexByte(msg, '\n'); i >= 0 && len(msg) > 400 {
		msg = msg[i+1:]
	}
	if msg == "" {
		msg = e.err.Error()
	}
	return fmt.Sprintf("git %s: %s", e.args[0], msg)
}

func (e *gitError) Unwrap() error { return e.err }

// git runs one git command with a timeout, never prompting for
// credentials.
func (r *runner) git(ctx context.Context, timeout time.Duration, dir string, stdin []byte, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	full := append([]string{"-c", "credential.helper=", "-c", "core.askPass=", "-c", "http.lowSpeedLimit=1000", "-c", "http.lowSpeedTime=60", "-c", "protocol.file.allow=always"}, args...)
	cmd := exec.CommandContext(ctx, r.opt.Git, full...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_ASKPASS=", "SSH_ASKPASS=", "GCM_INTERACTIVE=never",
		"GIT_SSH_COMMAND=ssh -o BatchMode=yes -o ConnectTimeout=20")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		if ctx.Err() == context.DeadlineExceeded {
			err = fmt.Errorf("timed out after %s: %w", timeout, ctx.Err())
		}
		return nil, &gitError{args: args, stderr: stderr.String(), err: err}
	}
	return stdout.Bytes(), nil
}

// isHostDown: the host does not resolve or refuses connections.
func isHostDown(err error) bool {
	s := strings.ToLower(err.Error())
	for _, m := range []string{"could not resolve host", "could not resolve hostname", "name or service not known",
		"temporary failure in name resolution", "no address associated", "connection refused", "couldn't connect to server", "network is unreachable", "no route to host"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// isNetwork: a failure to reach the host at all (once retries are spent,
// the host is treated as down for the rest of the run).
func isNetwork(err error) bool {
	s := strings.ToLower(err.Error())
	return strings.Contains(s, "failed to connect") || strings.Contains(s, "connection timed out") || strings.Contains(s, "operation timed out")
}

// isPermanent: retrying cannot help.
func isPermanent(err error) bool {
	if isHostDown(err) {
		return true
	}
	s := strings.ToLower(err.Error())
	for _, m := range []string{"authentication failed", "terminal prompts disabled", "could not read username", "could not read password",
		"repository not found", "not found", "does not appear to be a git repository", "does not exist", "error: 401", "error: 403",
		"error: 404", "permission denied", "invalid username", "no such file or directory"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}
