package analysis

import (
	"errors"
	"testing"
)

func TestFileErrorsMessage(t *testing.T) {
	err := error(FileErrors{"b.c": errors.New("does not compile"), "a.c": errors.New("timed out")})
	if got, want := err.Error(), "a.c: timed out; b.c: does not compile"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	var fe FileErrors
	if !errors.As(err, &fe) || fe["b.c"] == nil {
		t.Error("errors.As does not find the per-file errors")
	}
}

// TestNormalizeCWE: one normalisation for every CWE id the project reads.
func TestNormalizeCWE(t *testing.T) {
	for in, want := range map[string]CWE{
		"787": "CWE-787", "cwe-787": "CWE-787", " CWE-20 ": "CWE-20", "CWE-0078": "CWE-78",
		"": "", "buffer": "buffer", "CWE-": "CWE-", "NVD-CWE-Other": "NVD-CWE-Other", "CWE-12x": "CWE-12x",
	} {
		if got := NormalizeCWE(in); got != want {
			t.Errorf("NormalizeCWE(%q) = %q, want %q", in, got, want)
		}
		c, ok := ParseCWE(in)
		if ok != (want != "" && want[:min(4, len(want))] == "CWE-" && want != "CWE-" && want != "CWE-12x") || (ok && c != want) {
			t.Errorf("ParseCWE(%q) = %q, %v", in, c, ok)
		}
	}
}
