// Package dataset combines the fix datasets into the paper's fine-tuning
// set: it normalises repositories and commits, removes duplicates across
// sources, fetches the files of commits no source holds, keeps C/C++,
// splits 90/10 with a seed, and keeps it all in a SQLite index from which
// Table 1 and the exports are made.
package dataset

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"securecomplete/training/fetch"
	"securecomplete/training/fixes"
)

// Inputs name the datasets to combine; empty ones are left out.
type Inputs struct {
	CVEfixes  string // the CVEfixes SQLite database
	BigVul    string // the Big-Vul CSV
	Challande string // the Challande et al. folder, or its cves/
	SVEN      string // a SVEN-format JSONL file or folder
}

// Options configure Build.
type Options struct {
	Inputs
	Out        string  // the dataset folder (index, exports)
	Seed       int64   // of the split
	ValidShare float64 // share of commits held out for validation (default 0.1)
	// Fetch, when set, fetches from git the files of commits that no
	// source holds as whole files; Cache defaults to Out/git-cache.
	Fetch    *fetch.Options
	Progress io.Writer // progress lines, or nil
}

// sourceOrder orders the sources of a commit's code: whole files
// (CVEfixes, then fetched from git) win over functions (Big-Vul, SVEN).
var sourceOrder = []string{fixes.CVEfixes, SourceGit, fixes.BigVul, fixes.SVEN}

// SourceGit names the files the fetcher read.
const SourceGit = "git"

type builder struct {
	opt Options
	db  *sql.DB
	rep *Report
}

func (b *builder) say(format string, args ...any) {
	if b.opt.Progress != nil {
		fmt.Fprintf(b.opt.Progress, format+"\n", args...)
	}
}

// Build makes (or remakes) the dataset in opt.Out and returns its report.
// The sources are read again on each run; the fetcher's results are kept
// in the index, so a run that was killed resumes its fetches where it
// stopped and a finished one fetches nothing again.
func Build(ctx context.Context, opt Options) (*Report, error) {
	if opt.ValidShare == 0 {
		opt.ValidShare = 0.1
	}
	if opt.ValidShare < 0 || opt.ValidShare >= 1 {
		return nil, fmt.Errorf("validation share %g: want 0 to 1", opt.ValidShare)
	}
	if opt.Inputs == (Inputs{}) {
		return nil, errors.New("no dataset given: name at least one of CVEfixes, Big-Vul, Challande, SVEN")
	}
	if err := os.MkdirAll(opt.Out, 0o755); err != nil {
		return nil, fmt.Errorf("dataset folder: %w", err)
	}
	db, err := openIndex(ctx, filepath.Join(opt.Out, IndexFile), true)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(4)
	began := time.Now()
	b := &builder{opt: opt, db: db, rep: &Report{Seed: opt.Seed, ValidShare: opt.ValidShare, Index: filepath.Join(opt.Out, IndexFile)}}
	steps := []struct {
		name string
		fn   func(context.Context) error
	}{
		{"read", b.ingest},
		{"resolve commits", b.resolve},
		{"fetch", b.fetch},
		{"select files", b.selectRecords},
		{"split", b.split},
		{"count", b.count},
	}
	for _, s := range steps {
		if err := s.fn(ctx); err != nil {
			return nil, fmt.Errorf("dataset %s: %s: %w", opt.Out, s.name, err)
		}
	}
	b.rep.Seconds = time.Since(began).Seconds()
	if err := b.saveMeta(ctx); err != nil {
		return nil, err
	}
	return b.rep, nil
}

// batch is a transaction committed every so many rows.
type batch struct {
	db   *sql.DB
	tx   *sql.Tx
	n    int
	stmt map[string]*sql.Stmt
}

func (bt *batch) exec(ctx context.Context, q string, args ...any) error {
	if bt.tx == nil {
		tx, err := bt.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		bt.tx, bt.stmt = tx, map[string]*sql.Stmt{}
	}
	st := bt.stmt[q]
	if st == nil {
		var err error
		if st, err = bt.tx.PrepareContext(ctx, q); err != nil {
			return err
		}
		bt.stmt[q] = st
	}
	if _, err := st.ExecContext(ctx, args...); err != nil {
		return err
	}
	bt.n++
	if bt.n >= 5000 {
		return bt.commit()
	}
	return nil
}

func (bt *batch) commit() error {
	bt.n = 0
	if bt.tx == nil {
		return nil
	}
	err := bt.tx.Commit()
	bt.tx = nil
	return err
}

func (bt *batch) rollback() {
	if bt.tx != nil {
		bt.tx.Rollback()
		bt.tx = nil
	}
}

func hashOf(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// prefixAsWritten is the repository part of a record as the source wrote
// it: the patch URL before "/+/", else the whole commit URL, else the
// repository URL.
func prefixAsWritten(f fixes.Fix) string {
	if i := strings.Index(f.URL, "/+/"); i >= 0 {
		return f.URL[:i]
	}
	if f.URL != "" {
		return f.URL
	}
	return f.Repo
}

func (b *builder) ingest(ctx context.Context) error {
	for _, t := range []string{"refs", "cwes", "items", "problems", "records"} {
		if _, err := b.db.ExecContext(ctx, "DELETE FROM "+t); err != nil {
			return err
		}
	}
	bt := &batch{db: b.db}
	defer bt.rollback()
	const insRef = `INSERT INTO refs (source, rec, loc, url_raw, cve_raw, repo_raw, prefix_raw, sha_raw, ok, cve, repo_key, sha, clone_url, lang) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`
	rec := 0
	addRefs := func(f fixes.Fix, ok bool) error {
		key, sha, clone := "", "", ""
		if ok {
			key, sha, clone = RepoKey(f.Repo), NormCommit(f.Commit), CloneURL(RepoKey(f.Repo), f.Repo)
		}
		rec++
		cves := f.CVEs
		if len(cves) == 0 {
			cves = []string{""}
		}
		for _, cve := range cves {
			if err := bt.exec(ctx, insRef, f.Source, rec, f.Where, f.URL, cve, f.Repo, prefixAsWritten(f), f.Commit, ok, NormCVE(cve), key, sha, clone, f.Lang); err != nil {
				return err
			}
		}
		return nil
	}
	handler := func() fixes.Handler {
		var herr error
		return fixes.Handler{
			Fix: func(f fixes.Fix) error {
				if err := addRefs(f, true); err != nil {
					return err
				}
				key, sha := RepoKey(f.Repo), NormCommit(f.Commit)
				cve := ""
				if len(f.CVEs) > 0 {
					cve = NormCVE(f.CVEs[0])
				}
				for _, w := range f.CWEs {
					if w = NormCWE(w); w != "" {
						if err := bt.exec(ctx, `INSERT INTO cwes (source, cve, repo_key, sha, cwe) VALUES (?,?,?,?,?)`, f.Source, cve, key, sha, w); err != nil {
							return err
						}
					}
				}
				for _, fl := range f.Files {
					h := hashOf([]byte(fl.Code))
					if err := bt.exec(ctx, `INSERT OR IGNORE INTO blobs (hash, content) VALUES (?,?)`, h, []byte(fl.Code)); err != nil {
						return err
					}
					if err := bt.exec(ctx, `INSERT INTO items (source, repo_key, sha, path, whole, hash, cc) VALUES (?,?,?,?,?,?,?)`, f.Source, key, sha, fl.Path, fl.Whole, h, fixes.IsCOrCPP(fl.Path)); err != nil {
						return err
					}
				}
				return herr
			},
			Problem: func(p fixes.Problem) {
				if herr != nil {
					return
				}
				herr = bt.exec(ctx, `INSERT INTO problems (source, loc, reason, detail) VALUES (?,?,?,?)`, p.Source, p.Where, p.Reason, p.Detail)
				if herr == nil && p.Fix != nil {
					herr = addRefs(*p.Fix, false)
				}
			},
		}
	}
	type reader struct {
		source, path string
		read         func(context.Context, string, fixes.Handler) (fixes.Counts, error)
	}
	for _, r := range []reader{
		{fixes.CVEfixes, b.opt.CVEfixes, fixes.ReadCVEfixes},
		{fixes.BigVul, b.opt.BigVul, fixes.ReadBigVul},
		{fixes.Challande, b.opt.Challande, fixes.ReadChallande},
		{fixes.SVEN, b.opt.SVEN, fixes.ReadSVEN},
	} {
		if r.path == "" {
			continue
		}
		began := time.Now()
		b.say("reading %s from %s", r.source, r.path)
		c, err := r.read(ctx, r.path, handler())
		if err != nil {
			return fmt.Errorf("%s %s: %w", r.source, r.path, err)
		}
		if err := bt.commit(); err != nil {
			return err
		}
		d := time.Since(began).Seconds()
		in := InputInfo{Source: r.source, Path: r.path, Rows: c.Rows, Fixes: c.Fixes, Files: c.Files, Problems: c.Problems, Seconds: d}
		if d > 0 {
			in.RowsPerSecond = float64(c.Rows) / d
		}
		in.Bytes, in.Modified = sizeOf(r.path)
		b.rep.Inputs = append(b.rep.Inputs, in)
		b.say("  %d records, %d fixes, %d files or functions, %d problems, %.1f s", c.Rows, c.Fixes, c.Files, c.Problems, d)
	}
	return bt.commit()
}

// resolve maps abbreviated hashes to the full hash of the same
// repository when exactly one matches, and sets each commit's identity:
// its full hash (the same commit in mirrors is one commit), else the
// repository and the abbreviated hash.
func (b *builder) resolve(ctx context.Context) error {
	rows, err := b.db.QueryContext(ctx, `SELECT repo_key, sha FROM refs WHERE ok = 1 UNION SELECT repo_key, sha FROM items`)
	if err != nil {
		return err
	}
	byRepo := map[string][]string{}
	for rows.Next() {
		var k, s string
		if err := rows.Scan(&k, &s); err != nil {
			rows.Close()
			return err
		}
		byRepo[k] = append(byRepo[k], s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	bt := &batch{db: b.db}
	defer bt.rollback()
	keys := make([]string, 0, len(byRepo))
	for k := range byRepo {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		var full []string
		for _, s := range byRepo[k] {
			if len(s) == 40 {
				full = append(full, s)
			}
		}
		for _, s := range byRepo[k] {
			cid := s
			if len(s) < 40 {
				var match []string
				for _, f := range full {
					if strings.HasPrefix(f, s) {
						match = append(match, f)
					}
				}
				if len(match) == 1 {
					cid = match[0]
					b.rep.AbbrevResolved++
				} else {
					cid = k + "@" + s
				}
			}
			for _, t := range []string{"refs", "items", "cwes"} {
				if err := bt.exec(ctx, "UPDATE "+t+" SET cid = ? WHERE repo_key = ? AND sha = ?", cid, k, s); err != nil {
					return err
				}
			}
		}
	}
	return bt.commit()
}

// wantFetch selects the refs r of commits to fetch: no source (but the
// fetcher) holds them whole, and their sources hold C/C++ code of them or
// no code at all (a source that lists only Python files of a commit is
// believed).
const wantFetch = `NOT EXISTS (SELECT 1 FROM items i WHERE i.cid = r.cid AND i.whole = 1 AND i.source != ?)
	AND (EXISTS (SELECT 1 FROM items i WHERE i.cid = r.cid AND i.cc = 1) OR NOT EXISTS (SELECT 1 FROM items i WHERE i.cid = r.cid))`

// fetch reads from git the files of the commits no source holds whole.
func (b *builder) fetch(ctx context.Context) error {
	if b.opt.Fetch != nil {
		if err := b.runFetch(ctx); err != nil {
			return err
		}
	}
	// The fetched files of the commits in this run become items.
	_, err := b.db.ExecContext(ctx, `INSERT INTO items (source, repo_key, sha, cid, path, whole, hash, cc)
		SELECT ?, f.repo_key, f.sha, (SELECT r.cid FROM refs r WHERE r.repo_key = f.repo_key AND r.sha = f.sha AND r.ok = 1 LIMIT 1), f.path, 1, f.hash, 1
		FROM fetched_files f WHERE EXISTS (SELECT 1 FROM refs r WHERE r.repo_key = f.repo_key AND r.sha = f.sha AND r.ok = 1)`, SourceGit)
	return err
}

func (b *builder) runFetch(ctx context.Context) error {
	opt := *b.opt.Fetch
	if opt.Cache == "" {
		opt.Cache = filepath.Join(b.opt.Out, "git-cache")
	}
	if opt.Keep == nil {
		opt.Keep = fixes.IsCOrCPP
	}
	// One (repository, commit) per commit identity lacking whole files,
	// not already done by an earlier run.
	rows, err := b.db.QueryContext(ctx, `SELECT r.cid, min(r.repo_key), min(r.sha), min(r.clone_url) FROM refs r
		WHERE r.ok = 1 AND `+wantFetch+` GROUP BY r.cid ORDER BY 2, 3`, SourceGit)
	if err != nil {
		return err
	}
	type want struct{ key, sha, url string }
	var wants []want
	for rows.Next() {
		var cid string
		var w want
		if err := rows.Scan(&cid, &w.key, &w.sha, &w.url); err != nil {
			rows.Close()
			return err
		}
		wants = append(wants, w)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	done := map[[2]string]bool{}
	drows, err := b.db.QueryContext(ctx, `SELECT repo_key, sha FROM fetched WHERE state IN ('ok', 'failed')`)
	if err != nil {
		return err
	}
	for drows.Next() {
		var k, s string
		drows.Scan(&k, &s)
		done[[2]string{k, s}] = true
	}
	drows.Close()
	var jobs []fetch.Job
	idx := map[string]int{}
	resumed := 0
	for _, w := range wants {
		if done[[2]string{w.key, w.sha}] {
			resumed++
			continue
		}
		i, ok := idx[w.key]
		if !ok {
			i = len(jobs)
			idx[w.key] = i
			jobs = append(jobs, fetch.Job{Key: w.key, URL: w.url})
		}
		jobs[i].Commits = append(jobs[i].Commits, w.sha)
	}
	todo := len(wants) - resumed
	b.say("fetching %d commits from %d repositories (%d done by an earlier run)", todo, len(jobs), resumed)
	began := time.Now()
	n := 0
	last := time.Now()
	err = fetch.Run(ctx, opt, jobs, func(r fetch.Result) error {
		n++
		if time.Since(last) > 5*time.Second || n == todo {
			b.say("  fetched %d/%d commits (%.0f s)", n, todo, time.Since(began).Seconds())
			last = time.Now()
		}
		tx, err := b.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		state, msg := "ok", ""
		if r.Err != nil {
			state, msg = "retry", r.Err.Error()
			if r.Permanent {
				state = "failed"
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM fetched_files WHERE repo_key = ? AND sha = ?`, r.Key, r.Commit); err != nil {
			return err
		}
		for _, f := range r.Files {
			h := hashOf(f.Code)
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO blobs (hash, content) VALUES (?,?)`, h, f.Code); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO fetched_files (repo_key, sha, path, hash) VALUES (?,?,?,?)`, r.Key, r.Commit, f.Path, h); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO fetched (repo_key, sha, full, state, error, attempts, files, skipped) VALUES (?,?,?,?,?,?,?,?)`,
			r.Key, r.Commit, r.Full, state, msg, r.Attempts, len(r.Files), r.Skipped); err != nil {
			return err
		}
		return tx.Commit()
	})
	b.rep.Fetch.Seconds = time.Since(began).Seconds()
	b.rep.Fetch.Attempted = n
	b.rep.Fetch.Resumed = resumed
	return err
}

// selectRecords makes one record per file: for each commit, the code of
// the best source (whole files over functions), one record per path (a
// file's functions joined), C/C++ only, each content once.
func (b *builder) selectRecords(ctx context.Context) error {
	rows, err := b.db.QueryContext(ctx, `SELECT cid, repo_key, sha, path, source, whole, hash FROM items WHERE cid != ''
		ORDER BY cid, CASE source WHEN ? THEN 0 WHEN ? THEN 1 WHEN ? THEN 2 WHEN ? THEN 3 ELSE 4 END, path, id`,
		sourceOrder[0], sourceOrder[1], sourceOrder[2], sourceOrder[3])
	if err != nil {
		return err
	}
	defer rows.Close()
	bt := &batch{db: b.db}
	defer bt.rollback()
	seen := map[string]bool{}
	skip := func(source, reason string) { b.rep.addSkip(source, reason) }
	type item struct {
		cid, key, sha, path, source string
		whole                       bool
		hash                        string
	}
	var (
		curCID, curSource, curPath string
		cur                        []item
	)
	emitCur := func() error {
		if len(cur) == 0 {
			return nil
		}
		g := cur[0]
		var hashes []string
		for i, it := range cur {
			if g.whole && i > 0 {
				if it.hash != g.hash {
					skip(it.source, "another version of a file already in the commit")
				} else {
					skip(it.source, "the same file twice in a commit")
				}
				continue
			}
			if !contains(hashes, it.hash) {
				hashes = append(hashes, it.hash)
			} else {
				skip(it.source, "the same function twice in a file")
			}
		}
		cur = cur[:0]
		return b.emit(ctx, bt, g.cid, g.key, g.sha, g.path, g.source, g.whole, hashes, seen)
	}
	for rows.Next() {
		var it item
		if err := rows.Scan(&it.cid, &it.key, &it.sha, &it.path, &it.source, &it.whole, &it.hash); err != nil {
			return err
		}
		if it.cid != curCID {
			if err := emitCur(); err != nil {
				return err
			}
			curCID, curSource, curPath = it.cid, it.source, ""
		}
		if it.source != curSource {
			// A lower-priority source of a commit already covered.
			if it.whole {
				skip(it.source, "commit held whole by "+curSource)
			} else {
				skip(it.source, "function of a commit held by "+curSource)
			}
			continue
		}
		if !fixes.IsCOrCPP(it.path) {
			skip(it.source, "not C/C++ (by extension)")
			continue
		}
		if it.path != curPath {
			if err := emitCur(); err != nil {
				return err
			}
			curPath = it.path
		}
		cur = append(cur, it)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if err := emitCur(); err != nil {
		return err
	}
	return bt.commit()
}

// emit writes one record: a whole file, or a file's functions joined.
func (b *builder) emit(ctx context.Context, bt *batch, cid, key, sha, path, source string, whole bool, hashes []string, seen map[string]bool) error {
	h := hashes[0]
	if len(hashes) > 1 {
		var parts []string
		for _, x := range hashes {
			var content []byte
			if err := bt.queryRow(ctx, `SELECT content FROM blobs WHERE hash = ?`, x).Scan(&content); err != nil {
				return fmt.Errorf("blob %s: %w", x, err)
			}
			parts = append(parts, strings.TrimRight(string(content), "\n"))
		}
		joined := []byte(strings.Join(parts, "\n\n") + "\n")
		h = hashOf(joined)
		if err := bt.exec(ctx, `INSERT OR IGNORE INTO blobs (hash, content) VALUES (?,?)`, h, joined); err != nil {
			return err
		}
	}
	if seen[h] {
		b.rep.addSkip(source, "duplicate content (the same file in another commit)")
		return nil
	}
	seen[h] = true
	var lines, size int64
	if err := bt.queryRow(ctx, `SELECT length(CAST(content AS BLOB)), length(CAST(content AS BLOB)) - length(replace(CAST(content AS BLOB), x'0a', x'')) FROM blobs WHERE hash = ?`, h).Scan(&size, &lines); err != nil {
		return fmt.Errorf("blob %s: %w", h, err)
	}
	return bt.exec(ctx, `INSERT INTO records (cid, repo_key, sha, path, source, whole, hash, lines, bytes) VALUES (?,?,?,?,?,?,?,?,?)`, cid, key, sha, path, source, whole, h, lines, size)
}

func (bt *batch) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	if bt.tx == nil {
		tx, err := bt.db.BeginTx(ctx, nil)
		if err == nil {
			bt.tx, bt.stmt = tx, map[string]*sql.Stmt{}
		} else {
			return bt.db.QueryRowContext(ctx, q, args...)
		}
	}
	return bt.tx.QueryRowContext(ctx, q, args...)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// split holds out ValidShare of the commits (all of a commit's files on
// one side), drawn with the seed from the commits in sorted order.
func (b *builder) split(ctx context.Context) error {
	rows, err := b.db.QueryContext(ctx, `SELECT DISTINCT cid FROM records ORDER BY cid`)
	if err != nil {
		return err
	}
	var cids []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			rows.Close()
			return err
		}
		cids = append(cids, c)
	}
	rows.Close()
	rng := rand.New(rand.NewPCG(uint64(b.opt.Seed), 0x5ec0c0de))
	rng.Shuffle(len(cids), func(i, j int) { cids[i], cids[j] = cids[j], cids[i] })
	nValid := int(float64(len(cids))*b.opt.ValidShare + 0.5)
	if nValid == 0 && len(cids) >= 2 && b.opt.ValidShare > 0 {
		nValid = 1
	}
	bt := &batch{db: b.db}
	defer bt.rollback()
	for i, c := range cids {
		s := Train
		if i < nValid {
			s = Valid
		}
		if err := bt.exec(ctx, `UPDATE records SET split = ? WHERE cid = ?`, s, c); err != nil {
			return err
		}
	}
	return bt.commit()
}

// The splits.
const (
	Train = "train"
	Valid = "valid"
)

func (b *builder) saveMeta(ctx context.Context) error {
	data, err := b.rep.JSON()
	if err != nil {
		return err
	}
	_, err = b.db.ExecContext(ctx, `INSERT OR REPLACE INTO meta (key, value) VALUES ('report', ?), ('seed', ?), ('built', ?)`,
		string(data), fmt.Sprint(b.opt.Seed), time.Now().UTC().Format(time.RFC3339))
	return err
}

// sizeOf gives the size of a file, or of the files in a folder tree, and
// the latest modification time.
func sizeOf(path string) (int64, string) {
	var size int64
	var latest time.Time
	filepath.WalkDir(path, func(_ string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if fi, err := d.Info(); err == nil {
			size += fi.Size()
			if fi.ModTime().After(latest) {
				latest = fi.ModTime()
			}
		}
		return nil
	})
	if latest.IsZero() {
		return size, ""
	}
	return size, latest.UTC().Format(time.RFC3339)
}
