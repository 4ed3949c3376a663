package fetch

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// BenchmarkFetchLocal measures the fetcher on local repositories served
// over file://: 8 repositories of 20 commits, each commit changing 3 of
// 10 C files, all 20 commits read from each (clone included).
func BenchmarkFetchLocal(b *testing.B) {
	var jobs []Job
	for r := range 8 {
		var steps []map[string]string
		for c := range 20 {
			files := map[string]string{}
			for f := range 3 {
				files[fmt.Sprintf("src/f%d.c", (c+f*3)%10)] = fmt.Sprintf("int f_%d_%d_%d(void) { return %d; }\n", r, c, f, c)
			}
			steps = append(steps, files)
		}
		rp := makeRepo(b, steps...)
		jobs = append(jobs, Job{Key: fmt.Sprintf("local/%d", r), URL: "file://" + rp.bare, Commits: rp.commits})
	}
	b.ResetTimer()
	commits, files := 0, 0
	began := time.Now()
	for range b.N {
		err := Run(context.Background(), Options{Cache: b.TempDir(), Parallel: 4, Keep: isC}, jobs, func(r Result) error {
			if r.Err != nil {
				return r.Err
			}
			commits++
			files += len(r.Files)
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	d := time.Since(began).Seconds()
	b.ReportMetric(float64(commits)/d, "commits/s")
	b.ReportMetric(float64(files)/d, "files/s")
	b.ReportMetric(float64(len(jobs)*b.N)/d, "repos/s")
}
