package judge

import (
	"os"
	"testing"
)

func readLabelsFile(t testing.TB, path string) []Label {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ls, err := ReadLabels(f)
	if err != nil {
		t.Fatal(err)
	}
	return ls
}
