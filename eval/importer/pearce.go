package importer

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"securecomplete/eval/scenario"
)

const pearceMeta = "mark_setup.json"

// PearceMarker is the line of a Pearce et al. scenario where the
// completion goes: the prompt is everything before it, the suffix
// everything after it.
const PearceMarker = "//-copilot next line-"

var pearceMarkerLine = regexp.MustCompile(`^[ \t]*//[ \t]*-copilot next line-[ \t]*\r?$`)

// pearceSetup is mark_setup.json. Other keys are ignored.
type pearceSetup struct {
	commonMeta
	CWERank json.RawMessage `json:"cwe_rank"`
	ExpID   string          `json:"exp_id"`
}

// readPearce reads one scenario folder of the Pearce et al. layout.
func readPearce(dir string) (scenario.Scenario, error) {
	metaFile := filepath.Join(dir, pearceMeta)
	var m pearceSetup
	lang, c, err := readMeta(metaFile, &m, &m.commonMeta)
	if err != nil {
		return scenario.Scenario{}, err
	}
	r, err := rank(metaFile, m.CWERank)
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

	id := sanitizeID(m.ExpID)
	idFrom := `key "exp_id" in ` + metaFile
	if id == "" {
		id = sanitizeID(filepath.Base(filepath.Dir(dir)) + "_" + filepath.Base(dir))
		idFrom = "the folder name " + dir
	}
	s := m.scenario(id, lang, c, scenario.OriginPearce, dir, "Pearce et al.")
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
