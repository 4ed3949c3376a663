package embedtrain

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"securecomplete/completion/embedded"
)

// DefaultFixesWeight is how many times each document of a fix dataset is
// counted when none is given: enough for the fixes to move the model's
// predictions where their contexts occur, not so much that it forgets the
// base corpus.
const DefaultFixesWeight = 4

// Options say what to train on and how.
type Options struct {
	// Order of the n-grams; 0 means embedded.DefaultOrder.
	Order int
	// Sources are the base corpus.
	Sources []Source
	// Fixes are fix datasets in JSONL (a "text" field per line), counted
	// FixesWeight times each on top of the base corpus: the paper's
	// fine-tune in miniature.
	Fixes       []string
	FixesWeight int
	// Progress receives a line per stage; nil is quiet.
	Progress io.Writer
	// Headers, when set, indexes the standard headers with the compiler
	// (IndexHeaders) so that the model samples only names a program can
	// use; nil leaves the model without a header table.
	Headers *HeaderOptions
	// Exclude and ExcludeFix, when set, leave out the corpus files and the
	// fix documents (by file and line) they accept: the held-out part of
	// an evaluation.
	Exclude    func(path string) bool
	ExcludeFix func(path string, line int) bool
}

// Stats describe a training run.
type Stats struct {
	Files      int   // corpus files read
	Duplicates int   // files skipped: same content as one already read
	Skipped    int   // files skipped: binary or unreadable
	Lines      int64 // lines of the corpus files
	Bytes      int64 // bytes of the corpus files
	FixDocs    int   // fix documents read
	FixBytes   int64
	Tokens     int64 // tokens counted (fix documents once)
	Headers    int   // headers indexed
	Read       time.Duration
	Build      time.Duration
	Index      time.Duration // indexing the headers
}

// Train reads the sources and fix datasets and builds a model.
func Train(ctx context.Context, opt Options) (*embedded.Model, Stats, error) {
	var st Stats
	order := opt.Order
	if order == 0 {
		order = embedded.DefaultOrder
	}
	tr, err := embedded.NewTrainer(order)
	if err != nil {
		return nil, st, err
	}
	say := func(format string, args ...any) {
		if opt.Progress != nil {
			fmt.Fprintf(opt.Progress, format+"\n", args...)
		}
	}
	began := time.Now()
	seen := map[[32]byte]bool{}
	var described []string
	for _, src := range opt.Sources {
		files, lines, bytesRead := 0, int64(0), int64(0)
		for _, f := range src.Files {
			if opt.Exclude != nil && opt.Exclude(f.Path) {
				continue
			}
			if err := ctx.Err(); err != nil {
				return nil, st, err
			}
			data, err := os.ReadFile(f.Path)
			if err != nil || bytes.IndexByte(data, 0) >= 0 {
				st.Skipped++
				continue
			}
			sum := sha256.Sum256(data)
			if seen[sum] {
				st.Duplicates++
				continue
			}
			seen[sum] = true
			tr.Add(data, max(src.Weight, 1))
			files++
			lines += int64(bytes.Count(data, []byte("\n")))
			bytesRead += int64(len(data))
		}
		st.Files += files
		st.Lines += lines
		st.Bytes += bytesRead
		line := fmt.Sprintf("%s: %d files, %d lines, %.1f MB", src.Name, files, lines, float64(bytesRead)/1e6)
		described = append(described, line)
		say("read %s", line)
	}
	weight := opt.FixesWeight
	if weight == 0 {
		weight = DefaultFixesWeight
	}
	for _, path := range opt.Fixes {
		n, size := 0, int64(0)
		err := ReadFixes(path, func(line int, text string) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if opt.ExcludeFix != nil && opt.ExcludeFix(path, line) {
				return nil
			}
			if tr.Add([]byte(text), weight) > 0 {
				n++
				size += int64(len(text))
			}
			return nil
		})
		if err != nil {
			return nil, st, err
		}
		if n == 0 {
			return nil, st, fmt.Errorf("fixes %s: no document holds C or C++ code", path)
		}
		st.FixDocs += n
		st.FixBytes += size
		line := fmt.Sprintf("fixes %s: %d documents, %.1f MB, weight %d", path, n, float64(size)/1e6, weight)
		described = append(described, line)
		say("read %s", line)
	}
	st.Read = time.Since(began)
	st.Tokens = tr.Tokens()
	if tr.Documents() == 0 {
		return nil, st, fmt.Errorf("train: %w (%d files read)", embedded.ErrEmptyCorpus, st.Files)
	}
	say("counting %d tokens of %d documents (order %d)", tr.Tokens(), tr.Documents(), order)
	began = time.Now()
	m, err := tr.Build(ctx, func(s string) { say("  %s", s) })
	if err != nil {
		return nil, st, err
	}
	st.Build = time.Since(began)
	if opt.Headers != nil {
		began = time.Now()
		table, err := IndexHeaders(ctx, *opt.Headers)
		if err != nil {
			// The model still works, without name discipline.
			say("no header table: %v", err)
		} else {
			m.SetHeaders(table)
			st.Headers = len(table)
		}
		st.Index = time.Since(began)
		say("indexed %d standard headers in %s", st.Headers, st.Index.Round(time.Millisecond))
	}
	m.SetSources(described)
	return m, st, nil
}

// ReadFixes calls fn with the line number and the "text" field of each
// line of a JSONL fix dataset (the format the training package exports).
// Blank lines are skipped; a line that is not a JSON object with a string
// "text" is an error naming the file and line.
func ReadFixes(path string, fn func(line int, text string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("fixes: %w", err)
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	lineNo := 0
	docs := 0
	for {
		line, err := r.ReadBytes('\n')
		if len(line) > 0 {
			lineNo++
			line = bytes.TrimSpace(line)
			if len(line) > 0 {
				var rec struct {
					Text *string `json:"text"`
				}
				if jerr := json.Unmarshal(line, &rec); jerr != nil {
					var te *json.UnmarshalTypeError
					if errors.As(jerr, &te) && te.Field == "text" {
						return fmt.Errorf("fixes %s:%d: \"text\" is a %s, want a string", path, lineNo, te.Value)
					}
					return fmt.Errorf("fixes %s:%d: not a JSON object: %v", path, lineNo, jerr)
				}
				if rec.Text == nil {
					return fmt.Errorf("fixes %s:%d: no \"text\" field", path, lineNo)
				}
				docs++
				if ferr := fn(lineNo, *rec.Text); ferr != nil {
					return ferr
				}
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("fixes %s:%d: %w", path, lineNo+1, err)
		}
	}
	if docs == 0 {
		return fmt.Errorf("fixes %s: no document (want one JSON object with a \"text\" field per line)", path)
	}
	return nil
}
