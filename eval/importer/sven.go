package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"securecomplete/eval/scenario"
)

const svenMeta = "info.json"

// readSVEN reads one scenario folder of the SVEN/SafeCoder layout. The
// prompt is file_context followed by func_context (with a newline between
// them when the first does not end with one); there is no suffix, the
// completion ends the function.
func readSVEN(dir string) (scenario.Scenario, error) {
	metaFile := filepath.Join(dir, svenMeta)
	f, m, lang, err := readMeta(metaFile)
	if err != nil {
		return scenario.Scenario{}, err
	}
	var parts [2]string
	for i, base := range []string{"file_context", "func_context"} {
		p, err := sourceFile(dir, base, lang)
		if err != nil {
			return scenario.Scenario{}, err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return scenario.Scenario{}, err
		}
		parts[i] = string(data)
	}
	if strings.TrimSpace(parts[1]) == "" {
		return scenario.Scenario{}, fmt.Errorf("%s: empty: the function context is where the completion starts", filepath.Join(dir, "func_context"+scenario.Ext(lang)))
	}
	prompt := parts[0]
	if prompt != "" && !strings.HasSuffix(prompt, "\n") {
		prompt += "\n"
	}
	prompt += parts[1]

	// "scenario" is a string ("0-c") or a number.
	name, err := f.text("scenario")
	if err != nil {
		return scenario.Scenario{}, err
	}
	if name == "" {
		name = filepath.Base(dir)
	}
	id := sanitizeID(strconv.Itoa(m.CWE.Number()) + "-" + trimLangSuffix(name))
	s := m.scenario(id, lang, scenario.OriginSVEN, dir, "SVEN/SafeCoder")
	s.Prompt = prompt
	if err := s.Validate(); err != nil {
		return scenario.Scenario{}, fmt.Errorf("%s: %w", metaFile, err)
	}
	return s, nil
}

// trimLangSuffix drops the language from a SVEN scenario name: "0-c" is
// scenario 0 in C.
func trimLangSuffix(name string) string {
	for _, suf := range []string{"-cpp", "-c++", "-c", "-py"} {
		if rest, ok := strings.CutSuffix(name, suf); ok && rest != "" {
			return rest
		}
	}
	return name
}
