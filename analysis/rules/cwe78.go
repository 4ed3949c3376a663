package rules

import (
	"fmt"
	"strings"
)

// CWE-78, OS command injection.
//
// Scenarios 78-0/1/2 are judged by CodeQL's cpp/command-line-injection:
// data the user controls (argv, input, the environment) reaches a
// command run by a shell: system(), popen(), or an exec of /bin/sh -c.
// CodeQL follows the data through sprintf, snprintf, strcat and strcpy
// into the command buffer; it does not count exec("program", args),
// which runs no shell, and it ignores code that cannot run (after a
// return). Like CodeQL's taint tracking, a variable compared with < or >
// against something other than 0 counts as checked. A check of the data
// against the shell's special characters (strpbrk, strcspn, strspn with
// an allowed set, or a validation function) that stops the program when
// it fails also clears the finding.

func cwe78Rules() []*Rule {
	return []*Rule{
		{
			Name:     "cwe78-command-injection",
			CWE:      "CWE-78",
			Doc:      "data from the user reaches a command run by a shell (system, popen, sh -c)",
			Fix:      "do not build a shell command from user data: run the program directly with execv/execvp and the data as one argument, or reject any character outside [A-Za-z0-9._-] before use",
			Requires: []Fact{Flow, Taint, Guards},
			Run:      checkCommandInjection,
		},
	}
}

// commandInput is user input as CodeQL's DefaultTaintTracking sees it,
// stopped by escaping and basename().
var commandInput = func() *taintSpec {
	s := inputCleanedBy("command-input", func(name string) bool {
		return escapeName(name) || name == "basename"
	})
	s.interproc = true
	s.argClean = func(f *function, arg, call *node) bool { return commandValidated(f, s, arg, call) }
	s.escaper = shellEscaper
	return s
}()

func checkCommandInjection(pass *Pass) {
	for _, f := range pass.Funcs() {
		tr := f.taint().run(commandInput)
		for _, c := range f.calls {
			var cmd *node
			switch {
			case shellFuncs[c.name]:
				cmd = c.arg(0)
			case execFuncs[c.name]:
				cmd = shellCommandArg(f, c)
			}
			if cmd == nil || !f.flow().reachableNode(c.n) {
				continue
			}
			why := tr.expr(cmd)
			if why == "" {
				continue
			}
			if commandValidated(f, commandInput, cmd, c.n) {
				continue
			}
			pass.Report(c.n, fmt.Sprintf("%s runs %s as a shell command, and it holds %s: characters such as ; | ` $( let the user run any command",
				c.name, squeeze(f.text(cmd)), why), "")
		}
	}
}

// shellCommandArg returns the command of an exec of a shell with -c:
// execl("/bin/sh", "sh", "-c", cmd, NULL).
func shellCommandArg(f *function, c *callSite) *node {
	prog, ok := stringValue(f.file.t, unparen(c.arg(0)))
	if !ok {
		return nil
	}
	base := prog[strings.LastIndex(prog, "/")+1:]
	switch base {
	case "sh", "bash", "dash", "zsh", "ksh", "csh":
	default:
		return nil
	}
	for i, a := range c.args {
		if s, ok := stringValue(f.file.t, unparen(a)); ok && s == "-c" && i+1 < len(c.args) {
			return c.args[i+1]
		}
	}
	return nil
}

// commandValidated reports whether a guard before the command rejects
// shell metacharacters in it (or in the variable it was built from,
// also by a helper writing the command into the caller's buffer:
// build(cmd, sizeof cmd, argv[1]) after a check of argv[1]).
func commandValidated(f *function, spec *taintSpec, cmd *node, at *node) bool {
	vars := f.taint().checkedSources(cmd)
	for _, c := range f.calls {
		callee := f.callee(c)
		if callee == nil || callee == f || c.n.end > at.start {
			continue
		}
		outs := callee.taint().summary(spec).outs
		for j, a := range c.args {
			base, _ := addrOf(a)
			if name, _ := baseVar(f.file.t, base); name == "" || !vars[name] {
				continue
			}
			for i := range outs[j] {
				for n := range f.taint().sourcesOf(c.arg(i)) {
					vars[n] = true
				}
			}
		}
	}
	mc := newMemberChecks(f, vars)
	for _, c := range f.guards().conditionsAt(at) {
		c.e.walk(func(m *node) bool {
			if m.kind != "call_expression" {
				return true
			}
			cs := f.callAt[m]
			if cs == nil {
				return true
			}
			switch {
			case cs.name == "strpbrk" || cs.name == "strcspn" || cs.name == "strspn" || cs.name == "regexec" ||
				shellValidator(f, cs):
				for _, a := range cs.args {
					mc.add(a)
				}
			}
			return true
		})
	}
	if mc.covered() {
		return true
	}
	// A loop over the characters before it that rejects a metacharacter
	// or anything outside letters and digits.
	return f.guards().validated(vars, at, shellChecks)
}

// shellSpecial are the characters a shell quoting function must replace:
// the quotes, and what ends or nests a word or a command.
const shellSpecial = "'\"`$;|&<>()\\\n"

// shellEscaper reports whether a function quotes a parameter for the
// shell as it copies it: it replaces the quote or the metacharacters.
func shellEscaper(f *function, p *varInfo) bool { return mapsCharacters(f, p, shellSpecial) }

// shellChecks are the checks that reject the shell's special characters.
var shellChecks = &forbidden{chars: shellSpecial, all: ";|&`$"}

// shellValidator reports whether a call in a guard validates its
// argument for the shell: a function of the file whose body rejects the
// shell's special characters or accepts only letters and digits
// (rejectsForbidden), or a function without a body named for a check.
func shellValidator(f *function, cs *callSite) bool {
	if callee := f.callee(cs); callee != nil && callee != f {
		return rejectsForbidden(callee, shellChecks)
	}
	l := strings.ToLower(cs.name)
	for _, w := range []string{"valid", "safe", "allowed", "check"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}
