package fixes

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type svenLine struct {
	After    json.RawMessage `json:"func_src_after"`
	Link     json.RawMessage `json:"commit_link"`
	FileName json.RawMessage `json:"file_name"`
	VulType  json.RawMessage `json:"vul_type"`
}

// SVENFiles returns the JSONL files of a SVEN-format dataset: path itself
// when it is a file, else the *.jsonl files of the folder in name order.
func SVENFiles(path string) ([]string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return []string{path}, nil
	}
	names, err := filepath.Glob(filepath.Join(path, "*.jsonl"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	return names, nil
}

// ReadSVEN streams SVEN-format JSONL (a file, or a folder of *.jsonl):
// one Fix per line, holding the fixed function (func_src_after), its file
// (file_name), its commit (commit_link) and its CWE (vul_type, "cwe-787").
// A line that is not a JSON object, or lacks the function or the commit,
// is reported with its line number.
func ReadSVEN(ctx context.Context, path string, h Handler) (Counts, error) {
	var c Counts
	bad := func(where, reason, detail string) {
		c.Problems++
		h.problem(SVEN, where, reason, detail)
	}
	files, err := SVENFiles(path)
	if err != nil {
		bad(path, "cannot open", err.Error())
		return c, nil
	}
	if len(files) == 0 {
		bad(path, "no JSONL files", "no *.jsonl file in the folder")
	}
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			bad(file, "cannot open", err.Error())
			continue
		}
		r := bufio.NewReaderSize(f, 1<<20)
		lineNo := 0
		for {
			if err := ctx.Err(); err != nil {
				f.Close()
				return c, err
			}
			line, rerr := r.ReadBytes('\n')
			if len(line) > 0 {
				lineNo++
				if err := c.svenLine(file, lineNo, line, h, bad); err != nil {
					f.Close()
					return c, err
				}
			}
			if errors.Is(rerr, io.EOF) {
				break
			}
			if rerr != nil {
				bad(fmt.Sprintf("%s:%d", file, lineNo+1), "read error", rerr.Error())
				break
			}
		}
		f.Close()
	}
	return c, nil
}

func (c *Counts) svenLine(file string, lineNo int, line []byte, h Handler, bad func(where, reason, detail string)) error {
	line = []byte(strings.TrimSpace(string(line)))
	if len(line) == 0 {
		return nil
	}
	c.Rows++
	where := fmt.Sprintf("%s:%d", file, lineNo)
	var l svenLine
	if err := json.Unmarshal(line, &l); err != nil {
		bad(where, "not a JSON object", err.Error())
		return nil
	}
	code := looseString(l.After)
	var raw string
	if json.Unmarshal(l.After, &raw) == nil {
		code = raw // keep the function's own whitespace
	}
	link := looseString(l.Link)
	fx := Fix{Source: SVEN, Where: where, URL: link, Lang: langOf(looseString(l.FileName))}
	if cwe := looseString(l.VulType); cwe != "" {
		fx.CWEs = []string{strings.ToUpper(cwe)}
	}
	repo, commit, ok := ParseCommitURL(link)
	if !ok {
		bad(where, "no commit", fmt.Sprintf("commit_link %q is not a commit URL", link))
		return nil
	}
	fx.Repo, fx.Commit = repo, commit
	if strings.TrimSpace(code) == "" {
		bad(where, "no function", "func_src_after is empty")
		return nil
	}
	fx.Files = []File{{Path: looseString(l.FileName), Code: code}}
	c.Fixes++
	c.Files++
	return h.Fix(fx)
}

// langOf names the language of a file by its extension.
func langOf(name string) string {
	switch {
	case IsCOrCPP(name):
		if strings.HasSuffix(strings.ToLower(name), ".c") {
			return "C"
		}
		return "C/C++"
	case strings.HasSuffix(name, ".py"):
		return "Python"
	}
	return ""
}
