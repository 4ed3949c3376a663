package report

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"securecomplete/analysis/sarif"
)

// Writer writes a report in one format.
type Writer func(io.Writer, *Report) error

// Formats returns the report formats by name (and file extension): md,
// csv, json and html.
func Formats() map[string]Writer {
	return map[string]Writer{"md": WriteMarkdown, "csv": WriteCSV, "json": WriteJSON, "html": WriteHTML}
}

// FileNames are the files WriteFiles writes, in the order it writes them.
func FileNames() []string {
	return []string{"report.md", "report.csv", "report.json", "report.html", "findings.sarif"}
}

// WriteFiles writes the report of in into dir in every format (report.md,
// .csv, .json, .html) and the findings as findings.sarif, each file
// atomically. It returns the Markdown, which a command also prints.
func WriteFiles(dir string, in Input, opt Options) (markdown []byte, err error) {
	rep, err := Build(in, opt)
	if err != nil {
		return nil, err
	}
	formats := Formats()
	for _, ext := range []string{"md", "csv", "json", "html"} {
		var buf bytes.Buffer
		if err := formats[ext](&buf, rep); err != nil {
			return nil, fmt.Errorf("write report.%s: %w", ext, err)
		}
		if err := WriteFileAtomic(filepath.Join(dir, "report."+ext), buf.Bytes()); err != nil {
			return nil, err
		}
		if ext == "md" {
			markdown = buf.Bytes()
		}
	}
	var paths []string
	for _, s := range in.Findings {
		paths = append(paths, s.Path)
	}
	var sbuf bytes.Buffer
	if err := sarif.WriteFindings(&sbuf, Findings(in), map[string]sarif.ToolInfo{"builtin": {Name: "securecomplete builtin rules"}}, paths); err != nil {
		return nil, fmt.Errorf("write findings.sarif: %w", err)
	}
	if err := WriteFileAtomic(filepath.Join(dir, "findings.sarif"), sbuf.Bytes()); err != nil {
		return nil, err
	}
	return markdown, nil
}

// WriteFileAtomic writes data to path through a temporary file in the
// same folder, so a failed write leaves no half report behind.
func WriteFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil { // CreateTemp makes it 0600
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
