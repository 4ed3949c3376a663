package embedded

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"securecomplete/completion/embedded/ctrack"
)

// FormatVersion is the version of the model file format. A change of the
// lexer or of the layout of the file bumps it, and the default model is
// retrained.
const FormatVersion = 4

// magic opens every model file.
var magic = []byte("SCNGRAM\x00")

// The file, all integers unsigned varints unless said otherwise:
//
//	magic "SCNGRAM\0"
//	format version
//	length, then Info as JSON
//	order N
//	N x 3 discounts, float64 little-endian
//	vocabulary size V, then V x (length, bytes)
//	order 1: V adjusted counts
//	orders 2..N: for each n-gram of the order below, in order:
//	    number of children, then per child: token id minus the previous
//	    child's (children are sorted by id), adjusted count
//	header table: number of distinct names S, then S x (length, bytes),
//	    sorted; number of headers H, then per header (sorted by name):
//	    (length, bytes) of its name, number of names K, then K x (index
//	    into the S names minus the previous one's, flags byte, and with
//	    the arity flag the least and most arguments, a byte each, and
//	    the parameters' kinds, a varint)
//	CRC-32 (IEEE) of all the above, 4 bytes little-endian
//
// Children sorted by id and ids sorted by frequency keep the deltas, and
// so the varints, small.

// Save writes the model to path atomically: to a temporary file in the
// same directory, renamed over path once complete.
func (m *Model) Save(path string) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	tmp := f.Name()
	defer os.Remove(tmp) // no-op once renamed
	if _, err := m.WriteTo(f); err != nil {
		f.Close()
		return fmt.Errorf("save model %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("save model %s: %w", path, err)
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	return nil
}

// WriteTo writes the model in the file format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	crc := crc32.NewIEEE()
	cw := &countWriter{w: io.MultiWriter(w, crc)}
	bw := bufio.NewWriterSize(cw, 1<<16)
	var tmp [binary.MaxVarintLen64]byte
	put := func(x uint64) {
		n := binary.PutUvarint(tmp[:], x)
		bw.Write(tmp[:n])
	}
	bw.Write(magic)
	put(FormatVersion)
	info, err := json.Marshal(m.info)
	if err != nil {
		return 0, err
	}
	put(uint64(len(info)))
	bw.Write(info)
	put(uint64(m.order))
	for _, d := range m.disc {
		for _, x := range d {
			binary.LittleEndian.PutUint64(tmp[:8], math.Float64bits(x))
			bw.Write(tmp[:8])
		}
	}
	put(uint64(len(m.vocab)))
	for _, t := range m.vocab {
		put(uint64(len(t)))
		bw.WriteString(t)
	}
	for _, c := range m.levels[0].count {
		put(uint64(c))
	}
	for k := 1; k < m.order; k++ {
		parent, lv := &m.levels[k-1], &m.levels[k]
		for p := range parent.word {
			lo, hi := parent.child[p], parent.child[p+1]
			put(uint64(hi - lo))
			prev := uint32(0)
			for i := lo; i < hi; i++ {
				put(uint64(lv.word[i] - prev))
				prev = lv.word[i]
				put(uint64(lv.count[i]))
			}
		}
	}
	m.writeHeaders(bw, put)
	if err := bw.Flush(); err != nil {
		return cw.n, err
	}
	binary.LittleEndian.PutUint32(tmp[:4], crc.Sum32())
	if _, err := w.Write(tmp[:4]); err != nil {
		return cw.n, err
	}
	return cw.n + 4, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Load reads a model file.
func Load(path string) (*Model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	m, err := Decode(data)
	if err != nil {
		return nil, fmt.Errorf("load model %s: %w", path, err)
	}
	return m, nil
}

// ErrFormat is wrapped by the errors of a file that is not a model of this
// format version.
var ErrFormat = errors.New("not an embedded model file of this version")

// ReadInfo reads the description at the head of a model file without
// loading the model.
func ReadInfo(path string) (Info, error) {
	f, err := os.Open(path)
	if err != nil {
		return Info{}, err
	}
	defer f.Close()
	head := make([]byte, 1<<16)
	n, _ := io.ReadFull(f, head)
	d := decoder{b: head[:n]}
	info, err := d.header()
	if err != nil {
		return Info{}, fmt.Errorf("model %s: %w", path, err)
	}
	return info, nil
}

// Decode reads a model from the bytes of a model file.
func Decode(data []byte) (*Model, error) {
	if len(data) < len(magic)+4 || !bytes.HasPrefix(data, magic) {
		return nil, fmt.Errorf("%w: bad magic", ErrFormat)
	}
	body := data[:len(data)-4]
	d := decoder{b: body}
	if v, n := binary.Uvarint(body[len(magic):]); n > 0 && v != FormatVersion {
		return nil, fmt.Errorf("%w: format version %d, this program reads %d", ErrFormat, v, FormatVersion)
	}
	if got, want := crc32.ChecksumIEEE(body), binary.LittleEndian.Uint32(data[len(data)-4:]); got != want {
		return nil, fmt.Errorf("corrupt model file: checksum %08x, want %08x", got, want)
	}
	info, err := d.header()
	if err != nil {
		return nil, err
	}
	order := int(d.uvarint())
	if d.err == nil && (order < 2 || order > MaxOrder) {
		return nil, fmt.Errorf("%w: order %d", ErrFormat, order)
	}
	m := &Model{order: order, info: info}
	m.disc = make([][3]float64, order)
	for k := range m.disc {
		for j := range 3 {
			m.disc[k][j] = d.float64()
		}
	}
	v := int(d.uvarint())
	if d.err == nil && (v < len(specialTokens) || v > len(d.b)) {
		return nil, fmt.Errorf("%w: vocabulary size %d", ErrFormat, v)
	}
	m.vocab = make([]string, v)
	for i := range m.vocab {
		m.vocab[i] = d.string()
	}
	m.levels = make([]level, order)
	uni := &m.levels[0]
	uni.word = make([]uint32, v)
	uni.count = make([]uint32, v)
	for i := range uni.count {
		uni.word[i] = uint32(i)
		uni.count[i] = uint32(d.uvarint())
	}
	for k := 1; k < order && d.err == nil; k++ {
		parent, lv := &m.levels[k-1], &m.levels[k]
		parent.child = make([]uint32, len(parent.word)+1)
		if k-1 < len(info.NGrams) && k < len(info.NGrams) && info.NGrams[k] <= len(d.b) {
			lv.word = make([]uint32, 0, info.NGrams[k])
			lv.count = make([]uint32, 0, info.NGrams[k])
		}
		for p := range parent.word {
			nc := d.uvarint()
			if nc > uint64(len(d.b)) {
				d.fail("child count %d past the end", nc)
				break
			}
			w := uint32(0)
			for range nc {
				w += uint32(d.uvarint())
				if int(w) >= v {
					d.fail("token id %d past the vocabulary", w)
					break
				}
				lv.word = append(lv.word, w)
				lv.count = append(lv.count, uint32(d.uvarint()))
			}
			parent.child[p+1] = uint32(len(lv.word))
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	m.derive()
	m.readHeaders(&d)
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) != 0 {
		return nil, fmt.Errorf("%w: %d bytes left over", ErrFormat, len(d.b))
	}
	return m, nil
}

// writeHeaders writes the header table.
func (m *Model) writeHeaders(bw *bufio.Writer, put func(uint64)) {
	hdrs := m.Headers()
	used := map[int32]bool{}
	for _, h := range hdrs {
		for _, n := range m.headers[h].names {
			used[n] = true
		}
	}
	all := slices.SortedFunc(maps.Keys(used), func(a, b int32) int { return strings.Compare(m.names.list[a], m.names.list[b]) })
	pos := make(map[int32]uint64, len(all))
	put(uint64(len(all)))
	for i, n := range all {
		pos[n] = uint64(i)
		put(uint64(len(m.names.list[n])))
		bw.WriteString(m.names.list[n])
	}
	put(uint64(len(hdrs)))
	for _, h := range hdrs {
		hl := m.headers[h]
		put(uint64(len(h)))
		bw.WriteString(h)
		idx := make([]int, len(hl.names))
		for i := range idx {
			idx[i] = i
		}
		slices.SortFunc(idx, func(a, b int) int { return int(pos[hl.names[a]]) - int(pos[hl.names[b]]) })
		put(uint64(len(idx)))
		prev := uint64(0)
		for _, i := range idx {
			p := pos[hl.names[i]]
			put(p - prev)
			prev = p
			bw.WriteByte(hl.flags[i])
			if hl.flags[i]&NameArity != 0 {
				lo, hi := ctrack.UnpackArity(hl.arity[i])
				bw.WriteByte(lo)
				bw.WriteByte(hi)
				put(uint64(hl.kinds[i]))
			}
		}
	}
}

// readHeaders reads the header table.
func (m *Model) readHeaders(d *decoder) {
	s := d.uvarint()
	if s > uint64(len(d.b)) {
		d.fail("header names count %d past the end", s)
		return
	}
	ids := make([]int32, s)
	for i := range ids {
		ids[i] = m.names.intern(d.string())
	}
	h := d.uvarint()
	if h > uint64(len(d.b)) {
		d.fail("header count %d past the end", h)
		return
	}
	m.headers = make(map[string]headerList, h)
	for range h {
		name := d.string()
		k := d.uvarint()
		if k > uint64(len(d.b)) {
			d.fail("header %s: name count %d past the end", name, k)
			return
		}
		hl := headerList{names: make([]int32, 0, k), flags: make([]uint8, 0, k), arity: make([]uint16, 0, k), kinds: make([]uint16, 0, k)}
		p := uint64(0)
		for range k {
			p += d.uvarint()
			if p >= s || len(d.b) == 0 {
				d.fail("header %s: name index %d past the table", name, p)
				return
			}
			f := d.b[0]
			d.b = d.b[1:]
			var a, ks uint16
			if f&NameArity != 0 {
				if len(d.b) < 2 {
					d.fail("header %s: truncated arity", name)
					return
				}
				a = ctrack.PackArity(d.b[0], d.b[1])
				d.b = d.b[2:]
				v := d.uvarint()
				if v > 0xffff {
					d.fail("header %s: parameter kinds %#x out of range", name, v)
					return
				}
				ks = uint16(v)
			}
			hl.names = append(hl.names, ids[p])
			hl.flags = append(hl.flags, f)
			hl.arity = append(hl.arity, a)
			hl.kinds = append(hl.kinds, ks)
		}
		m.headers[name] = hl
	}
}

// decoder reads varints from a byte slice, remembering the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: "+format, append([]any{ErrFormat}, args...)...)
	}
	d.b = nil
}

func (d *decoder) uvarint() uint64 {
	x, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("truncated")
		return 0
	}
	d.b = d.b[n:]
	return x
}

func (d *decoder) float64() float64 {
	if len(d.b) < 8 {
		d.fail("truncated")
		return 0
	}
	x := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
	d.b = d.b[8:]
	return x
}

func (d *decoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail("truncated string")
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) header() (Info, error) {
	if !bytes.HasPrefix(d.b, magic) {
		return Info{}, fmt.Errorf("%w: bad magic", ErrFormat)
	}
	d.b = d.b[len(magic):]
	if v := d.uvarint(); d.err == nil && v != FormatVersion {
		return Info{}, fmt.Errorf("%w: format version %d, this program reads %d", ErrFormat, v, FormatVersion)
	}
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		return Info{}, fmt.Errorf("%w: truncated header", ErrFormat)
	}
	var info Info
	if err := json.Unmarshal(d.b[:n], &info); err != nil {
		return Info{}, fmt.Errorf("%w: header: %v", ErrFormat, err)
	}
	d.b = d.b[n:]
	return info, d.err
}
