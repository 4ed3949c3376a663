// Package export writes a fix dataset for the real trainers: JSONL with a
// "text" field (Hugging Face datasets, axolotl), TFRecords of packed
// GPT-2 BPE sequences (mesh-transformer-jax), the trainer configurations
// that reproduce the paper's fine-tune, and a sidecar naming the run.
package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"securecomplete/training/dataset"
)

// Sidecar names the dataset run the exports were made from.
type Sidecar struct {
	Made       string                 `json:"made"`
	Index      string                 `json:"index"`
	Seed       int64                  `json:"seed"`
	ValidShare float64                `json:"valid_share"`
	Inputs     []dataset.InputInfo    `json:"inputs"`
	Table1     []dataset.SourceCounts `json:"table1"`
	Files      map[string]Counts      `json:"files"` // by split
	TFRecords  *TFRecordStats         `json:"tfrecords,omitempty"`
	Configs    []string               `json:"configs,omitempty"`
}

// Counts are a split's records, lines and bytes as exported.
type Counts struct {
	File    string `json:"file"`
	Records int    `json:"records"`
	Lines   int64  `json:"lines"`
	Bytes   int64  `json:"bytes"`
}

// SidecarFile is the sidecar's name.
const SidecarFile = "dataset.json"

// The JSONL files, one per split.
const (
	TrainJSONL = "train.jsonl"
	ValidJSONL = "valid.jsonl"
)

// All writes every export of the index into out and returns the sidecar
// it wrote.
func All(ctx context.Context, idx *dataset.Index, out string) (*Sidecar, error) {
	rep, err := idx.Report(ctx)
	if err != nil {
		return nil, err
	}
	sc := &Sidecar{Made: time.Now().UTC().Format(time.RFC3339), Index: rep.Index, Seed: rep.Seed, ValidShare: rep.ValidShare,
		Inputs: rep.Inputs, Table1: rep.Table1, Files: map[string]Counts{}}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	for split, name := range map[string]string{dataset.Train: TrainJSONL, dataset.Valid: ValidJSONL} {
		c, err := JSONL(ctx, idx, split, filepath.Join(out, name))
		if err != nil {
			return nil, err
		}
		sc.Files[split] = c
	}
	ts, err := TFRecords(ctx, idx, out)
	if err != nil {
		return nil, err
	}
	sc.TFRecords = ts
	names, err := Configs(out, ts)
	if err != nil {
		return nil, err
	}
	sc.Configs = names
	data, err := json.MarshalIndent(sc, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(out, SidecarFile), append(data, '\n'), 0o644); err != nil {
		return nil, err
	}
	return sc, nil
}

// JSONL writes the records of a split, one JSON object a line with the
// file in "text" (and where it came from beside it).
func JSONL(ctx context.Context, idx *dataset.Index, split, path string) (Counts, error) {
	c := Counts{File: filepath.Base(path)}
	f, err := os.Create(path)
	if err != nil {
		return c, err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	err = idx.Records(ctx, split, func(r dataset.Record) error {
		c.Records++
		c.Bytes += int64(len(r.Text))
		for i := 0; i < len(r.Text); i++ {
			if r.Text[i] == '\n' {
				c.Lines++
			}
		}
		return enc.Encode(r)
	})
	if err != nil {
		return c, fmt.Errorf("export %s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		return c, fmt.Errorf("export %s: %w", path, err)
	}
	return c, f.Close()
}
