package embedtrain

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"securecomplete/completion/embedded"
)

// DefaultModel is the model that "embedded:default" names: trained from
// the default corpus on first use and kept in the user's cache directory,
// retrained when the corpus or the model's format version changes.
type DefaultModel struct {
	// Dir holds the model and its lock; "" means
	// os.UserCacheDir()/securecomplete/embedded.
	Dir string
	// Sources returns the corpus; nil means DefaultSources.
	Sources func(context.Context) ([]Source, error)
	// Order of the n-grams; 0 means embedded.DefaultOrder.
	Order int
	// Progress receives training progress; nil is quiet.
	Progress io.Writer
	// Headers says which standard headers to index; nil means all of
	// CHeaders() and CXXHeaders() with gcc and g++.
	Headers *HeaderOptions
}

// DefaultModelFile is the name of the cached default model.
const DefaultModelFile = "default.model"

func (d DefaultModel) dir() (string, error) {
	if d.Dir != "" {
		return d.Dir, nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("default embedded model: no user cache directory: %w", err)
	}
	return filepath.Join(base, "securecomplete", "embedded"), nil
}

// Path returns where the default model is kept.
func (d DefaultModel) Path() (string, error) {
	dir, err := d.dir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, DefaultModelFile), nil
}

// Ensure returns the path of an up-to-date default model, training it
// when it is missing or stale. Concurrent callers, in this process or
// others, train it once: the others wait on a lock file (honouring ctx)
// and then find it. The model is written to a temporary file and renamed,
// so that a reader never sees half a model. trained reports whether this
// call trained it.
func (d DefaultModel) Ensure(ctx context.Context) (path string, trained bool, err error) {
	dir, err := d.dir()
	if err != nil {
		return "", false, err
	}
	path = filepath.Join(dir, DefaultModelFile)
	sourcesFn := d.Sources
	if sourcesFn == nil {
		sourcesFn = DefaultSources
	}
	sources, err := sourcesFn(ctx)
	if err != nil {
		return "", false, fmt.Errorf("default embedded model: %w", err)
	}
	order := d.Order
	if order == 0 {
		order = embedded.DefaultOrder
	}
	fp := Fingerprint(sources, "format="+strconv.Itoa(embedded.FormatVersion), "order="+strconv.Itoa(order), "headers=1")
	if fresh(path, fp) {
		return path, false, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", false, fmt.Errorf("default embedded model: %w", err)
	}
	unlock, err := lockFile(ctx, filepath.Join(dir, "default.lock"))
	if err != nil {
		return "", false, fmt.Errorf("default embedded model: %w", err)
	}
	defer unlock()
	if fresh(path, fp) { // another caller trained it while we waited
		return path, false, nil
	}
	if d.Progress != nil {
		fmt.Fprintf(d.Progress, "training the default embedded model into %s (first use, or the corpus changed)\n", path)
	}
	began := time.Now()
	headers := d.Headers
	if headers == nil {
		headers = &HeaderOptions{}
	}
	m, _, err := Train(ctx, Options{Order: order, Sources: sources, Progress: d.Progress, Headers: headers})
	if err != nil {
		return "", false, fmt.Errorf("default embedded model: %w", err)
	}
	m.SetFingerprint(fp)
	if err := m.Save(path); err != nil {
		return "", false, fmt.Errorf("default embedded model: %w", err)
	}
	if d.Progress != nil {
		fmt.Fprintf(d.Progress, "default embedded model ready in %s\n", time.Since(began).Round(time.Millisecond))
	}
	return path, true, nil
}

// fresh reports whether the model at path exists and was trained on the
// corpus and settings that fp identifies.
func fresh(path, fp string) bool {
	info, err := embedded.ReadInfo(path)
	return err == nil && info.Fingerprint == fp
}

// errLockBusy is returned by tryLock when another holder has the lock.
var errLockBusy = errors.New("lock busy")

// lockFile takes an exclusive lock on path, waiting for it while ctx
// allows. The returned function releases it.
func lockFile(ctx context.Context, path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	for {
		err := tryLock(f)
		if err == nil {
			return func() { unlock(f); f.Close() }, nil
		}
		if !errors.Is(err, errLockBusy) {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, fmt.Errorf("waiting for %s: %w", path, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}
