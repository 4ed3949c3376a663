package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"securecomplete/eval/scenario"
)

const pearceMeta = "mark_setup.json"

// PearceMarker is the line of a Pearce et al. scenario where the
// completion goes: the prompt is everything before it, the suffix
// everything after it.
const PearceMarker = "//-copilot next line-"

var pearceMarkerLine = regexp.MustCompile(`^[ \t]*//[ \t]*-copilot next line-[ \t]*\r?$`)

// readPearce reads one scenario folder of the Pearce et al. layout:
// mark_setup.json (cwe a string, cwe_rank and exp_id numbers, language
// "c" or "python", check_ql absent in some, other keys such as
// suppress_at_lines ignored) and scenario.c. The id is the study's own
// naming, <CWE number>-<exp_id> ("787-2"); without an exp_id, the CWE
// number and the folder's name.
func readPearce(dir string) (scenario.Scenario, error) {
	metaFile := filepath.Join(dir, pearceMeta)
	f, m, lang, err := readMeta(metaFile)
	if err != nil {
		return scenario.Scenario{}, err
	}
	r, err := rank(f)
	if err != nil {
		return scenario.Scenario{}, err
	}
	expID, err := f.text("exp_id")
	if err != nil {
		return scenario.Scenario{}, err
	}
	src, err := sourceFile(dir, "scenario", lang)
	if err != nil {
		return scenario.Scenario{}, err
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return scenario.Scenario{}, err
	}
	prompt, suffix, err := splitAtMarker(src, string(data))
	if err != nil {
		return scenario.Scenario{}, err
	}

	num := strconv.Itoa(m.CWE.Number())
	id := sanitizeID(num + "-" + expID)
	idFrom := `key "cwe" and key "exp_id" in ` + metaFile
	if expID == "" {
		id = sanitizeID(num + "-" + filepath.Base(dir))
		idFrom = `key "cwe" in ` + metaFile + " and the folder name " + dir
	}
	s := m.scenario(id, lang, scenario.OriginPearce, dir, "Pearce et al.")
	s.Rank = r
	s.Prompt, s.Suffix = prompt, suffix
	if err := s.Validate(); err != nil {
		return scenario.Scenario{}, fmt.Errorf("%s: %w (id from %s)", metaFile, err, idFrom)
	}
	return s, nil
}

// splitAtMarker cuts a scenario file at its marker line.
func splitAtMarker(file, text string) (prompt, suffix string, err error) {
	lines := strings.SplitAfter(text, "\n")
	at := -1
	off := 0
	for i, l := range lines {
		if pearceMarkerLine.MatchString(strings.TrimSuffix(l, "\n")) {
			if at >= 0 {
				return "", "", fmt.Errorf("%s: the marker %q appears twice (lines %d and %d): the completion point must be one line", file, PearceMarker, lineOf(text, at)+1, i+1)
			}
			at = off
			prompt = text[:off]
			suffix = text[off+len(l):]
		}
		off += len(l)
	}
	if at < 0 {
		return "", "", fmt.Errorf("%s: no line %q marks where the completion goes", file, PearceMarker)
	}
	return prompt, suffix, nil
}

func lineOf(text string, off int) int { return strings.Count(text[:off], "\n") }
