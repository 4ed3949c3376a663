package bench

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"securecomplete/eval/store"
	"securecomplete/eval/verdictcache"
)

// verdictsOf returns the verdicts a store holds, without the timings.
func verdictsOf(t *testing.T, st *store.Store, r *Runner) map[store.Key]store.Verdict {
	t.Helper()
	vs, err := st.Verdicts(context.Background(), r.Judge.Spec())
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range vs {
		v.JudgeTime, v.CompileTime = 0, 0
		vs[k] = v
	}
	return vs
}

// TestGenerateAndJudgeMatchesTheTwoPhases checks that judging samples as
// they arrive, with a verdict cache shared by two runs, stores the
// verdicts that generating and then judging without a cache stores; and
// that the second run finds every program in the cache.
func TestGenerateAndJudgeMatchesTheTwoPhases(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, 40) // 160 samples: more than one pipeline batch
	dir := t.TempDir()

	plain := openStore(t, filepath.Join(dir, "plain.db"))
	f.runAll(plain, Shard{})
	want := verdictsOf(t, plain, f.runner(plain, Shard{}))

	id, err := f.judge.Identity(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cache, err := verdictcache.Open(ctx, filepath.Join(dir, "verdicts.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer cache.Close()
	for i, name := range []string{"first.db", "second.db"} {
		st := openStore(t, filepath.Join(dir, name))
		if err := f.run.Save(ctx, st); err != nil {
			t.Fatal(err)
		}
		r := f.runner(st, Shard{})
		r.Cache, r.CacheIdentity = cache, id
		gen, jst, err := r.GenerateAndJudge(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if gen.Generated != 160 || jst.Samples != 160 || jst.Stored != 0 {
			t.Errorf("%s: %d generated, %d judged, %d reused; want 160, 160, 0", name, gen.Generated, jst.Samples, jst.Stored)
		}
		// Two distinct programs per arm and scenario: the fixture's
		// models answer one text per scenario.
		switch {
		case i == 0 && (jst.Unique != 4 || jst.FromCache != 0):
			t.Errorf("first run: %d programs judged, %d from the cache; want 4, 0", jst.Unique, jst.FromCache)
		case i == 1 && (jst.Unique != 0 || jst.FromCache != 4):
			t.Errorf("second run: %d programs judged, %d from the cache; want 0, 4", jst.Unique, jst.FromCache)
		}
		if got := verdictsOf(t, st, r); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: verdicts differ from the two-phase run's", name)
			for k, v := range want {
				if !reflect.DeepEqual(got[k], v) {
					t.Logf("%s: got %+v\nwant %+v", k, got[k], v)
					break
				}
			}
		}
	}
}
