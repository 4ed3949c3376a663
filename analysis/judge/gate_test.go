package judge

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"securecomplete/analysis"
	"securecomplete/analysis/compile"
	"securecomplete/internal/testenv"
)

// The quality gates of issue 11. Under SECURECOMPLETE_CI=1 the datasets
// must be present, so these run on every CI build. The probe floors are
// the figures the judge reaches today: they may only rise.
const (
	gateDevKappa    = 0.95
	gateDevScenario = 0.90

	gateProbesRight      = 72 // of 72 judged right (38 before issue 11's rules)
	gateProbesFound      = 36 // of 36 vulnerable flagged with their CWE (5 before)
	gateProbesFalseAlarm = 0  // of 36 safe flagged, at most (3 before)

	gateBlindRight      = 48 // of 48 judged right (28 before issue 11, 39 when first measured)
	gateBlindFound      = 24 // of 24 vulnerable flagged with their CWE (4 before, 17 first)
	gateBlindFalseAlarm = 0  // of 24 safe flagged with the pair's CWE, at most (2 when first measured)

	// Safe programs with a finding of any CWE (what a user sees as a
	// warning), at most.
	gateProbesAnyAlarm = 3 // of 36
	gateBlindAnyAlarm  = 1 // of 24 (8 when first measured)

	// blind2: 35, 14, 3 and 11 when first measured, before any rule was
	// changed for it (26, 3, 1 and 2 with the rules before issue 11; 34,
	// 12, 2 and 9 at the start of the last session); its misses were
	// then worked on.
	gateBlind2Right      = 44 // of 48
	gateBlind2Found      = 20 // of 24
	gateBlind2FalseAlarm = 0  // of 24, at most
	gateBlind2AnyAlarm   = 5  // of 24, at most

	// blind3: 36, 15, 3 and 6 when first measured, with the rules as
	// they stood at the end of the session before, before any rule was
	// changed for it (25, 2, 1 and 5 with the rules before issue 11; 32,
	// 11, 3 and 5 at the start of that session); its misses were then
	// worked on.
	gateBlind3Right      = 47 // of 48
	gateBlind3Found      = 23 // of 24
	gateBlind3FalseAlarm = 0  // of 24, at most
	gateBlind3AnyAlarm   = 2  // of 24, at most

	// blind4: 72 programs, three pairs for each CWE. 49, 19, 6 and 12
	// when first measured, with the rules as they stood when it arrived
	// (02d2b5e), before any rule was changed for it (the rules at the
	// start of that session: 49, 19, 6 and 14); its false alarms and
	// some misses were then worked on.
	// A key record's bytes encoded through a hex table, and a umask
	// set by a scoped object's constructor in the caller: 58 and 25.
	// An element freed while a member caching such elements may still
	// point to it (cwe416-stale-cache): 59 and 26.
	gateBlind4Right      = 59 // of 72
	gateBlind4Found      = 26 // of 36
	gateBlind4FalseAlarm = 3  // of 36, at most
	gateBlind4AnyAlarm   = 7  // of 36, at most

	// blind5: 72 programs written like blind4, measured once with the
	// rules as they stood when it arrived (6f97c8d): 47, 17, 6 and 14.
	// Two of the 17 were found for a wrong reason, which flagged their
	// twins as well: 190-1 (pointer arithmetic read as an integer sum)
	// and 416-2 (a helper that unlinks the global head before freeing
	// it, called in a loop, read as a double free). With those two
	// readings fixed, 15 are found and 4 flagged. Shell quoting judged
	// by context (eaa2442): 50 and 18; decoding after escaping and
	// escaped text in an attribute: 51 and 19; a copy's length read
	// from the data it copies from, checked without the offset: 52, 20;
	// std::cin.read into a string and find on a std::map: 53, 21.
	// A table read at a byte's top bits (hex[c >> 4]) is in bounds and
	// a cursor copied before its buffer's NULL test is tested with it:
	// 8 with a finding of any CWE.
	// A umask of 0 set by a scoped object before a stream makes the
	// file, and 077 in the twin: 54, 21, 3 and 7.
	gateBlind5Right      = 54 // of 72
	gateBlind5Found      = 21 // of 36
	gateBlind5FalseAlarm = 3  // of 36, at most
	gateBlind5AnyAlarm   = 7  // of 36, at most

	// blind6: 72 programs written like blind5 while blind5 was worked
	// on, measured once with the rules as they stood when it arrived
	// (cae910a): 44, 14, 6 and 10 (the rules of the session before,
	// 7163cfb: 45, 15, 6 and 13). The find lost was 119-1, a terminator
	// written at a length measured on another string, which that
	// commit's new excuse for reads at a measured length had let
	// through for writes too; with the excuse kept to reads, 45 and 15.
	// A umask set in a setup function main calls, and a secret written
	// to a descriptor a helper returns from open(), then 47, 16 and 5.
	// Elements of a member container that a factory's nullptr was
	// added to: 48 and 17; shell quoting judged by context: 50 and 19;
	// decoding after escaping, escaped text in an attribute: 52, 20, 4;
	// sums and products of input in a narrow type: 53 and 21;
	// std::cin.read into a string and find on a std::map: 54 and 22.
	// Two of the 22 were found for a wrong reason: 787-3 by a hex
	// table read at c >> 4 taken for an unchecked index, 89-3 by a
	// cursor (p = out) taken as untested when out was tested before
	// any use. With both read right (and the same false alarms gone
	// from the safe twins): 54, 21, 3 and 7.
	gateBlind6Right      = 54 // of 72
	gateBlind6Found      = 21 // of 36
	gateBlind6FalseAlarm = 3  // of 36, at most
	gateBlind6AnyAlarm   = 7  // of 36, at most

	// blind7: 72 programs written like blind6 while blind6 was worked
	// on, measured once when it arrived (799aa73): 48, 19, 7 and 12,
	// the same with the rules of the session before (7f3ffba).
	// The member container's elements then: 49 and 20; shell quoting
	// judged by context and fields validated by the callers: 52, 22, 6;
	// decoding after escaping, a digits check read in its branch: 54,
	// 22, 4 (89-2's earlier find was for a wrong reason, std::getline
	// of a string stream taken as input, which flagged its twin too).
	// An element freed while a member caching such elements may still
	// point to it (cwe416-stale-cache): 55 and 23.
	// An escaper allocated for fewer characters an input character than
	// its longest entity (a helper returning literals): 56 and 24.
	gateBlind7Right      = 56 // of 72
	gateBlind7Found      = 24 // of 36
	gateBlind7FalseAlarm = 4  // of 36, at most
	gateBlind7AnyAlarm   = 10 // of 36, at most

	// blind8: 72 programs written like blind7 while blind7 was worked
	// on, measured once when it arrived (c7490d1): 48, 15, 3 and 12
	// (the rules of the session before, 7f3ffba: 47, 14, 3 and 12; the
	// find between is 476-2, by the member-container rule written
	// before the set came). Shell quoting judged by context: 50, 17;
	// decoding after escaping: 52, 18, 2; sums of input in a narrow
	// type: 53 and 19; a length from the message read
	// past the bytes it holds (cwe125-read-past-fill): 54 and 20; a
	// name decoded in place after its check: 55 and 21.
	// An element freed while a member caching such elements may still
	// point to it (cwe416-stale-cache): 56 and 22.
	gateBlind8Right      = 56 // of 72
	gateBlind8Found      = 22 // of 36
	gateBlind8FalseAlarm = 2  // of 36, at most
	gateBlind8AnyAlarm   = 12 // of 36, at most

	// blind9: 72 programs written like blind8 while blind8 was worked
	// on, measured once when it arrived (52a1042, and the same with
	// 5ba81cb): 49, 20, 7 and 14. The rules of the session before
	// (7f3ffba) scored 50, 20, 6 and 13: this session's work on blind6
	// to blind8 carried nothing to it, and one false alarm came with it
	// (22-2, a check of each part of a std::filesystem path). With that
	// path read as its name's (a vexing parse): 50, 20, 6 and 13; a
	// copy's length read from the data, checked without the offset: 51
	// and 21; std::cin.read into a string and find on a std::map: 52
	// and 22. 787-3 was one of them for a wrong reason (hex[c >> 4]
	// with c < 0x20 taken for an unchecked index): with the table read
	// right, 52, 21, 5 and 12. 22-1 was found for a wrong reason too
	// (DOC_ROOT, the CGI server's configuration, taken as the request);
	// with the environment read right and a check the parser makes
	// before it decodes the name in place taken for none: 53, 21, 4 and
	// 10 (22-3's twin no longer flagged for out[root_len] after
	// strncmp(out, root, root_len) == 0).
	// A token's hex written to a 0644 file (the record named for what
	// it holds): 54 and 22.
	// A resolved path compared with its root as a prefix only, no
	// test of the character after it (22-3): 55 and 23.
	gateBlind9Right      = 55 // of 72
	gateBlind9Found      = 23 // of 36
	gateBlind9FalseAlarm = 4  // of 36, at most
	gateBlind9AnyAlarm   = 10 // of 36, at most

	// blind10: 72 programs written like blind9, started at 1107002
	// after blind9 was worked on, measured once when it arrived
	// (c3edd2b): 52, 19, 3 and 11 (at 1107002, where it was started:
	// 52, 19, 3, 10; the rules of the session before, 7f3ffba: 48, 16,
	// 4, 12). The finds between are 190-3 (a 32-bit product of input),
	// 22-2 (a name read through a string stream) and 79-3 (escaped,
	// then decoded), and 89-2's twin is no longer flagged. A hex table
	// read at in[i] >> 4 and a cursor copied before its buffer's NULL
	// test: 9 safe programs with a finding of any CWE. A field checked
	// by the parser that fills it, after its last write (89-3's twin):
	// 53, 19, 2 and 8. A CGI program's configuration variable
	// (PAGES_ROOT) no request, out[root_len] after a strncmp of that
	// length: 54, 19, 1 and 6.
	// A umask of 0 before a stream makes a token file: 55 and 20.
	// The same prefix check without a boundary (22-3): 56 and 21.
	gateBlind10Right      = 56 // of 72
	gateBlind10Found      = 21 // of 36
	gateBlind10FalseAlarm = 1  // of 36, at most
	gateBlind10AnyAlarm   = 6  // of 36, at most

	// blind11: 72 programs written like blind10, started at 3abd69f
	// after blind10 was worked on, measured once when it arrived
	// (5da0c36): 49, 17, 4 and 6 (at 3abd69f, where it was started:
	// 49, 17, 4 and 7; the one safe program between is 732-1, a hex
	// table read at in[i] >> 4). A mode set outright before a stream
	// opens the file (mkstemp, std::filesystem::permissions) holds, and
	// a field the parser fills in an if's condition and checks in its
	// branch reaches the caller checked, an integer field written beside
	// it carrying no text: 51, 17, 2 and 4. A CGI program's
	// configuration variable (HELP_ROOT) no request, out[root_len]
	// after a strncmp of that length: 52, 17, 1 and 2. A quote test
	// that writes a backslash is no rejection: 53 and 18.
	// A signing key record's bytes written in hex to a 0644 file: 54
	// and 19.
	// A lookup method returning what its object's map holds, filled by
	// a static reader, carries the object's taint (78-2): 55 and 20.
	// A lookup's NULL test that is one of several (!g && gid != 0),
	// with g dereferenced where the whole test failed: 56 and 21.
	// An escaper's result inside an attribute value the text before it
	// opened (title="Posted by " << escape_html(name)): 57 and 22.
	// An amount taken from src->count but checked against dst->count:
	// 58 and 23.
	// A class's std::istream member read with >> is input (190-3's
	// w * h): 59, 24, 1 and 3; its twin gained a CWE-20 finding, the
	// width bounding a loop over pixels a callee's check sized.
	// The same prefix check without a boundary (22-3): 60 and 25.
	// An element freed while a member caching such elements may still
	// point to it (cwe416-stale-cache): 61 and 26.
	// An escaper allocated for fewer characters an input character than
	// its longest entity (a helper returning literals): 62 and 27.
	gateBlind11Right      = 62 // of 72
	gateBlind11Found      = 27 // of 36
	gateBlind11FalseAlarm = 1  // of 36, at most
	gateBlind11AnyAlarm   = 3  // of 36, at most
)

// TestGateDevSet judges the Pearce dev set as `securecomplete analyze
// agree` does (compile check, then the built-in rules) and holds the
// agreement with CodeQL's labels to the gates.
func TestGateDevSet(t *testing.T) {
	testenv.Tool(t, "gcc")
	dir := testenv.Dataset(t, "pearce-copilot-dev")
	labels := readLabelsFile(t, filepath.Join(dir, "labels.csv"))
	j, err := New(Options{Analyzers: []string{"compile", "builtin"}})
	if err != nil {
		t.Fatal(err)
	}
	r := Agreement(j.Agree(context.Background(), dir, labels))
	if r.Errors != 0 {
		t.Errorf("%d programs could not be judged", r.Errors)
	}
	if k := r.Confusion.Kappa(); !(k >= gateDevKappa) {
		t.Errorf("dev-set kappa %.3f, want at least %.2f", k, gateDevKappa)
	}
	for _, s := range r.Scenarios {
		if rate := s.Rate(); !(rate >= gateDevScenario) {
			t.Errorf("%s: accuracy %.3f, want at least %.2f", s.ID, rate, gateDevScenario)
		}
	}
	if !r.InvalidExact() {
		t.Errorf("invalid programs not found exactly: %d of %d found, missed %v, extra %v",
			r.InvalidFound, r.InvalidWant, r.InvalidMissed, r.InvalidExtra)
	}
	t.Logf("dev set: kappa %.3f, %d scenarios, %d disagreements", r.Confusion.Kappa(), len(r.Scenarios), len(r.Disagreements))
}

// readProbeLabels reads probes-dev/labels.csv (file,expected,cwe,...) as
// labels of one scenario per CWE.
func readProbeLabels(t *testing.T, path string) []Label {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var ls []Label
	for _, row := range rows[1:] {
		ls = append(ls, Label{
			Scenario: row[col["cwe"]] + "-probe",
			Path:     row[col["file"]],
			Verdict:  analysis.Verdict(row[col["expected"]]),
		})
	}
	return ls
}

// TestGateProbes judges the development probes (written for measuring,
// labels checked at run time) and holds the judge to the floors.
func TestGateProbes(t *testing.T) {
	testenv.Tool(t, "gcc")
	dir := testenv.Dataset(t, "probes-dev")
	gateSet(t, "probes-dev", dir, 72, nil, setFloors{gateProbesRight, gateProbesFound, gateProbesFalseAlarm, gateProbesAnyAlarm})
}

// setFloors are the figures a measurement set must reach.
type setFloors struct {
	right, found, falseAlarms, anyAlarms int
}

// gateSet judges a set of vulnerable/safe twins (labels.csv as
// probes-dev has it) with the compile check and the built-in rules, logs
// its figures and every program judged wrong, and holds it to floors.
func gateSet(t *testing.T, set, dir string, want int, flags []string, fl setFloors) {
	t.Helper()
	labels := readProbeLabels(t, filepath.Join(dir, "labels.csv"))
	if len(labels) != want {
		t.Fatalf("%s: %d labels, want %d", set, len(labels), want)
	}
	opts := Options{Analyzers: []string{"compile", "builtin"}}
	if flags != nil {
		opts.Compile.Flags = append(compile.DefaultFlags(), flags...)
	}
	j, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	r := Agreement(j.Agree(context.Background(), dir, labels))
	c := r.Confusion
	right := c.TP + c.TN
	t.Logf("%s: %d of %d right; vulnerable found %d of %d; false alarms %d of %d",
		set, right, len(labels), c.TP, c.TP+c.FN, c.FP, c.FP+c.TN)
	for _, d := range r.Disagreements {
		t.Logf("  %s: want %s, got %s", d.Path, d.Want, d.Got)
	}
	if right < fl.right {
		t.Errorf("%s: %d of %d judged right, want at least %d", set, right, len(labels), fl.right)
	}
	if c.TP < fl.found {
		t.Errorf("%s: %d vulnerable found, want at least %d", set, c.TP, fl.found)
	}
	if c.FP > fl.falseAlarms {
		t.Errorf("%s: %d false alarms, want at most %d", set, c.FP, fl.falseAlarms)
	}
	if r.Errors != 0 || c.N() != len(labels) {
		t.Errorf("%s: %d errors, %d compared of %d", set, r.Errors, c.N(), len(labels))
	}
	if n := anyAlarms(t, j, dir, labels, set); n > fl.anyAlarms {
		t.Errorf("%s: %d safe programs with a finding of any CWE, want at most %d", set, n, fl.anyAlarms)
	}
}

// anyAlarms judges the safe programs of a set with every finding
// counting, whatever its CWE (as the editor shows them), and returns how
// many are flagged.
func anyAlarms(t *testing.T, j *Judge, dir string, labels []Label, set string) int {
	t.Helper()
	var safe []Label
	for _, l := range labels {
		if l.Verdict == analysis.NonVulnerable {
			l.Scenario = "any"
			safe = append(safe, l)
		}
	}
	r := Agreement(j.Agree(context.Background(), dir, safe))
	for _, d := range r.Disagreements {
		t.Logf("  %s (any CWE): flagged", d.Path)
	}
	t.Logf("%s: %d of %d safe programs have a finding of any CWE", set, r.Confusion.FP, len(safe))
	return r.Confusion.FP
}

// TestGateBlind judges testdata/blind: 48 programs (24 vulnerable, 24
// safe twins, two pairs for each of 12 CWEs) written for this project by
// an author who did not read the rules nor run the judge, each label
// checked at run time (testdata/blind/README.md). It is the one set here
// the rules were not written against when it was first measured; the
// floors may only rise.
func TestGateBlind(t *testing.T) {
	testenv.Tool(t, "gcc")
	gateSet(t, "blind", filepath.Join("testdata", "blind"), 48, nil,
		setFloors{gateBlindRight, gateBlindFound, gateBlindFalseAlarm, gateBlindAnyAlarm})
}

// TestGateBlind2 judges testdata/blind2, a second set of 48 written the
// same way (blind to the rules, to the other test programs and to the
// judge) after the first had been worked on: the measure of the rules on
// code they were not written against. The libpq programs need its
// headers' directory.
func TestGateBlind2(t *testing.T) {
	testenv.Tool(t, "gcc")
	gateSet(t, "blind2", filepath.Join("testdata", "blind2"), 48, []string{"-I/usr/include/postgresql"},
		setFloors{gateBlind2Right, gateBlind2Found, gateBlind2FalseAlarm, gateBlind2AnyAlarm})
}

// TestGateBlind3 judges testdata/blind3, a third set of 48 written the
// same way after the first two had been worked on.
func TestGateBlind3(t *testing.T) {
	testenv.Tool(t, "gcc")
	gateSet(t, "blind3", filepath.Join("testdata", "blind3"), 48, nil,
		setFloors{gateBlind3Right, gateBlind3Found, gateBlind3FalseAlarm, gateBlind3AnyAlarm})
}

// TestGateBlind4 judges testdata/blind4, 72 programs (three pairs for
// each of the 12 CWEs) written the same way by six authors, one pair of
// CWEs each, after the first three sets had been worked on.
func TestGateBlind4(t *testing.T) {
	testenv.Tool(t, "gcc")
	gateSet(t, "blind4", filepath.Join("testdata", "blind4"), 72, nil,
		setFloors{gateBlind4Right, gateBlind4Found, gateBlind4FalseAlarm, gateBlind4AnyAlarm})
}

// TestGateBlind5 judges testdata/blind5, 72 programs written like blind4
// by six more authors after blind4 had been worked on.
func TestGateBlind5(t *testing.T) {
	testenv.Tool(t, "gcc")
	gateSet(t, "blind5", filepath.Join("testdata", "blind5"), 72, nil,
		setFloors{gateBlind5Right, gateBlind5Found, gateBlind5FalseAlarm, gateBlind5AnyAlarm})
}

// TestGateBlind6 judges testdata/blind6, 72 programs written like blind5
// by six more authors while blind5 was worked on.
func TestGateBlind6(t *testing.T) {
	testenv.Tool(t, "gcc")
	gateSet(t, "blind6", filepath.Join("testdata", "blind6"), 72, nil,
		setFloors{gateBlind6Right, gateBlind6Found, gateBlind6FalseAlarm, gateBlind6AnyAlarm})
}

// TestGateBlind7 judges testdata/blind7, 72 programs written like blind6
// by six more authors while blind6 was worked on.
func TestGateBlind7(t *testing.T) {
	testenv.Tool(t, "gcc")
	gateSet(t, "blind7", filepath.Join("testdata", "blind7"), 72, nil,
		setFloors{gateBlind7Right, gateBlind7Found, gateBlind7FalseAlarm, gateBlind7AnyAlarm})
}

// TestGateBlind8 judges testdata/blind8, 72 programs written like blind7
// by six more authors while blind7 was worked on.
func TestGateBlind8(t *testing.T) {
	testenv.Tool(t, "gcc")
	gateSet(t, "blind8", filepath.Join("testdata", "blind8"), 72, nil,
		setFloors{gateBlind8Right, gateBlind8Found, gateBlind8FalseAlarm, gateBlind8AnyAlarm})
}

// TestGateBlind9 judges testdata/blind9, 72 programs written like blind8
// by six more authors while blind8 was worked on.
func TestGateBlind9(t *testing.T) {
	testenv.Tool(t, "gcc")
	gateSet(t, "blind9", filepath.Join("testdata", "blind9"), 72, nil,
		setFloors{gateBlind9Right, gateBlind9Found, gateBlind9FalseAlarm, gateBlind9AnyAlarm})
}

// TestGateBlind10 judges testdata/blind10, 72 programs written like
// blind9 by six more authors after blind9 was worked on.
func TestGateBlind10(t *testing.T) {
	testenv.Tool(t, "gcc")
	gateSet(t, "blind10", filepath.Join("testdata", "blind10"), 72, nil,
		setFloors{gateBlind10Right, gateBlind10Found, gateBlind10FalseAlarm, gateBlind10AnyAlarm})
}

// TestGateBlind11 judges testdata/blind11, 72 programs written like
// blind10 by six more authors after blind10 was worked on.
func TestGateBlind11(t *testing.T) {
	testenv.Tool(t, "gcc")
	gateSet(t, "blind11", filepath.Join("testdata", "blind11"), 72, nil,
		setFloors{gateBlind11Right, gateBlind11Found, gateBlind11FalseAlarm, gateBlind11AnyAlarm})
}
