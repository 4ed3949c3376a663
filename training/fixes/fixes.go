// Package fixes reads the public vulnerability-fix datasets (CVEfixes'
// SQLite database, Big-Vul's CSV, Challande et al.'s per-CVE JSON and
// SVEN-format JSONL) as a stream of fix commits with the code they hold.
package fixes

import (
	"net/url"
	"regexp"
	"strings"
)

// The sources, as they are named in reports and in the index.
const (
	CVEfixes  = "cvefixes"
	BigVul    = "bigvul"
	Challande = "challande"
	SVEN      = "sven"
)

// A Fix is one vulnerability-fixing commit as one record of a source
// gives it, with the post-fix code that record holds (none for sources
// that only name commits).
type Fix struct {
	Source string
	Where  string   // where the record is in its input: file:line, a table row
	CVEs   []string // as written
	CWEs   []string // as written (CWE-787, NVD-CWE-Other, ...)
	Repo   string   // repository URL as written ("" when the source only gives a commit URL)
	URL    string   // commit URL as written, when the source gives one
	Commit string   // commit hash as written (maybe abbreviated)
	Lang   string   // language as the source labels it
	Files  []File
}

// A File is post-fix code: a whole file, or one function of it.
type File struct {
	Path  string
	Code  string
	Whole bool // a whole file (CVEfixes); else one function (Big-Vul, SVEN)
}

// A Problem is bad input a reader skipped: counted and reported, never
// fatal.
type Problem struct {
	Source string
	Where  string // file:line, table and row
	Reason string // short and stable, for counting: "wrong number of fields"
	Detail string // what exactly was wrong
	// Fix is the record as far as it was read, when the record was read
	// but rejected (no commit, no repository): it still counts among the
	// records as written.
	Fix *Fix
}

// Handler receives what a reader reads. Fix may return an error to stop
// the reader (the error is returned); Problem must not block.
type Handler struct {
	Fix     func(Fix) error
	Problem func(Problem)
}

func (h Handler) problem(source, where, reason, detail string) {
	if h.Problem != nil {
		h.Problem(Problem{Source: source, Where: where, Reason: reason, Detail: detail})
	}
}

func (h Handler) rejected(f Fix, reason, detail string) {
	if h.Problem != nil {
		h.Problem(Problem{Source: f.Source, Where: f.Where, Reason: reason, Detail: detail, Fix: &f})
	}
}

// Counts are what a reader saw.
type Counts struct {
	Rows     int64 // records read (rows, lines, files)
	Fixes    int64 // fixes handed on
	Files    int64 // files or functions handed on
	Problems int64 // records skipped as bad input
}

var (
	hexRE       = regexp.MustCompile(`^[0-9a-fA-F]{7,40}$`)
	hexInURLRE  = regexp.MustCompile(`[0-9a-fA-F]{7,40}`)
	gitwebParam = regexp.MustCompile(`[;?&]([pha])=([^;&]+)`)
)

// IsCommitHash reports whether s looks like a full or abbreviated git
// commit hash.
func IsCommitHash(s string) bool { return hexRE.MatchString(s) }

// ParseCommitURL splits a commit URL into its repository URL and commit
// hash. It knows Gitiles (googlesource: REPO/+/HASH), GitHub and GitLab
// (REPO/commit/HASH, REPO/-/commit/HASH), cgit (REPO/commit/?id=HASH) and
// gitweb (?p=REPO;a=commit;h=HASH). ok is false for anything else (a
// mailing-list post, a bug tracker).
func ParseCommitURL(raw string) (repo, commit string, ok bool) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", "", false
	}
	if dec, err := url.PathUnescape(s); err == nil {
		s = dec
	}
	if i := strings.Index(s, "/+/"); i >= 0 {
		if IsReviewURL(s) {
			return "", "", false
		}
		rest := s[i+3:]
		rest = strings.TrimSuffix(strings.TrimSuffix(rest, "^!"), "/")
		if IsCommitHash(rest) {
			return s[:i], strings.ToLower(rest), true
		}
		if m := hexInURLRE.FindString(rest); m != "" && strings.HasPrefix(rest, m) {
			return s[:i], strings.ToLower(m), true
		}
		return "", "", false
	}
	if strings.Contains(s, "a=commit") || strings.Contains(s, "a=commitdiff") {
		var p, h string
		for _, m := range gitwebParam.FindAllStringSubmatch(s, -1) {
			switch m[1] {
			case "p":
				p = m[2]
			case "h":
				h = m[2]
			}
		}
		base := s
		if i := strings.IndexAny(base, "?;"); i >= 0 {
			base = base[:i]
		}
		if p != "" && IsCommitHash(h) {
			u, err := url.Parse(base)
			if err == nil && u.Host != "" {
				return u.Scheme + "://" + u.Host + "/" + strings.TrimPrefix(p, "/"), strings.ToLower(h), true
			}
		}
		return "", "", false
	}
	for _, sep := range []string{"/-/commit/", "/commit/", "/commits/"} {
		i := strings.Index(s, sep)
		if i < 0 {
			continue
		}
		repo, rest := s[:i], s[i+len(sep):]
		if j := strings.IndexAny(rest, "?#"); j >= 0 {
			if id := queryID(rest[j:]); id != "" {
				return repo, id, true
			}
			rest = rest[:j]
		}
		rest = strings.Trim(rest, "/")
		if IsCommitHash(rest) {
			return repo, strings.ToLower(rest), true
		}
		return "", "", false
	}
	return "", "", false
}

// IsReviewURL reports whether a URL is a Gerrit code review change
// (android-review.googlesource.com/c/PROJECT/+/NUMBER), whose number is
// not a commit hash.
func IsReviewURL(u string) bool {
	return strings.Contains(u, "-review.googlesource.com/") || strings.Contains(u, ".googlesource.com/c/")
}

// queryID finds id=HASH in a query string (cgit).
func queryID(q string) string {
	for _, part := range strings.FieldsFunc(q, func(r rune) bool { return r == '?' || r == '&' || r == ';' || r == '#' }) {
		if v, ok := strings.CutPrefix(part, "id="); ok && IsCommitHash(v) {
			return strings.ToLower(v)
		}
	}
	return ""
}

// IsCOrCPP reports whether a file name has a C or C++ extension.
func IsCOrCPP(name string) bool {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return false
	}
	switch strings.ToLower(name[i+1:]) {
	case "c", "h", "cc", "cpp", "cxx", "c++", "hh", "hpp", "hxx", "h++", "inl", "ipp", "tcc":
		return true
	}
	return false
}

// splitList splits a field holding one or several values ("CWE-787",
// "['CWE-787', 'CWE-125']", "CWE-20,CWE-119") leniently.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ';' || r == '[' || r == ']' || r == '\'' || r == '"' || r == ' ' || r == '|'
	}) {
		if f = strings.TrimSpace(f); f != "" && !strings.EqualFold(f, "nan") && !strings.EqualFold(f, "none") {
			out = append(out, f)
		}
	}
	return out
}
