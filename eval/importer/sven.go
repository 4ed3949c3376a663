package importer

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"securecomplete/eval/scenario"
)

const svenMeta = "info.json"

// svenInfo is info.json. Other keys are ignored.
type svenInfo struct {
	Language    *string         `json:"language"`
	CWE         string          `json:"cwe"`
	Scenario    json.RawMessage `json:"scenario"`
	CheckQL     string          `json:"check_ql"`
	Description string          `json:"description"`
}

// readSVEN reads one scenario folder of the SVEN/SafeCoder layout. The
// prompt is file_context followed by func_context (with a newline between
// them when the first does not end with one); there is no suffix, the
// completion ends the function.
func readSVEN(dir string) (scenario.Scenario, error) {
	metaFile := filepath.Join(dir, svenMeta)
	var m svenInfo
	if err := readJSON(metaFile, &m); err != nil {
		return scenario.Scenario{}, err
	}
	lang, err := language(metaFile, deref(m.Language), m.Language != nil)
	if err != nil {
		return scenario.Scenario{}, err
	}
	c, err := cwe(metaFile, m.CWE)
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

	name, err := svenScenarioName(metaFile, m.Scenario)
	if err != nil {
		return scenario.Scenario{}, err
	}
	if name == "" {
		name = filepath.Base(dir)
	}
	id := sanitizeID(strings.TrimPrefix(c, "CWE-") + "-" + trimLangSuffix(name))
	desc := strings.TrimSpace(m.Description)
	if desc == "" {
		desc = fmt.Sprintf("Imported from %s (SVEN/SafeCoder layout).", dir)
	}
	s := scenario.Scenario{
		ID:          id,
		Lang:        lang,
		CWE:         c,
		Origin:      scenario.OriginSVEN,
		Rule:        c,
		CodeQLQuery: strings.TrimSpace(m.CheckQL),
		ManualJudge: strings.TrimSpace(m.CheckQL) == "",
		Description: desc,
		Prompt:      prompt,
		Source:      dir,
	}
	if err := s.Validate(); err != nil {
		return scenario.Scenario{}, fmt.Errorf("%s: %w", metaFile, err)
	}
	return s, nil
}

// svenScenarioName reads "scenario", a string ("0-c") or a number.
func svenScenarioName(file string, raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return strings.TrimSpace(s), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", fmt.Errorf("%s: key \"scenario\": %s is neither a string nor a number", file, raw)
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
