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
	s := inputCleanedBy("command-input", func(f *function, c *callSite) bool {
		return c.name == "basename" || libraryEscaper(f, c)
	})
	s.interproc = true
	s.textOnly = true
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
	if f.guards().validated(vars, at, shellChecks) {
		return true
	}
	return callersValidate(f, vars)
}

// callersValidate reports whether the data a command takes from a
// parameter is validated by every caller before the call, field by
// field: run_backup(&cfg) after if (validate_config(&cfg) != 0) return,
// where validate_config checks cfg->source_dir and cfg->dest_dir, covers
// a command built from those two and not one that also holds
// cfg->label.
func callersValidate(f *function, vars map[string]bool) bool {
	any := false
	for i, p := range f.params {
		if p.name == "" || !vars[p.name] {
			continue
		}
		any = true
		used := textFields(f, vars, p.name)
		ok := everyCaller(f, func(s callerSite) bool {
			base, _ := baseVar(f.file.t, firstAddr(s.call.arg(i)))
			if base == "" {
				return false
			}
			whole, fields := validatedFields(s.caller, base, s.call.n)
			if whole {
				return true
			}
			if len(used) == 0 {
				return false
			}
			for u := range used {
				if !fields[u] {
					return false
				}
			}
			return true
		})
		if !ok {
			return false
		}
	}
	return any
}

// firstAddr strips & and parentheses: cfg for &cfg.
func firstAddr(e *node) *node {
	x, _ := addrOf(e)
	return x
}

// textFields are the fields of a variable a set of sources reads that
// can hold text (not a number or a flag): "label" for cfg->label.
func textFields(f *function, vars map[string]bool, base string) map[string]bool {
	out := map[string]bool{}
	rs := f.file.fileRecords()
	for k := range vars {
		path, ok := strings.CutPrefix(k, fieldKey+base+".")
		if !ok {
			continue
		}
		name := path
		if i := strings.LastIndex(name, "."); i >= 0 {
			name = name[i+1:]
		}
		if v := rs.byField[name]; v != nil && v.kind == tkInt && v.ptr == 0 && len(v.dims) == 0 {
			continue
		}
		out[path] = true
	}
	return out
}

// validatedFields reads the checks that hold at a point for the shell's
// special characters in a variable: whole when the variable itself is
// checked, else the fields checked, directly (is_plain_word(cfg.label))
// or by a function of the file handed the variable that checks them
// (validate_config(&cfg), see fieldValidation).
func validatedFields(g *function, base string, at *node) (bool, map[string]bool) {
	fields := map[string]bool{}
	whole := false
	for _, c := range g.guards().conditionsAt(at) {
		c.e.walk(func(m *node) bool {
			cs := g.callAt[m]
			if m.kind != "call_expression" || cs == nil {
				return true
			}
			if shellCheckCall(g, cs) {
				whole = checkedParts(g, cs, base, fields) || whole
				return true
			}
			h := g.callee(cs)
			if h == nil || h == g {
				return true
			}
			for j, a := range cs.args {
				if b, _ := baseVar(g.file.t, firstAddr(a)); b == base && unparen(firstAddr(a)).kind == "identifier" {
					for fld := range fieldValidation(h, j) {
						fields[fld] = true
					}
				}
			}
			return true
		})
	}
	return whole, fields
}

// shellCheckCall reports a call that checks its arguments for the
// shell's special characters: a search for them or a validator.
func shellCheckCall(f *function, cs *callSite) bool {
	switch cs.name {
	case "strpbrk", "strcspn", "strspn", "regexec":
		return true
	}
	return shellValidator(f, cs)
}

// checkedParts adds to fields the fields of base a check's arguments
// name, and reports whether one of them is base itself.
func checkedParts(f *function, cs *callSite, base string, fields map[string]bool) (whole bool) {
	for _, a := range cs.args {
		if w, fld, ok := fieldOfBase(f, a, base); ok {
			whole = whole || w
			if fld != "" {
				fields[fld] = true
			}
		}
	}
	return whole
}

// fieldOfBase tells which part of base an expression is: the whole
// variable, or the path of one of its fields ("label" for cfg.label or
// cfg->label).
func fieldOfBase(f *function, e *node, base string) (whole bool, field string, ok bool) {
	x := firstAddr(e)
	if b, _ := baseVar(f.file.t, x); b != base {
		return false, "", false
	}
	p := fieldPath(f, unparen(x))
	if p == "" || p == base {
		return true, "", true
	}
	return false, strings.TrimPrefix(p, base+"."), true
}

// fieldValidation is the set of fields of a function's i-th parameter
// that its conditions check for the shell's special characters:
// {source_dir, dest_dir} for a validate_config that calls
// is_plain_word(cfg->source_dir) and is_plain_word(cfg->dest_dir).
func fieldValidation(h *function, i int) map[string]bool {
	if i >= len(h.params) || h.params[i].name == "" {
		return nil
	}
	q := h.params[i].name
	return cached(funcCache(h), "shell/fieldValidation/"+q, func() map[string]bool {
		out := map[string]bool{}
		for _, st := range h.byKind["if_statement"] {
			c := condExpr(st)
			if c == nil {
				continue
			}
			c.walk(func(m *node) bool {
				if cs := h.callAt[m]; m.kind == "call_expression" && cs != nil && shellCheckCall(h, cs) {
					checkedParts(h, cs, q, out)
				}
				return true
			})
		}
		return out
	})
}

// shellSpecial are the characters a shell quoting function must replace:
// the quotes, and what ends or nests a word or a command.
const shellSpecial = "'\"`$;|&<>()\\\n"

// shellEscaper reports whether a function quotes a parameter for the
// shell as it copies it, judged by what it does to each character
// against the quote it puts around the copy (escapesOf):
//
//   - in single quotes, the quote itself must be replaced ('\”) or
//     refused; nothing else is special there;
//   - in double quotes, '"', '\\', '$' and '`' must be: $(cmd) and
//     `cmd` still run inside them;
//   - without a quote of its own, the copy is for one of those two
//     (the caller quotes it) or is a bare word whose every special
//     character is escaped.
//
// A loop that only splits or decodes (a form parser that stops at '&')
// replaces none of these and is no escaper.
func shellEscaper(f *function, p *varInfo) bool {
	prof := escapesOf(f, p)
	if !prof.loop {
		return false
	}
	single := prof.handles("'")
	double := prof.handles("\"\\$`")
	switch prof.wrap {
	case '\'':
		return single
	case '"':
		return double
	}
	return single || double || prof.handles(shellSpecial)
}

// shellChecks are the checks that reject the shell's special characters.
var shellChecks = &forbidden{chars: shellSpecial, all: ";|&`$\n"}

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
