package export

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"

	"github.com/tiktoken-go/tokenizer"

	"securecomplete/training/dataset"
)

// SeqLen is the tokens of one packed sequence: GPT-J's context of 2048
// plus the one token the last position predicts.
const SeqLen = 2049

// EOS is GPT-2's <|endoftext|>, appended after each file.
const EOS = 50256

// TFRecordStats describe the TFRecords written.
type TFRecordStats struct {
	Splits map[string]TFSplit `json:"splits"`
}

// TFSplit is one split's TFRecords.
type TFSplit struct {
	File      string `json:"file"`
	Index     string `json:"index"` // the index file mesh-transformer-jax's train_set / val_set names
	Documents int    `json:"documents"`
	Tokens    int64  `json:"tokens"`    // including one EOS per document
	Sequences int    `json:"sequences"` // of SeqLen tokens
	Dropped   int    `json:"dropped"`   // tokens after the last whole sequence
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// MaskedCRC is TFRecord's masked CRC32C.
func MaskedCRC(b []byte) uint32 {
	c := crc32.Checksum(b, castagnoli)
	return ((c >> 15) | (c << 17)) + 0xa282ead8
}

// WriteRecord writes one TFRecord: length, its masked CRC, the data, its
// masked CRC.
func WriteRecord(w io.Writer, data []byte) error {
	var hdr [12]byte
	binary.LittleEndian.PutUint64(hdr[:8], uint64(len(data)))
	binary.LittleEndian.PutUint32(hdr[8:], MaskedCRC(hdr[:8]))
	var ftr [4]byte
	binary.LittleEndian.PutUint32(ftr[:], MaskedCRC(data))
	if _, err := w.Write(hdr[:]); err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		return err
	}
	_, err := w.Write(ftr[:])
	return err
}

// ReadRecord reads one TFRecord, checking both CRCs; io.EOF at a clean end.
func ReadRecord(r io.Reader) ([]byte, error) {
	var hdr [12]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("truncated record header: %w", err)
		}
		return nil, err
	}
	if got, want := MaskedCRC(hdr[:8]), binary.LittleEndian.Uint32(hdr[8:]); got != want {
		return nil, fmt.Errorf("length CRC %08x, want %08x", got, want)
	}
	n := binary.LittleEndian.Uint64(hdr[:8])
	if n > 1<<30 {
		return nil, fmt.Errorf("record of %d bytes: corrupt length", n)
	}
	data := make([]byte, n+4)
	if _, err := io.ReadFull(r, data); err != nil {
		return nil, fmt.Errorf("truncated record: %w", err)
	}
	if got, want := MaskedCRC(data[:n]), binary.LittleEndian.Uint32(data[n:]); got != want {
		return nil, fmt.Errorf("data CRC %08x, want %08x", got, want)
	}
	return data[:n], nil
}

func appendVarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

func appendLen(b []byte, field int, payload []byte) []byte {
	b = appendVarint(b, uint64(field<<3|2))
	b = appendVarint(b, uint64(len(payload)))
	return append(b, payload...)
}

// Example encodes a tf.train.Example with one int64 feature: Example{
// features (1): Features{ feature (1): map entry{ key (1), value (2):
// Feature{ int64_list (3): Int64List{ value (1), packed } } } } }.
func Example(name string, values []int64) []byte {
	var packed []byte
	for _, v := range values {
		packed = appendVarint(packed, uint64(v))
	}
	list := appendLen(nil, 1, packed)
	feature := appendLen(nil, 3, list)
	entry := appendLen(nil, 1, []byte(name))
	entry = appendLen(entry, 2, feature)
	features := appendLen(nil, 1, entry)
	return appendLen(nil, 1, features)
}

// ParseExample decodes what Example encodes (one int64 feature), for
// checking the files written.
func ParseExample(b []byte) (string, []int64, error) {
	field := func(b []byte) (int, []byte, []byte, error) {
		tag, n := binary.Uvarint(b)
		if n <= 0 || tag&7 != 2 {
			return 0, nil, nil, fmt.Errorf("want a length-delimited field, got tag %d", tag)
		}
		l, m := binary.Uvarint(b[n:])
		if m <= 0 || uint64(len(b[n+m:])) < l {
			return 0, nil, nil, errors.New("bad length")
		}
		return int(tag >> 3), b[n+m : n+m+int(l)], b[n+m+int(l):], nil
	}
	want := func(b []byte, num int) ([]byte, error) {
		f, v, rest, err := field(b)
		if err != nil {
			return nil, err
		}
		if f != num || len(rest) != 0 {
			return nil, fmt.Errorf("field %d (%d bytes after), want only field %d", f, len(rest), num)
		}
		return v, nil
	}
	features, err := want(b, 1)
	if err != nil {
		return "", nil, fmt.Errorf("Example: %w", err)
	}
	entry, err := want(features, 1)
	if err != nil {
		return "", nil, fmt.Errorf("Features: %w", err)
	}
	f, key, rest, err := field(entry)
	if err != nil || f != 1 {
		return "", nil, fmt.Errorf("map entry key: %v", err)
	}
	value, err := want(rest, 2)
	if err != nil {
		return "", nil, fmt.Errorf("map entry value: %w", err)
	}
	list, err := want(value, 3)
	if err != nil {
		return "", nil, fmt.Errorf("Feature: %w", err)
	}
	packed, err := want(list, 1)
	if err != nil {
		return "", nil, fmt.Errorf("Int64List: %w", err)
	}
	var vals []int64
	for len(packed) > 0 {
		v, n := binary.Uvarint(packed)
		if n <= 0 {
			return "", nil, errors.New("Int64List: bad varint")
		}
		vals = append(vals, int64(v))
		packed = packed[n:]
	}
	return string(key), vals, nil
}

// Tokenizer returns GPT-2's BPE (GPT-J's tokenizer).
func Tokenizer() (tokenizer.Codec, error) { return tokenizer.Get(tokenizer.R50kBase) }

// Packer packs documents' tokens, each followed by EOS, into SeqLen-token
// sequences, as mesh-transformer-jax's create_finetune_tfrecords.py does.
type Packer struct {
	enc  tokenizer.Codec
	buf  []int64
	emit func([]int64) error
	// Documents and Tokens count what was added.
	Documents int
	Tokens    int64
	Sequences int
}

// NewPacker returns a packer calling emit with each full sequence.
func NewPacker(emit func([]int64) error) (*Packer, error) {
	enc, err := Tokenizer()
	if err != nil {
		return nil, err
	}
	return &Packer{enc: enc, emit: emit}, nil
}

// Add tokenises one document and appends it with its EOS.
func (p *Packer) Add(text string) error {
	ids, _, err := p.enc.Encode(text)
	if err != nil {
		return err
	}
	p.Documents++
	p.Tokens += int64(len(ids)) + 1
	for _, id := range ids {
		p.buf = append(p.buf, int64(id))
		if err := p.flush(); err != nil {
			return err
		}
	}
	p.buf = append(p.buf, EOS)
	return p.flush()
}

func (p *Packer) flush() error {
	if len(p.buf) < SeqLen {
		return nil
	}
	p.Sequences++
	err := p.emit(p.buf[:SeqLen])
	p.buf = p.buf[:0]
	return err
}

// Left is the tokens not yet in a sequence (dropped at the end, as the
// trainer's script drops them).
func (p *Packer) Left() int { return len(p.buf) }

// TFRecords writes each split as TFRecords of packed sequences (feature
// "text", SeqLen int64s) with an index file listing it.
func TFRecords(ctx context.Context, idx *dataset.Index, out string) (*TFRecordStats, error) {
	st := &TFRecordStats{Splits: map[string]TFSplit{}}
	for _, split := range []string{dataset.Train, dataset.Valid} {
		tmp := filepath.Join(out, split+".tfrecords.partial")
		f, err := os.Create(tmp)
		if err != nil {
			return nil, err
		}
		w := bufio.NewWriterSize(f, 1<<20)
		p, err := NewPacker(func(seq []int64) error { return WriteRecord(w, Example("text", seq)) })
		if err != nil {
			f.Close()
			return nil, err
		}
		err = idx.Records(ctx, split, func(r dataset.Record) error { return p.Add(r.Text) })
		if err == nil {
			err = w.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(tmp)
			return nil, fmt.Errorf("tfrecords %s: %w", split, err)
		}
		// mesh-transformer-jax reads the sequence count from the name.
		name := fmt.Sprintf("%s_0_%d.tfrecords", split, p.Sequences)
		old, _ := filepath.Glob(filepath.Join(out, split+"_0_*.tfrecords"))
		for _, o := range old {
			os.Remove(o)
		}
		if err := os.Rename(tmp, filepath.Join(out, name)); err != nil {
			return nil, err
		}
		index := split + ".index"
		if err := os.WriteFile(filepath.Join(out, index), []byte(name+"\n"), 0o644); err != nil {
			return nil, err
		}
		st.Splits[split] = TFSplit{File: name, Index: index, Documents: p.Documents, Tokens: p.Tokens, Sequences: p.Sequences, Dropped: p.Left()}
	}
	return st, nil
}

// ReadTFRecords reads a TFRecord file of packed sequences back, checking
// framing, CRCs and the feature, and returns the token stream.
func ReadTFRecords(path string) ([][]int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	var seqs [][]int64
	for {
		rec, err := ReadRecord(r)
		if errors.Is(err, io.EOF) {
			return seqs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: record %d: %w", path, len(seqs), err)
		}
		name, vals, err := ParseExample(rec)
		if err != nil {
			return nil, fmt.Errorf("%s: record %d: %w", path, len(seqs), err)
		}
		if name != "text" || len(vals) != SeqLen {
			return nil, fmt.Errorf("%s: record %d: feature %q of %d values, want \"text\" of %d", path, len(seqs), name, len(vals), SeqLen)
		}
		seqs = append(seqs, vals)
	}
}
