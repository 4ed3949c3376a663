package cli

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"securecomplete/internal/openaitest"
	"securecomplete/internal/testenv"
)

// buildBinary builds the securecomplete command into a temporary folder.
func buildBinary(t *testing.T) string {
	t.Helper()
	goTool := testenv.Tool(t, "go")
	bin := filepath.Join(t.TempDir(), "securecomplete")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, goTool, "build", "-o", bin, "securecomplete").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// storeCounts counts the rows of a run's store, and the distinct sample
// keys among them.
func storeCounts(t *testing.T, path string) (samples, distinct, verdicts int) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.QueryRow(`SELECT count(*), count(DISTINCT arm || '/' || scenario || '#' || idx) FROM samples`).Scan(&samples, &distinct); err != nil {
		return 0, 0, 0 // not created yet
	}
	db.QueryRow(`SELECT count(*) FROM verdicts`).Scan(&verdicts)
	return samples, distinct, verdicts
}

func reportTotals(t *testing.T, dir string) any {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Totals any `json:"totals"`
		Rows   any `json:"rows"`
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	return []any{rep.Totals, rep.Rows}
}

// TestEvalRunResumesAfterKill drives the real binary: a run killed with
// SIGKILL while drawing samples, started again and killed while judging
// them, then started again with the same command finishes with the totals
// of an uninterrupted run, each sample stored and judged once. Each run
// has its own verdict cache, so that the resumed one judges for itself.
func TestEvalRunResumesAfterKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	testenv.Tool(t, "gcc")
	testenv.Tool(t, "g++")
	bin := buildBinary(t)
	answers := []string{
		"    printf(\"%d\\n\", value + OFFSET);\n    return 0;\n}\n",
		"    value = ;\n    return 0;\n}\n", // invalid
		"    return value * 2;\n}\n",
	}
	srv := openaitest.New(t, func(r openaitest.Request) openaitest.Reply {
		time.Sleep(15 * time.Millisecond) // slow enough to be killed mid-run
		seed := 0
		if r.Seed != nil {
			seed = *r.Seed
		}
		texts := make([]string, max(1, r.N))
		for i := range texts {
			texts[i] = answers[(seed+i)%len(answers)]
		}
		return openaitest.Reply{Texts: texts}
	})
	dir := t.TempDir()
	cfg := writeFile(t, filepath.Join(dir, "sc.toml"), fmt.Sprintf("[[models]]\nname = \"local\"\nbase_url = %q\n", srv.BaseURL))
	const samples = 12
	args := func(out string) []string {
		return []string{"--config", cfg, "eval", "run", "--scenarios", "190-1/c,190-1/cpp,787-0/c", "--samples", fmt.Sprint(samples),
			"--concurrency", "2", "--verdict-cache", filepath.Join(out+"-cache", "verdicts.db"), "-o", out}
	}
	const wanted = 3 * samples * 2 // scenarios × samples × arms
	env := append(os.Environ(), "XDG_CACHE_HOME="+filepath.Join(dir, "cache"))
	run := func(out string) *exec.Cmd {
		cmd := exec.Command(bin, args(out)...)
		cmd.Env = env
		return cmd
	}

	whole := filepath.Join(dir, "whole")
	if out, err := run(whole).CombinedOutput(); err != nil {
		t.Fatalf("uninterrupted run: %v\n%s", err, out)
	}

	// Killed twice: while drawing samples, then while judging them.
	killed := filepath.Join(dir, "killed")
	killWhen := func(what string, ready func(samples, verdicts int) bool) {
		t.Helper()
		cmd := run(killed)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(2 * time.Minute)
		for {
			n, _, v := storeCounts(t, filepath.Join(killed, "run.db"))
			if ready(n, v) {
				break
			}
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("%s: %d samples and %d verdicts stored in 2 minutes", what, n, v)
			}
			time.Sleep(2 * time.Millisecond)
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		n, _, v := storeCounts(t, filepath.Join(killed, "run.db"))
		if err == nil || v >= wanted {
			t.Fatalf("%s: the run finished before the kill (%d samples, %d verdicts; %v): nothing was tested", what, n, v, err)
		}
		t.Logf("%s: killed with %d samples and %d verdicts stored", what, n, v)
	}
	killWhen("generating", func(n, _ int) bool { return n >= wanted/3 })
	n, _, _ := storeCounts(t, filepath.Join(killed, "run.db"))
	if n >= wanted {
		t.Fatalf("killed while generating, yet all %d samples are stored", n)
	}
	killWhen("judging", func(_, v int) bool { return v > 0 })
	n, _, _ = storeCounts(t, filepath.Join(killed, "run.db"))

	out, err := run(killed).CombinedOutput()
	if err != nil {
		t.Fatalf("resumed run: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), fmt.Sprintf("0 samples drawn, %d reused", n)) {
		t.Errorf("the resumed run does not say it reused the %d stored samples:\n%s", n, out)
	}
	samplesN, distinct, verdicts := storeCounts(t, filepath.Join(killed, "run.db"))
	if samplesN != wanted || distinct != wanted || verdicts != wanted {
		t.Errorf("after resuming: %d samples (%d distinct), %d verdicts; want %d each", samplesN, distinct, verdicts, wanted)
	}
	if a, b := reportTotals(t, whole), reportTotals(t, killed); !reflect.DeepEqual(a, b) {
		t.Errorf("the resumed run's totals differ from the uninterrupted run's:\n%v\n%v", b, a)
	}
}
