package fixes

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// challandeRecord is one per-CVE file of Challande et al. Fields are
// decoded loosely: a string where a list was expected, a number where a
// string was.
type challandeRecord struct {
	CVE      json.RawMessage `json:"cveId"`
	Language json.RawMessage `json:"language"`
	Fixes    json.RawMessage `json:"fixes"`
}

type challandeFix struct {
	CommitID json.RawMessage `json:"commitId"`
	PatchURL json.RawMessage `json:"patchUrl"`
}

// ChallandeDir returns the folder holding the per-CVE JSON files: dir
// itself, or its cves/ folder.
func ChallandeDir(dir string) string {
	if fi, err := os.Stat(filepath.Join(dir, "cves")); err == nil && fi.IsDir() {
		return filepath.Join(dir, "cves")
	}
	return dir
}

// ReadChallande reads the per-CVE JSON files of Challande et al. (dir is
// the dataset folder or its cves/ folder) in name order: one Fix per entry
// of fixes, with no files (the files come from the git fetcher). The
// repository is the part of patchUrl before "/+/", or the repository of a
// commit URL. A file that is not JSON, an entry with no commit, or one
// whose URL names no repository is reported.
func ReadChallande(ctx context.Context, dir string, h Handler) (Counts, error) {
	var c Counts
	reject := func(f Fix, reason, detail string) {
		c.Problems++
		h.rejected(f, reason, detail)
	}
	bad := func(where, reason, detail string) {
		c.Problems++
		h.problem(Challande, where, reason, detail)
	}
	dir = ChallandeDir(dir)
	entries, err := os.ReadDir(dir)
	if err != nil {
		bad(dir, "cannot open", err.Error())
		return c, nil
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(strings.ToLower(e.Name()), ".json") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		bad(dir, "no JSON files", "no *.json file: want the dataset folder or its cves/ folder")
	}
	for _, name := range names {
		if err := ctx.Err(); err != nil {
			return c, err
		}
		path := filepath.Join(dir, name)
		c.Rows++
		data, err := os.ReadFile(path)
		if err != nil {
			bad(path, "cannot read", err.Error())
			continue
		}
		var rec challandeRecord
		if err := json.Unmarshal(data, &rec); err != nil {
			bad(path, "not JSON", err.Error())
			continue
		}
		cve := looseString(rec.CVE)
		if cve == "" {
			cve = strings.TrimSuffix(name, filepath.Ext(name))
		}
		var fixes []challandeFix
		if err := json.Unmarshal(rec.Fixes, &fixes); err != nil || len(fixes) == 0 {
			bad(path, "no fixes", "the fixes field is missing or not a list of {commitId, patchUrl}")
			continue
		}
		for i, fx := range fixes {
			where := fmt.Sprintf("%s: fixes[%d]", path, i)
			f := Fix{Source: Challande, Where: where, CVEs: []string{cve}, Lang: looseString(rec.Language),
				URL: looseString(fx.PatchURL), Commit: looseString(fx.CommitID)}
			if i := strings.Index(f.URL, "/+/"); i >= 0 {
				f.Repo = f.URL[:i]
			}
			if repo, commit, ok := ParseCommitURL(f.URL); ok {
				if f.Repo == "" {
					f.Repo = repo
				}
				if f.Commit == "" {
					f.Commit = commit
				}
			}
			switch {
			case IsReviewURL(f.URL) && len(f.Commit) != 40:
				reject(f, "code review change, not a commit", fmt.Sprintf("patchUrl %q is a Gerrit change; %q is its number", f.URL, f.Commit))
				continue
			case f.Commit == "":
				reject(f, "no commit", fmt.Sprintf("commitId is empty and patchUrl %q names no commit", f.URL))
				continue
			case f.Repo == "":
				reject(f, "no repository", fmt.Sprintf("patchUrl %q is not a commit URL", f.URL))
				continue
			}
			c.Fixes++
			if err := h.Fix(f); err != nil {
				return c, err
			}
		}
	}
	return c, nil
}

// looseString reads a JSON value as a string: a string, a number or a
// bool as written, the first element of a list, "" for null or missing.
func looseString(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) == nil {
		if len(list) > 0 {
			return looseString(list[0])
		}
		return ""
	}
	t := strings.TrimSpace(string(raw))
	if t == "null" {
		return ""
	}
	return t
}
