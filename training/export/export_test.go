package export

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"securecomplete/training/dataset"
	"securecomplete/training/embedtrain"
	"securecomplete/training/fixes/fixestest"
)

func TestMaskedCRC(t *testing.T) {
	// The CRC32C of "123456789" is e3069283 (RFC 3720); masked as TFRecord does.
	c := uint32(0xe3069283)
	want := ((c >> 15) | (c << 17)) + 0xa282ead8
	if got := MaskedCRC([]byte("123456789")); got != want {
		t.Errorf("MaskedCRC = %08x, want %08x", got, want)
	}
}

func TestRecordRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	vals := []int64{0, 1, 127, 128, 50256, 300}
	if err := WriteRecord(&buf, Example("text", vals)); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	rec, err := ReadRecord(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	name, got, err := ParseExample(rec)
	if err != nil || name != "text" || len(got) != len(vals) {
		t.Fatalf("ParseExample: %q %v %v", name, got, err)
	}
	for i := range vals {
		if got[i] != vals[i] {
			t.Errorf("value %d: %d, want %d", i, got[i], vals[i])
		}
	}
	// A flipped byte in the data, in the length, a cut record.
	for _, tc := range []struct {
		name string
		mod  func([]byte) []byte
	}{
		{"data", func(b []byte) []byte { b[14] ^= 1; return b }},
		{"length", func(b []byte) []byte { b[0] ^= 1; return b }},
		{"cut", func(b []byte) []byte { return b[:len(b)-3] }},
	} {
		bad := tc.mod(bytes.Clone(data))
		if _, err := ReadRecord(bytes.NewReader(bad)); err == nil {
			t.Errorf("%s: a corrupt record was read", tc.name)
		}
	}
}

func buildFixture(t *testing.T, n, size int) string {
	ctx := context.Background()
	src := t.TempDir()
	var lines []fixestest.SVENLine
	for i := range n {
		lines = append(lines, fixestest.SVENLine{After: fixestest.Function(i, size), CommitLink: "github.com/o/p/commit/" + fixestest.Hash(i), FileName: "f.c", VulType: "cwe-787"})
	}
	if err := fixestest.WriteSVEN(filepath.Join(src, "s.jsonl"), lines); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if _, err := dataset.Build(ctx, dataset.Options{Inputs: dataset.Inputs{SVEN: src}, Out: out, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestAll(t *testing.T) {
	ctx := context.Background()
	dir := buildFixture(t, 120, 3000)
	idx, err := dataset.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	sc, err := All(ctx, idx, dir)
	if err != nil {
		t.Fatal(err)
	}
	// The JSONL: what embedtrain reads, record for record.
	var texts []string
	if err := idx.Records(ctx, dataset.Train, func(r dataset.Record) error { texts = append(texts, r.Text); return nil }); err != nil {
		t.Fatal(err)
	}
	var read []string
	if err := embedtrain.ReadFixes(filepath.Join(dir, TrainJSONL), func(_ int, text string) error { read = append(read, text); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(read) != len(texts) || len(texts) != sc.Files[dataset.Train].Records || len(texts) != 108 {
		t.Fatalf("train.jsonl: %d documents, index %d, sidecar %d; want 108", len(read), len(texts), sc.Files[dataset.Train].Records)
	}
	for i := range texts {
		if read[i] != texts[i] {
			t.Fatalf("document %d differs", i)
		}
	}
	// The TFRecords: framing, CRCs, the feature and the token stream.
	tr := sc.TFRecords.Splits[dataset.Train]
	seqs, err := ReadTFRecords(filepath.Join(dir, tr.File))
	if err != nil {
		t.Fatal(err)
	}
	enc, _ := Tokenizer()
	var want []int64
	for _, s := range texts {
		ids, _, _ := enc.Encode(s)
		for _, id := range ids {
			want = append(want, int64(id))
		}
		want = append(want, EOS)
	}
	if int64(len(want)) != tr.Tokens || len(seqs) != len(want)/SeqLen || len(seqs) != tr.Sequences || tr.Dropped != len(want)%SeqLen {
		t.Fatalf("%d sequences, %d tokens (sidecar %+v); want %d tokens in %d sequences", len(seqs), len(want), tr, len(want), len(want)/SeqLen)
	}
	eos := 0
	for i, s := range seqs {
		for j, v := range s {
			if v != want[i*SeqLen+j] {
				t.Fatalf("sequence %d token %d: %d, want %d", i, j, v, want[i*SeqLen+j])
			}
			if v == EOS {
				eos++
			}
		}
	}
	if eos == 0 {
		t.Error("no EOS in the sequences")
	}
	idxFile, _ := os.ReadFile(filepath.Join(dir, tr.Index))
	if strings.TrimSpace(string(idxFile)) != tr.File {
		t.Errorf("index file holds %q, want %q", idxFile, tr.File)
	}
	// The configurations.
	var mesh map[string]any
	data, _ := os.ReadFile(filepath.Join(dir, MeshConfigFile))
	if err := json.Unmarshal(data, &mesh); err != nil {
		t.Fatal(err)
	}
	s := ScheduleFor(tr.Sequences)
	if int(mesh["total_steps"].(float64)) != (2*tr.Sequences+15)/16 || mesh["train_set"] != tr.Index || mesh["layers"].(float64) != 28 {
		t.Errorf("mesh config %v, schedule %+v", mesh, s)
	}
	if int(mesh["warmup_steps"].(float64))+int(mesh["anneal_steps"].(float64)) != s.TotalSteps {
		t.Errorf("warmup + anneal != total steps: %v", mesh)
	}
	lora, _ := os.ReadFile(filepath.Join(dir, AxolotlLoRAFile))
	for _, want := range []string{"adapter: lora", "q_proj", "type: completion", "num_epochs: 2", TrainJSONL} {
		if !bytes.Contains(lora, []byte(want)) {
			t.Errorf("axolotl LoRA config lacks %q", want)
		}
	}
	full, _ := os.ReadFile(filepath.Join(dir, AxolotlFullFile))
	if bytes.Contains(full, []byte("adapter:")) {
		t.Error("the full fine-tune config has an adapter")
	}
	vl, _ := os.ReadFile(filepath.Join(dir, VLLMFile))
	for _, want := range []string{"--served-model-name gptj ", "--served-model-name gptj-ft", "--max-model-len 2048"} {
		if !bytes.Contains(vl, []byte(want)) {
			t.Errorf("vLLM commands lack %q", want)
		}
	}
	var side Sidecar
	data, _ = os.ReadFile(filepath.Join(dir, SidecarFile))
	if err := json.Unmarshal(data, &side); err != nil || side.Seed != 3 || len(side.Inputs) != 1 || side.Inputs[0].Source != "sven" {
		t.Errorf("sidecar %+v (%v)", side, err)
	}
}

func TestScheduleFor(t *testing.T) {
	// The paper: 650 steps for 2 epochs, i.e. 5,200 sequences an epoch.
	s := ScheduleFor(5200)
	if s.TotalSteps != 650 || s.WarmupSteps != 65 || s.AnnealSteps != 585 {
		t.Errorf("ScheduleFor(5200) = %+v, want 650 steps, 65 warm-up", s)
	}
	if s := ScheduleFor(0); s.TotalSteps != 1 {
		t.Errorf("ScheduleFor(0) = %+v", s)
	}
}
