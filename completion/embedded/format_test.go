package embedded

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestSaveLoadRoundTrip(t *testing.T) {
	m := trainTest(t, 5)
	m.SetSources([]string{"test corpus: 4 files"})
	m.SetFingerprint("abc")
	path := filepath.Join(t.TempDir(), "m.model")
	if err := m.Save(path); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm()&0o044 != 0o044 {
		t.Errorf("model file mode %v: others cannot read it", info.Mode())
	}
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Info(), m.Info()) {
		t.Errorf("info after load %+v, want %+v", got.Info(), m.Info())
	}
	head, err := ReadInfo(path)
	if err != nil || head.Fingerprint != "abc" || head.Sources[0] != "test corpus: 4 files" {
		t.Errorf("ReadInfo = %+v, %v", head, err)
	}
	for i := range m.levels {
		a, b := m.levels[i], got.levels[i]
		if !reflect.DeepEqual(a.word, b.word) || !reflect.DeepEqual(a.count, b.count) || !reflect.DeepEqual(a.child, b.child) || !reflect.DeepEqual(a.gamma, b.gamma) {
			t.Fatalf("order %d differs after load", i+1)
		}
	}
	opt := Options{N: 3, MaxTokens: 30, Temperature: 0.8, Seed: seed(9)}
	r1, _ := m.Generate(t.Context(), "int main(", opt, nil)
	r2, _ := got.Generate(t.Context(), "int main(", opt, nil)
	for i := range r1.Choices {
		if r1.Choices[i].Text != r2.Choices[i].Text {
			t.Errorf("choice %d: %q before saving, %q after loading", i, r1.Choices[i].Text, r2.Choices[i].Text)
		}
	}
}

func TestLoadRejectsBadFiles(t *testing.T) {
	m := trainTest(t, 4)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	flipped := bytes.Clone(good)
	flipped[len(flipped)/2] ^= 0x40
	dir := t.TempDir()
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"flipped byte", flipped, "checksum"},
		{"truncated", good[:len(good)/2], "checksum"},
		{"text file", []byte("#include <stdio.h>\nint main(void) { return 0; }\n"), "not an embedded model file"},
		{"empty", nil, "not an embedded model file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_"))
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(path)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("Load: %v, want an error naming %s and saying %q", err, path, tt.want)
			}
		})
	}
	if _, err := Load(filepath.Join(dir, "missing")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load of a missing file: %v", err)
	}
	// A file of another format version.
	other := bytes.Clone(good)
	other[len(magic)] = FormatVersion + 1
	binary.LittleEndian.PutUint32(other[len(other)-4:], crc32.ChecksumIEEE(other[:len(other)-4]))
	if _, err := Decode(other); !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "format version") {
		t.Errorf("Decode of another version: %v, want a format version error", err)
	}
}
