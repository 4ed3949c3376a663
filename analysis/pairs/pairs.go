// Package pairs measures analyzers on vulnerable/fixed pairs of functions
// in SVEN's JSONL format: every record holds one function before and after
// a real fix. Each analyzer judges both versions; per CWE the report counts
// the versions flagged before, flagged after, and the differential (flagged
// before with the right CWE and not after), the analyzers side by side.
// The right CWE is the judge's: the pair's own or a more specific one.
package pairs

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"securecomplete/analysis"
	"securecomplete/analysis/judge"
)

// Record is one line of a SVEN-format file; other fields are ignored.
type Record struct {
	FuncName string `json:"func_name"`
	Before   string `json:"func_src_before"`
	After    string `json:"func_src_after"`
	VulType  string `json:"vul_type"`
	FileName string `json:"file_name"`
}

// Pair is a C or C++ record ready to judge.
type Pair struct {
	Name   string       // source name and line of the record, "cwe-078.jsonl:12"
	CWE    analysis.CWE // canonical, "CWE-78"
	Lang   analysis.Lang
	Before analysis.File
	After  analysis.File
}

// Read reads the records of one JSONL stream named name and keeps the C
// and C++ ones (by the extension of file_name); skipped counts the others.
func Read(r io.Reader, name string) (ps []Pair, skipped int, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var rec Record
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, 0, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		lang, ok := analysis.LangOf(rec.FileName)
		if !ok {
			skipped++
			continue
		}
		cwe, ok := analysis.ParseCWE(rec.VulType)
		if !ok {
			return nil, 0, fmt.Errorf("%s:%d: vul_type %q is not a CWE", name, line, rec.VulType)
		}
		ext := path.Ext(rec.FileName)
		id := fmt.Sprintf("%s/%d", strings.TrimSuffix(path.Base(name), path.Ext(name)), line)
		ps = append(ps, Pair{
			Name:   fmt.Sprintf("%s:%d", path.Base(name), line),
			CWE:    cwe,
			Lang:   lang,
			Before: analysis.File{Path: id + "/before" + ext, Lang: lang, Src: []byte(rec.Before)},
			After:  analysis.File{Path: id + "/after" + ext, Lang: lang, Src: []byte(rec.After)},
		})
	}
	if err := sc.Err(); err != nil {
		return nil, 0, fmt.Errorf("%s: %w", name, err)
	}
	return ps, skipped, nil
}

// Counts are one analyzer's figures on one CWE's pairs.
type Counts struct {
	Pairs        int `json:"pairs"`
	Before       int `json:"flagged_before"` // vulnerable versions flagged with the pair's CWE
	After        int `json:"flagged_after"`  // fixed versions flagged with the pair's CWE
	Differential int `json:"differential"`   // flagged before and not after
}

// Row is one CWE with the counts of every analyzer, in the order run.
type Row struct {
	CWE    analysis.CWE `json:"cwe"`
	Counts []Counts     `json:"counts"`
}

// Report is the measurement of some analyzers over pairs.
type Report struct {
	Analyzers   []string          `json:"analyzers"`
	Unavailable map[string]string `json:"unavailable,omitempty"` // analyzer -> why it did not run
	Rows        []Row             `json:"rows"`
	Total       Row               `json:"total"`
}

// Measure judges both versions of every pair with each analyzer. An
// analyzer that is not available is reported and counted as flagging
// nothing; one whose run fails as a whole is an error.
func Measure(ctx context.Context, ps []Pair, analyzers []analysis.Analyzer) (Report, error) {
	rep := Report{Unavailable: map[string]string{}}
	files := make([]analysis.File, 0, 2*len(ps))
	for _, p := range ps {
		files = append(files, p.Before, p.After)
	}
	byCWE := map[analysis.CWE]*Row{}
	var order []analysis.CWE
	for _, p := range ps {
		if byCWE[p.CWE] == nil {
			byCWE[p.CWE] = &Row{CWE: p.CWE, Counts: make([]Counts, len(analyzers))}
			order = append(order, p.CWE)
		}
	}
	rep.Total = Row{CWE: "all", Counts: make([]Counts, len(analyzers))}
	for k, a := range analyzers {
		rep.Analyzers = append(rep.Analyzers, a.Name())
		found := map[string][]analysis.CWE{} // path -> CWEs found
		if err := a.Available(ctx); err != nil {
			rep.Unavailable[a.Name()] = err.Error()
		} else {
			fs, err := a.Analyze(ctx, files)
			var fe analysis.FileErrors
			if err != nil && !errors.As(err, &fe) {
				return Report{}, fmt.Errorf("%s: %w", a.Name(), err)
			}
			// Files the tool could not analyze (a fragment that does not
			// compile, say) count as not flagged.
			for _, f := range fs {
				found[f.File] = append(found[f.File], f.CWE)
			}
		}
		for _, p := range ps {
			b, af := flags(found[p.Before.Path], p.CWE), flags(found[p.After.Path], p.CWE)
			for _, c := range []*Counts{&byCWE[p.CWE].Counts[k], &rep.Total.Counts[k]} {
				c.Pairs++
				if b {
					c.Before++
				}
				if af {
					c.After++
				}
				if b && !af {
					c.Differential++
				}
			}
		}
	}
	sort.Slice(order, func(i, j int) bool { return order[i].Number() < order[j].Number() })
	for _, c := range order {
		rep.Rows = append(rep.Rows, *byCWE[c])
	}
	return rep, nil
}

// flags reports whether a finding of one of cwes counts for want, by the
// judge's rule (the CWE itself or a more specific one: a tool's CWE-121
// counts for CWE-787).
func flags(cwes []analysis.CWE, want analysis.CWE) bool {
	for _, c := range cwes {
		if judge.Accepts(want, c) {
			return true
		}
	}
	return false
}

// WriteText prints the report as a table: per CWE, for each analyzer,
// flagged before / flagged after / differential.
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-8s %5s", "cwe", "pairs")
	for _, a := range r.Analyzers {
		fmt.Fprintf(&b, "  %-20s", a+" bef/aft/diff")
	}
	trimEnd(&b)
	b.WriteString("\n")
	for _, row := range append(append([]Row(nil), r.Rows...), r.Total) {
		n := 0
		if len(row.Counts) > 0 {
			n = row.Counts[0].Pairs
		}
		fmt.Fprintf(&b, "%-8s %5d", row.CWE, n)
		for _, c := range row.Counts {
			fmt.Fprintf(&b, "  %-20s", fmt.Sprintf("%d/%d/%d", c.Before, c.After, c.Differential))
		}
		trimEnd(&b)
		b.WriteString("\n")
	}
	names := make([]string, 0, len(r.Unavailable))
	for n := range r.Unavailable {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(&b, "%s not run: %s\n", n, r.Unavailable[n])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// trimEnd drops the padding after a table's last column.
func trimEnd(b *strings.Builder) {
	s := strings.TrimRight(b.String(), " ")
	b.Reset()
	b.WriteString(s)
}
