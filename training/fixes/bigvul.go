package fixes

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// MaxCSVRecord bounds one CSV record: a quote that never closes would
// otherwise swallow the rest of a 10 GB file.
const MaxCSVRecord = 64 << 20

// ReadBigVul streams a Big-Vul CSV: one Fix per row, holding the fixed
// function (func_after) when the row is a function the fix changed
// (vul = 1). It reads leniently: fields are latin-1 unless they are valid
// UTF-8, a quote inside a quoted field that is not followed by a comma or
// an end of line is literal, a row with the wrong number of fields (or
// longer than MaxCSVRecord) is skipped and reported with its line number.
func ReadBigVul(ctx context.Context, path string, h Handler) (Counts, error) {
	var c Counts
	reject := func(f Fix, reason, detail string) {
		c.Problems++
		h.rejected(f, reason, detail)
	}
	bad := func(where, reason, detail string) {
		c.Problems++
		h.problem(BigVul, where, reason, detail)
	}
	f, err := os.Open(path)
	if err != nil {
		bad(path, "cannot open", err.Error())
		return c, nil
	}
	defer f.Close()
	r := newCSVReader(f)
	header, _, err := r.next()
	if err != nil {
		bad(path+":1", "no header", err.Error())
		return c, nil
	}
	col := map[string]int{}
	for i, name := range header {
		col[strings.ToLower(strings.TrimSpace(name))] = i
	}
	need := []string{"cve id", "commit_id", "codelink", "func_after"}
	for _, n := range need {
		if _, ok := col[n]; !ok {
			bad(path+":1", "missing column", fmt.Sprintf("no column %q in the header: not a Big-Vul CSV", n))
			return c, nil
		}
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	for {
		if c.Rows%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return c, err
			}
		}
		rec, line, err := r.next()
		if errors.Is(err, io.EOF) {
			break
		}
		var tooLong *recordTooLong
		if errors.As(err, &tooLong) {
			c.Rows++
			bad(fmt.Sprintf("%s:%d", path, line), "record too long", err.Error())
			continue
		}
		if err != nil {
			bad(fmt.Sprintf("%s:%d", path, line), "read error", err.Error())
			break
		}
		c.Rows++
		where := fmt.Sprintf("%s:%d", path, line)
		if len(rec) != len(header) {
			bad(where, "wrong number of fields", fmt.Sprintf("%d fields, the header has %d (an unescaped quote or a cut row)", len(rec), len(header)))
			continue
		}
		fx := Fix{Source: BigVul, Where: where,
			CVEs: splitList(get(rec, "cve id")), CWEs: splitList(get(rec, "cwe id")),
			URL: strings.TrimSpace(get(rec, "codelink")), Commit: strings.TrimSpace(get(rec, "commit_id")),
			Lang: get(rec, "lang")}
		if repo, commit, ok := ParseCommitURL(fx.URL); ok {
			fx.Repo = repo
			if fx.Commit == "" {
				fx.Commit = commit
			}
		}
		if fx.Commit == "" {
			reject(fx, "no commit", "commit_id is empty and codeLink names no commit")
			continue
		}
		if fx.Repo == "" {
			reject(fx, "no repository", fmt.Sprintf("codeLink %q is not a commit URL", fx.URL))
			continue
		}
		if isTrue(get(rec, "vul")) {
			if code := get(rec, "func_after"); strings.TrimSpace(code) != "" {
				fx.Files = []File{{Path: get(rec, "file_name"), Code: code}}
				c.Files++
			}
		}
		c.Fixes++
		if err := h.Fix(fx); err != nil {
			return c, err
		}
	}
	return c, nil
}

// isTrue reads a loosely typed flag: 1, 1.0, true, yes.
func isTrue(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "1.0", "true", "yes", "y", "t":
		return true
	}
	return false
}

// csvReader is a lenient CSV reader (see ReadBigVul).
type csvReader struct {
	r    *bufio.Reader
	line int // current line, 1-based
	buf  []byte
}

type recordTooLong struct{ n int }

func (e *recordTooLong) Error() string {
	return fmt.Sprintf("record longer than %d bytes (a quote that never closes?): skipped to the next line", e.n)
}

func newCSVReader(r io.Reader) *csvReader {
	return &csvReader{r: bufio.NewReaderSize(r, 1<<20), line: 1}
}

// next returns the next record and the line it starts on.
func (cr *csvReader) next() ([]string, int, error) {
	start := cr.line
	var fields []string
	cr.buf = cr.buf[:0]
	size := 0
	inQuotes, quoted, atStart := false, false, true
	for {
		if inQuotes {
			// The bulk of the file: code inside quotes, copied up to the
			// next quote at once.
			chunk, err := cr.r.ReadSlice('"')
			size += len(chunk)
			cr.line += bytes.Count(chunk, []byte{'\n'})
			if size > MaxCSVRecord {
				cr.skipLine()
				return nil, start, &recordTooLong{MaxCSVRecord}
			}
			if errors.Is(err, bufio.ErrBufferFull) {
				cr.buf = append(cr.buf, chunk...)
				continue
			}
			if err != nil {
				if errors.Is(err, io.EOF) { // a quote never closed: the record ends with the file
					cr.buf = append(cr.buf, chunk...)
					fields = append(fields, decodeField(cr.buf))
					return fields, start, nil
				}
				return nil, start, err
			}
			cr.buf = append(cr.buf, chunk[:len(chunk)-1]...)
			nb, err := cr.r.Peek(1)
			switch {
			case err != nil: // quote at EOF closes
				inQuotes = false
			case nb[0] == '"':
				cr.r.ReadByte()
				size++
				cr.buf = append(cr.buf, '"')
			case nb[0] == ',' || nb[0] == '\n' || nb[0] == '\r':
				inQuotes = false
			default: // an unescaped quote inside the field: literal
				cr.buf = append(cr.buf, '"')
			}
			continue
		}
		b, err := cr.r.ReadByte()
		if err != nil {
			if errors.Is(err, io.EOF) {
				if len(fields) == 0 && len(cr.buf) == 0 && !quoted && atStart {
					return nil, start, io.EOF
				}
				fields = append(fields, decodeField(cr.buf))
				return fields, start, nil
			}
			return nil, start, err
		}
		size++
		if size > MaxCSVRecord {
			if b != '\n' {
				cr.skipLine()
			} else {
				cr.line++
			}
			return nil, start, &recordTooLong{MaxCSVRecord}
		}
		if b == '\n' {
			cr.line++
		}
		switch b {
		case '"':
			if atStart {
				inQuotes, quoted = true, true
				atStart = false
				continue
			}
			cr.buf = append(cr.buf, b) // a quote inside an unquoted field
		case ',':
			fields = append(fields, decodeField(cr.buf))
			cr.buf = cr.buf[:0]
			atStart, quoted = true, false
		case '\r':
			if nb, err := cr.r.Peek(1); err == nil && nb[0] == '\n' {
				continue
			}
			cr.buf = append(cr.buf, b)
		case '\n':
			fields = append(fields, decodeField(cr.buf))
			return fields, start, nil
		default:
			cr.buf = append(cr.buf, b)
			atStart = false
		}
	}
}

// skipLine skips to the end of the physical line: a record too long is
// given up there.
func (cr *csvReader) skipLine() {
	for {
		_, err := cr.r.ReadSlice('\n')
		if !errors.Is(err, bufio.ErrBufferFull) {
			cr.line++
			return
		}
	}
}

// decodeField returns the field as UTF-8: as is when it is valid UTF-8,
// else decoded from latin-1.
func decodeField(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	n := len(b)
	for _, c := range b {
		if c >= 0x80 {
			n++
		}
	}
	out := make([]byte, 0, n)
	for _, c := range b {
		if c < 0x80 {
			out = append(out, c)
		} else {
			out = append(out, 0xc0|c>>6, 0x80|c&0x3f)
		}
	}
	return string(out)
}
