package dataset

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
)

// Report is what a build read, kept, skipped and why: Table 1 of the
// paper, the fix commits per CWE (a column of its Table 3), the files and
// lines of the dataset.
type Report struct {
	Index          string         `json:"index"`
	Seed           int64          `json:"seed"`
	ValidShare     float64        `json:"valid_share"`
	Seconds        float64        `json:"seconds"`
	Inputs         []InputInfo    `json:"inputs"`
	AsWritten      []AsWritten    `json:"as_written"`
	Table1         []SourceCounts `json:"table1"`
	Overlaps       []Overlap      `json:"overlaps"`
	CWEs           []CWECount     `json:"cwes"`
	Files          []FileCounts   `json:"files"`
	Fetch          FetchCounts    `json:"fetch"`
	Skipped        []Skip         `json:"skipped"`
	AbbrevResolved int            `json:"abbreviated_hashes_resolved"`
	Notes          []string       `json:"notes,omitempty"`
	skipIdx        map[[2]string]int
}

// InputInfo is one input and how its reader did.
type InputInfo struct {
	Source        string  `json:"source"`
	Path          string  `json:"path"`
	Bytes         int64   `json:"bytes"`
	Modified      string  `json:"modified,omitempty"`
	Rows          int64   `json:"rows"`
	Fixes         int64   `json:"fixes"`
	Files         int64   `json:"files"`
	Problems      int64   `json:"problems"`
	CCode         int     `json:"c_cpp_files_or_functions"` // of Files, those with a C/C++ extension
	Seconds       float64 `json:"seconds"`
	RowsPerSecond float64 `json:"rows_per_second"`
}

// AsWritten counts a source's records as written, before normalisation.
type AsWritten struct {
	Source     string `json:"source"`
	Records    int    `json:"records"`      // fix entries (Challande), rows
	Rejected   int    `json:"rejected"`     // records naming no commit or repository
	CVEs       int    `json:"cves"`         // distinct CVE ids as written
	Prefixes   int    `json:"prefixes"`     // distinct repository prefixes (patchUrl before /+/, else the URL)
	URLPrefix  int    `json:"url_prefixes"` // of them, whole commit URLs (no /+/)
	CommitRefs int    `json:"commit_refs"`  // distinct (prefix, commit) as written
}

// SourceCounts is one row of Table 1.
type SourceCounts struct {
	Source   string `json:"source"` // or "combined"
	CVEs     int    `json:"cves"`
	Commits  int    `json:"commits"`
	Projects int    `json:"projects"`
	// With files: commits of this source that have records in the
	// dataset (from any source), and those records.
	CommitsWithFiles int `json:"commits_with_files"`
}

// Overlap counts what two sources share.
type Overlap struct {
	A, B     string
	CVEs     int `json:"cves"`
	Commits  int `json:"commits"`
	Projects int `json:"projects"`
}

// CWECount is one CWE's fix commits and their files in the dataset.
type CWECount struct {
	CWE              string `json:"cwe"`
	Commits          int    `json:"commits"`
	CCode            int    `json:"c_cpp_code_read"` // C/C++ files or functions the sources hold for them, before dedupe
	CommitsWithFiles int    `json:"commits_with_files"`
	Files            int    `json:"files"`
	Lines            int64  `json:"lines"`
}

// FileCounts counts records by split and source.
type FileCounts struct {
	Split   string `json:"split"`
	Source  string `json:"source"`
	Commits int    `json:"commits"`
	Files   int    `json:"files"`
	Lines   int64  `json:"lines"`
	Bytes   int64  `json:"bytes"`
}

// FetchCounts is what the fetcher did for this run's commits.
type FetchCounts struct {
	Wanted    int      `json:"wanted"`    // commits no source holds whole
	OK        int      `json:"ok"`        // fetched (this run or an earlier one)
	Failed    int      `json:"failed"`    // permanent failures
	Retry     int      `json:"retry"`     // transient failures left for the next run
	NotTried  int      `json:"not_tried"` // no fetch was asked for
	Attempted int      `json:"attempted"` // in this run
	Resumed   int      `json:"resumed"`   // done by an earlier run
	Files     int      `json:"files"`
	Seconds   float64  `json:"seconds"`
	Errors    []Reason `json:"errors"`
}

// Reason is a count of one kind of failure, with an example.
type Reason struct {
	Reason  string `json:"reason"`
	Count   int    `json:"count"`
	Example string `json:"example"`
}

// Skip is a count of records or files left out, by source and why.
type Skip struct {
	Source  string `json:"source"`
	Reason  string `json:"reason"`
	Count   int    `json:"count"`
	Example string `json:"example,omitempty"` // where the first one was
}

func (r *Report) addSkip(source, reason string) { r.addSkipAt(source, reason, "", 1) }

func (r *Report) addSkipAt(source, reason, where string, n int) {
	if r.skipIdx == nil {
		r.skipIdx = map[[2]string]int{}
	}
	k := [2]string{source, reason}
	i, ok := r.skipIdx[k]
	if !ok {
		i = len(r.Skipped)
		r.skipIdx[k] = i
		r.Skipped = append(r.Skipped, Skip{Source: source, Reason: reason, Example: where})
	}
	r.Skipped[i].Count += n
}

// JSON renders the report.
func (r *Report) JSON() ([]byte, error) { return json.MarshalIndent(r, "", "  ") }

func (b *builder) count(ctx context.Context) error {
	r := b.rep
	one := func(q string, args ...any) int {
		var n int
		b.db.QueryRowContext(ctx, q, args...).Scan(&n)
		return n
	}
	var sources []string
	for _, in := range r.Inputs {
		sources = append(sources, in.Source)
	}
	for i := range r.Inputs {
		r.Inputs[i].CCode = one(`SELECT count(*) FROM items WHERE source = ? AND cc = 1`, r.Inputs[i].Source)
	}
	for _, s := range sources {
		aw := AsWritten{Source: s}
		b.db.QueryRowContext(ctx, `SELECT count(DISTINCT rec), count(DISTINCT CASE WHEN ok = 0 THEN rec END),
			count(DISTINCT nullif(cve_raw, '')), count(DISTINCT prefix_raw),
			count(DISTINCT CASE WHEN url_raw != '' AND instr(url_raw, '/+/') = 0 THEN prefix_raw END),
			count(DISTINCT prefix_raw || '|' || sha_raw) FROM refs WHERE source = ?`, s).
			Scan(&aw.Records, &aw.Rejected, &aw.CVEs, &aw.Prefixes, &aw.URLPrefix, &aw.CommitRefs)
		r.AsWritten = append(r.AsWritten, aw)
	}
	withFiles := `SELECT count(DISTINCT r.cid) FROM refs r WHERE r.ok = 1 AND r.source LIKE ? AND EXISTS (SELECT 1 FROM records d WHERE d.cid = r.cid)`
	for _, s := range append(append([]string{}, sources...), "combined") {
		like := s
		if s == "combined" {
			like = "%"
		}
		sc := SourceCounts{Source: s}
		b.db.QueryRowContext(ctx, `SELECT count(DISTINCT nullif(cve, '')), count(DISTINCT cid), count(DISTINCT repo_key) FROM refs WHERE ok = 1 AND source LIKE ?`, like).
			Scan(&sc.CVEs, &sc.Commits, &sc.Projects)
		sc.CommitsWithFiles = one(withFiles, like)
		r.Table1 = append(r.Table1, sc)
	}
	for i := range sources {
		for j := i + 1; j < len(sources); j++ {
			a, c := sources[i], sources[j]
			o := Overlap{A: a, B: c}
			inter := func(col string) int {
				return one(`SELECT count(*) FROM (SELECT `+col+` FROM refs WHERE ok = 1 AND source = ? AND `+col+` != '' INTERSECT SELECT `+col+` FROM refs WHERE ok = 1 AND source = ? AND `+col+` != '')`, a, c)
			}
			o.CVEs, o.Commits, o.Projects = inter("cve"), inter("cid"), inter("repo_key")
			r.Overlaps = append(r.Overlaps, o)
		}
	}
	rows, err := b.db.QueryContext(ctx, `WITH cc AS (
			SELECT cid, cwe FROM cwes WHERE cid != ''
			UNION SELECT r.cid, c.cwe FROM refs r JOIN cwes c ON c.cve = r.cve WHERE r.ok = 1 AND r.cve != ''),
		all_c AS (SELECT DISTINCT cid FROM refs WHERE ok = 1),
		tagged AS (SELECT a.cid, coalesce(cc.cwe, 'no CWE') AS cwe FROM all_c a LEFT JOIN cc ON cc.cid = a.cid),
		rc AS (SELECT cid, count(*) AS n, sum(lines) AS l FROM records GROUP BY cid),
		ic AS (SELECT cid, count(*) AS n FROM items WHERE cc = 1 GROUP BY cid)
		SELECT t.cwe, count(DISTINCT t.cid), coalesce(sum(ic.n), 0), count(DISTINCT rc.cid), coalesce(sum(rc.n), 0), coalesce(sum(rc.l), 0)
		FROM tagged t LEFT JOIN rc ON rc.cid = t.cid LEFT JOIN ic ON ic.cid = t.cid GROUP BY t.cwe ORDER BY 2 DESC, 1`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var c CWECount
		if err := rows.Scan(&c.CWE, &c.Commits, &c.CCode, &c.CommitsWithFiles, &c.Files, &c.Lines); err != nil {
			rows.Close()
			return err
		}
		r.CWEs = append(r.CWEs, c)
	}
	rows.Close()
	rows, err = b.db.QueryContext(ctx, `SELECT split, source, count(DISTINCT cid), count(*), sum(lines), sum(bytes) FROM records GROUP BY split, source
		UNION ALL SELECT split, 'all', count(DISTINCT cid), count(*), sum(lines), sum(bytes) FROM records GROUP BY split
		UNION ALL SELECT 'all', 'all', count(DISTINCT cid), count(*), coalesce(sum(lines), 0), coalesce(sum(bytes), 0) FROM records ORDER BY 1, 2`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var f FileCounts
		if err := rows.Scan(&f.Split, &f.Source, &f.Commits, &f.Files, &f.Lines, &f.Bytes); err != nil {
			rows.Close()
			return err
		}
		r.Files = append(r.Files, f)
	}
	rows.Close()
	if err := b.countFetch(ctx); err != nil {
		return err
	}
	// Problems the readers reported, by reason, with the first place.
	rows, err = b.db.QueryContext(ctx, `SELECT source, reason, count(*), min(loc) FROM problems GROUP BY source, reason ORDER BY source, count(*) DESC`)
	if err != nil {
		return err
	}
	var probs []Skip
	for rows.Next() {
		var s Skip
		if err := rows.Scan(&s.Source, &s.Reason, &s.Count, &s.Example); err != nil {
			rows.Close()
			return err
		}
		probs = append(probs, s)
	}
	rows.Close()
	r.Skipped = append(probs, r.Skipped...)
	r.notes()
	return nil
}

var urlRE = regexp.MustCompile(`(https?|file)://[^\s'"]+|'[^']*'`)

// errorClass shortens a fetch error to its kind.
func errorClass(msg string) string {
	l := strings.ToLower(msg)
	switch {
	case strings.Contains(l, "is unreachable (not retried)"):
		return "host unreachable: failed earlier in the run, not tried again"
	case strings.Contains(l, "could not resolve host"):
		return "host does not resolve"
	case strings.Contains(l, "connection refused") || strings.Contains(l, "couldn't connect"):
		return "connection refused"
	case strings.Contains(l, "not found in"):
		return "commit not in the repository"
	case strings.Contains(l, "terminal prompts disabled") || strings.Contains(l, "authentication") || strings.Contains(l, "username"):
		return "repository needs credentials"
	}
	s := urlRE.ReplaceAllString(msg, "…")
	if len(s) > 100 {
		s = s[:100]
	}
	return s
}

func (b *builder) countFetch(ctx context.Context) error {
	f := &b.rep.Fetch
	rows, err := b.db.QueryContext(ctx, `SELECT w.cid, f.state, f.error, f.files, w.repo_key FROM
		(SELECT cid, min(repo_key) AS repo_key, min(sha) AS sha FROM refs r WHERE ok = 1 AND `+wantFetch+` GROUP BY cid) w
		LEFT JOIN fetched f ON f.repo_key = w.repo_key AND f.sha = w.sha`, SourceGit)
	if err != nil {
		return err
	}
	defer rows.Close()
	idx := map[string]int{}
	for rows.Next() {
		var cid, key string
		var state, msg *string
		var files *int
		if err := rows.Scan(&cid, &state, &msg, &files, &key); err != nil {
			return err
		}
		f.Wanted++
		switch {
		case state == nil:
			f.NotTried++
			continue
		case *state == "ok":
			f.OK++
			f.Files += *files
			continue
		case *state == "failed":
			f.Failed++
		default:
			f.Retry++
		}
		c := errorClass(*msg)
		i, ok := idx[c]
		if !ok {
			i = len(f.Errors)
			idx[c] = i
			f.Errors = append(f.Errors, Reason{Reason: c, Example: key + ": " + *msg})
		}
		f.Errors[i].Count++
	}
	sort.SliceStable(f.Errors, func(i, j int) bool { return f.Errors[i].Count > f.Errors[j].Count })
	return rows.Err()
}

// notes explain the difference between the counts as written and after
// normalisation.
func (r *Report) notes() {
	for _, aw := range r.AsWritten {
		var t SourceCounts
		for _, s := range r.Table1 {
			if s.Source == aw.Source {
				t = s
			}
		}
		if aw.Source != "" && (aw.Prefixes != t.Projects || aw.CommitRefs != t.Commits) {
			var parts []string
			if aw.Rejected > 0 {
				parts = append(parts, fmt.Sprintf("%d of its %d records name no commit a git host serves (a mailing-list post, a bug tracker, a review page) and are left out (see skipped)", aw.Rejected, aw.Records))
			}
			if aw.CVEs != t.CVEs {
				parts = append(parts, fmt.Sprintf("%d CVEs as written, %d with a usable commit", aw.CVEs, t.CVEs))
			}
			if aw.URLPrefix > 0 {
				parts = append(parts, fmt.Sprintf("%d of the %d repository prefixes as written are whole commit URLs (cgit, GitHub, GitLab: no \"/+/\"), one per commit rather than one per repository", aw.URLPrefix, aw.Prefixes))
			}
			parts = append(parts, fmt.Sprintf("normalising the URLs (scheme, case, \".git\", %%-escapes, cgit paths, googlesource and GitHub mirrors) leaves %d repositories", t.Projects))
			parts = append(parts, fmt.Sprintf("the %d (repository, commit) pairs as written are %d distinct commits once abbreviated hashes are resolved and a commit named by several CVEs or under several URLs counts once", aw.CommitRefs, t.Commits))
			r.Notes = append(r.Notes, aw.Source+": "+strings.Join(parts, "; ")+".")
		}
	}
}

// Markdown prints the report as Markdown tables.
func (r *Report) Markdown(w io.Writer) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("# Fix dataset\n\nindex %s, seed %d, %.0f %% of commits held out for validation, built in %.1f s\n\n", r.Index, r.Seed, 100*r.ValidShare, r.Seconds)
	p("## Inputs\n\n| source | path | MB | records | fixes | files/functions | of them C/C++ | problems | s | records/s |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, in := range r.Inputs {
		p("| %s | %s | %.1f | %d | %d | %d | %d | %d | %.2f | %.0f |\n", in.Source, in.Path, float64(in.Bytes)/1e6, in.Rows, in.Fixes, in.Files, in.CCode, in.Problems, in.Seconds, in.RowsPerSecond)
	}
	p("\n## As written and after normalisation\n\n| source | records | rejected | CVEs as written | repository prefixes as written | (repository, commit) as written | CVEs | repositories | commits |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, aw := range r.AsWritten {
		t := r.row(aw.Source)
		p("| %s | %d | %d | %d | %d | %d | %d | %d | %d |\n", aw.Source, aw.Records, aw.Rejected, aw.CVEs, aw.Prefixes, aw.CommitRefs, t.CVEs, t.Projects, t.Commits)
	}
	for _, n := range r.Notes {
		p("\n- %s", n)
	}
	if r.AbbrevResolved > 0 {
		p("\n- %d abbreviated hashes resolved to the full hash of the same repository.", r.AbbrevResolved)
	}
	p("\n\n## Table 1\n\n| source | CVEs | commits | projects | commits with C/C++ files in the set |\n|---|---:|---:|---:|---:|\n")
	for _, t := range r.Table1 {
		p("| %s | %d | %d | %d | %d |\n", t.Source, t.CVEs, t.Commits, t.Projects, t.CommitsWithFiles)
	}
	if len(r.Overlaps) > 0 {
		p("\nOverlaps (shared between two sources):\n\n| sources | CVEs | commits | projects |\n|---|---:|---:|---:|\n")
		for _, o := range r.Overlaps {
			p("| %s & %s | %d | %d | %d |\n", o.A, o.B, o.CVEs, o.Commits, o.Projects)
		}
	}
	p("\n## Fix commits per CWE\n\n| CWE | fix commits | C/C++ files or functions read | commits with files in the set | files | lines |\n|---|---:|---:|---:|---:|---:|\n")
	for _, c := range r.CWEs {
		p("| %s | %d | %d | %d | %d | %d |\n", c.CWE, c.Commits, c.CCode, c.CommitsWithFiles, c.Files, c.Lines)
	}
	p("\n## Files and lines\n\n| split | source | commits | files | lines | MB |\n|---|---|---:|---:|---:|---:|\n")
	for _, f := range r.Files {
		p("| %s | %s | %d | %d | %d | %.2f |\n", f.Split, f.Source, f.Commits, f.Files, f.Lines, float64(f.Bytes)/1e6)
	}
	fc := r.Fetch
	p("\n## Fetched from git\n\n%d commits held whole by no source: %d fetched (%d files), %d failed, %d to retry, %d not tried; %d attempted in this run (%.1f s), %d done earlier.\n",
		fc.Wanted, fc.OK, fc.Files, fc.Failed, fc.Retry, fc.NotTried, fc.Attempted, fc.Seconds, fc.Resumed)
	if len(fc.Errors) > 0 {
		p("\n| failure | commits | example |\n|---|---:|---|\n")
		for _, e := range fc.Errors {
			p("| %s | %d | %s |\n", e.Reason, e.Count, mdCell(e.Example))
		}
	}
	p("\n## Skipped\n\n| source | why | count | first at |\n|---|---|---:|---|\n")
	for _, s := range r.Skipped {
		p("| %s | %s | %d | %s |\n", s.Source, s.Reason, s.Count, mdCell(s.Example))
	}
}

func mdCell(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "|", "\\|"), "\n", " ")
	if len(s) > 160 {
		s = s[:160] + "…"
	}
	return s
}

func (r *Report) row(source string) SourceCounts {
	for _, t := range r.Table1 {
		if t.Source == source {
			return t
		}
	}
	return SourceCounts{}
}
