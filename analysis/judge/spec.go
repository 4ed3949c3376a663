package judge

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"securecomplete/analysis"
	"securecomplete/analysis/external/run"
)

// Spec is a judge's identity: what decides its verdicts. Two judges with
// equal Specs give the same verdict on the same program, so stored
// verdicts are keyed by it (see Key). It holds the selected analyzers, in
// order, and, when the compile check is among them, the command that
// decides validity per language.
//
// Precompiled headers are not part of it: a program compiled through one
// gets the plain command's verdict (analysis/compile), so a run with
// --no-pch reuses and is reused by the others. Neither are the versions of
// the compilers and of the built-in rules: a store keeps the verdicts a
// run made with the tools it had (as the study's did); the verdict cache,
// which outlives runs, adds them to its own key (eval/bench).
type Spec struct {
	Analyzers []string     `json:"analyzers"`
	Compile   *CompileRule `json:"compile,omitempty"`
}

// CompileRule is the command that decides validity, per language.
type CompileRule struct {
	C   Command `json:"c"`
	CPP Command `json:"cpp"`
}

// Command is a compiler and its arguments, "-c" included.
type Command struct {
	Compiler string   `json:"compiler"`
	Args     []string `json:"args"`
}

func (c Command) String() string { return run.Cmd{Name: c.Compiler, Args: c.Args}.String() }

// Spec returns the judge's identity.
func (j *Judge) Spec() Spec {
	s := Spec{Analyzers: j.Analyzers()}
	if j.compile != nil {
		cmd := func(lang analysis.Lang) Command {
			o := j.compile.Options()
			name := o.CC
			if lang == analysis.CPP {
				name = o.CXX
			}
			return Command{Compiler: name, Args: append(append([]string{}, o.Flags...), "-c")}
		}
		s.Compile = &CompileRule{C: cmd(analysis.C), CPP: cmd(analysis.CPP)}
	}
	return s
}

// Key is the Spec's canonical JSON, the form stores keep it in.
func (s Spec) Key() string {
	if s.Analyzers == nil {
		s.Analyzers = []string{}
	}
	b, err := json.Marshal(s)
	if err != nil { // a struct of strings always marshals
		panic(fmt.Sprintf("judge spec: %v", err))
	}
	return string(b)
}

// ParseSpec reads a Spec from its JSON (Key), rejecting unknown fields
// and a Spec without analyzers.
func ParseSpec(data string) (Spec, error) {
	var s Spec
	dec := json.NewDecoder(strings.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return Spec{}, fmt.Errorf("judge spec %q: %w", data, err)
	}
	if len(s.Analyzers) == 0 {
		return Spec{}, fmt.Errorf("judge spec %q: no analyzers", data)
	}
	return s, nil
}

// String is the Spec on one line, for logs: the analyzers, then the
// compile command of C and of C++.
func (s Spec) String() string {
	out := strings.Join(s.Analyzers, ",")
	if s.Compile != nil {
		out += " | " + s.Compile.C.String() + " | " + s.Compile.CPP.String()
	}
	return out
}

// Describe says in words what decides the verdicts, for reports.
func (s Spec) Describe() string {
	d := "analyzers " + strings.Join(s.Analyzers, ",") + "; the scenario's CWE decides (built-in rules of securecomplete)"
	if s.Compile != nil {
		d += "; invalid = does not compile with " + s.Compile.C.String() + " | " + s.Compile.CPP.String()
	}
	return d
}

// ParseLegacySpec reads the judge name that stores of schema version 1
// keyed verdicts by: "compile,builtin | gcc -g -O -D_FORTIFY_SOURCE=2 -c |
// g++ -g -O -D_FORTIFY_SOURCE=2 -c" (analyzers, then the C and the C++
// command when compile was selected), or the analyzers alone. Only the
// store's migration calls it.
func ParseLegacySpec(name string) (Spec, error) {
	parts := strings.Split(name, " | ")
	var s Spec
	for _, a := range strings.Split(parts[0], ",") {
		if a = strings.TrimSpace(a); a != "" {
			s.Analyzers = append(s.Analyzers, a)
		}
	}
	if len(s.Analyzers) == 0 {
		return Spec{}, fmt.Errorf("judge name %q: no analyzers", name)
	}
	switch len(parts) {
	case 1:
		return s, nil
	case 3:
		c, err1 := parseLegacyCommand(parts[1])
		cpp, err2 := parseLegacyCommand(parts[2])
		if err := errors.Join(err1, err2); err != nil {
			return Spec{}, fmt.Errorf("judge name %q: %w", name, err)
		}
		s.Compile = &CompileRule{C: c, CPP: cpp}
		return s, nil
	}
	return Spec{}, fmt.Errorf("judge name %q: want the analyzers, or the analyzers and two compile commands, separated by \" | \"", name)
}

// parseLegacyCommand splits a command as run.Cmd.String wrote it: words
// separated by spaces, a word with special characters in single quotes.
func parseLegacyCommand(s string) (Command, error) {
	var words []string
	var cur strings.Builder
	inWord, quoted := false, false
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case quoted && ch == '\'':
			quoted = false
		case quoted:
			cur.WriteByte(ch)
		case ch == '\'':
			quoted, inWord = true, true
		case ch == '\\' && i+1 < len(s): // from the '\'' of an embedded quote
			i++
			cur.WriteByte(s[i])
			inWord = true
		case ch == ' ':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteByte(ch)
			inWord = true
		}
	}
	if quoted {
		return Command{}, fmt.Errorf("command %q: unterminated quote", s)
	}
	if inWord {
		words = append(words, cur.String())
	}
	if len(words) == 0 {
		return Command{}, fmt.Errorf("empty command")
	}
	return Command{Compiler: words[0], Args: words[1:]}, nil
}
