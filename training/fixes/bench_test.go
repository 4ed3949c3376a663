package fixes

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"securecomplete/training/fixes/fixestest"
)

// benchSizes are the input sizes to measure, in MB: FIXES_BENCH_MB
// (comma-separated), default 10. Run one size per process to read its
// own peak RSS: go test -run - -bench 'Readers/bigvul/100MB' ./training/fixes
func benchSizes() []int {
	s := os.Getenv("FIXES_BENCH_MB")
	if s == "" {
		s = "10"
	}
	var out []int
	for _, f := range strings.Split(s, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	return out
}

// benchDir caches generated inputs across runs.
func benchDir(b *testing.B) string {
	d := filepath.Join(os.TempDir(), "securecomplete-fixes-bench")
	if err := os.MkdirAll(d, 0o755); err != nil {
		b.Fatal(err)
	}
	return d
}

// genCVEfixes writes a CVEfixes-schema database of about mb MB: commits
// of three files, each with its code before and after and a diff.
func genCVEfixes(b *testing.B, path string, mb int) {
	if _, err := os.Stat(path); err == nil {
		return
	}
	ctx := context.Background()
	tmp := path + ".partial"
	os.Remove(tmp)
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: tmp}).EscapedPath()+"?_pragma=synchronous(OFF)&_pragma=journal_mode(OFF)")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, fixestest.CVEfixesSchema); err != nil {
		b.Fatal(err)
	}
	tx, _ := db.Begin()
	code := fixestest.Function(0, 3000)
	rowBytes := 3*len(code) + 200
	rows := mb << 20 / rowBytes
	for i := 0; i < rows; i++ {
		c := i / 3
		h := fixestest.Hash(c)
		if i%3 == 0 {
			cve := fmt.Sprintf("CVE-%d-%05d", 2010+c%12, c)
			tx.Exec(`INSERT INTO fixes VALUES (?,?,?)`, cve, h, fmt.Sprintf("https://github.com/o%d/p%d", c%500, c%700))
			tx.Exec(`INSERT INTO cwe_classification VALUES (?,?)`, cve, fmt.Sprintf("CWE-%d", []int{787, 125, 416, 476, 190, 20}[c%6]))
		}
		tx.Exec(`INSERT INTO file_change (file_change_id, hash, filename, new_path, change_type, diff, code_after, code_before, programming_language) VALUES (?,?,?,?,?,?,?,?,?)`,
			i, h, fmt.Sprintf("f%d.c", i), fmt.Sprintf("src/f%d.c", i), "ModificationType.MODIFY", code, fmt.Sprintf("/* %d */\n%s", i, code), code, "C")
		if i%5000 == 4999 {
			tx.Commit()
			tx, _ = db.Begin()
		}
	}
	tx.Commit()
	db.Close()
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
}

// genBigVul writes a Big-Vul-format CSV of about mb MB, latin-1 bytes and
// one row in 100 cut short.
func genBigVul(b *testing.B, path string, mb int) {
	if _, err := os.Stat(path); err == nil {
		return
	}
	tmp := path + ".partial"
	f, err := os.Create(tmp)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(fixestest.BigVulHeader + "\n")
	fn := fixestest.Function(0, 1500) + "/* caf\xe9 */"
	for i, n := 0, 0; n < mb<<20; i++ {
		var line string
		if i%100 == 99 {
			line = fmt.Sprintf("%d,,,CVE-2017-%d,cut\n", i, i)
		} else {
			h := fixestest.Hash(i / 4)
			line = fixestest.BigVulLine(i, fixestest.BigVulRow{CVE: fmt.Sprintf("CVE-2017-%05d", i/4), CWE: "CWE-119",
				Link: fmt.Sprintf("https://github.com/o%d/p/commit/%s", i%300, h), Commit: h, File: "x.c", After: fn, Vul: i%2 == 0})
		}
		n += len(line)
		w.WriteString(line)
	}
	w.Flush()
	f.Close()
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
}

func peakRSSMB() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Maxrss) / 1024 // kilobytes on Linux
}

// BenchmarkReaders measures rows a second and peak RSS of each reader on
// generated inputs of growing size.
func BenchmarkReaders(b *testing.B) {
	for _, mb := range benchSizes() {
		for _, r := range []struct {
			name string
			gen  func(*testing.B, string, int)
			read func(context.Context, string, Handler) (Counts, error)
			ext  string
		}{
			{CVEfixes, genCVEfixes, ReadCVEfixes, "db"},
			{BigVul, genBigVul, ReadBigVul, "csv"},
		} {
			b.Run(fmt.Sprintf("%s/%dMB", r.name, mb), func(b *testing.B) {
				path := filepath.Join(benchDir(b), fmt.Sprintf("%s-%dMB.%s", r.name, mb, r.ext))
				r.gen(b, path, mb)
				fi, _ := os.Stat(path)
				b.SetBytes(fi.Size())
				b.ResetTimer()
				var c Counts
				began := time.Now()
				for range b.N {
					var err error
					var bytesSeen int64
					c, err = r.read(context.Background(), path, Handler{
						Fix: func(f Fix) error {
							for _, fl := range f.Files {
								bytesSeen += int64(len(fl.Code))
							}
							return nil
						},
						Problem: func(Problem) {},
					})
					if err != nil {
						b.Fatal(err)
					}
				}
				d := time.Since(began).Seconds() / float64(b.N)
				b.ReportMetric(float64(c.Rows)/d, "rows/s")
				b.ReportMetric(float64(c.Problems), "problems")
				b.ReportMetric(peakRSSMB(), "peakRSS-MB")
			})
		}
	}
}
