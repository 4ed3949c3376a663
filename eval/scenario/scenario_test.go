package scenario

import (
	"strings"
	"testing"

	"securecomplete/analysis"
)

func keys(ss []Scenario) string {
	k := make([]string, len(ss))
	for i, s := range ss {
		k[i] = s.Key()
	}
	return strings.Join(k, " ")
}

func TestSelect(t *testing.T) {
	all := builtin(t)
	tests := []struct {
		ids  []string
		want string // keys, or "" for an error
		err  []string
	}{
		{ids: []string{"787-0"}, want: "787-0/c 787-0/cpp"},
		{ids: []string{"787-0/cpp"}, want: "787-0/cpp"},
		{ids: []string{"787-0/c++", "787-0/C"}, want: "787-0/c 787-0/cpp"},
		{ids: []string{"CWE-416-2"}, want: "416-2/c 416-2/cpp"},
		{ids: []string{"cwe-416-2/c"}, want: "416-2/c"},
		// Table 3's order whatever the order asked, no duplicates, blanks ignored.
		{ids: []string{" 732-1 ", "", "787-2/c", "732-1/c"}, want: "787-2/c 732-1/c 732-1/cpp"},
		{ids: []string{"999-0", "787-0", "nope/c"}, err: []string{`unknown scenario "999-0", "nope/c"`, "known: 787-0, 787-1, 787-2, 79-0", "732-1"}},
		{ids: []string{"787-0/rust"}, err: []string{`"787-0/rust": unknown language "rust"`}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.ids, ","), func(t *testing.T) {
			got, err := Select(all, tt.ids)
			if tt.err != nil {
				if err == nil {
					t.Fatalf("got %s, want an error", keys(got))
				}
				for _, e := range tt.err {
					if !strings.Contains(err.Error(), e) {
						t.Errorf("error %q does not contain %q", err, e)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if keys(got) != tt.want {
				t.Errorf("got %s, want %s", keys(got), tt.want)
			}
		})
	}

	// No ids: everything, as a copy.
	got, err := Select(all, nil)
	if err != nil || len(got) != len(all) {
		t.Fatalf("Select(nil): %d scenarios, %v", len(got), err)
	}
	got[0].ID = "changed"
	if all[0].ID == "changed" {
		t.Errorf("Select(nil) returned the caller's slice, not a copy")
	}
}

func TestSortAndKey(t *testing.T) {
	ss := []Scenario{
		{ID: "x-1", Lang: analysis.CPP, CWE: "CWE-20", Rank: 0},
		{ID: "787-10", Lang: analysis.C, CWE: "CWE-787", Rank: 1},
		{ID: "787-2", Lang: analysis.CPP, CWE: "CWE-787", Rank: 1},
		{ID: "787-2", Lang: analysis.C, CWE: "CWE-787", Rank: 1},
		{ID: "119-0", Lang: analysis.C, CWE: "CWE-119", Rank: 19},
		{ID: "a", Lang: analysis.C, CWE: "CWE-19", Rank: 0},
	}
	Sort(ss)
	// Rank first (unknown last), then CWE number, ids with numbers compared as numbers, C before C++.
	if got, want := keys(ss), "787-2/c 787-2/cpp 787-10/c 119-0/c a/c x-1/cpp"; got != want {
		t.Errorf("Sort: got %s, want %s", got, want)
	}
}
