package rules

import "fmt"

// CWE-134, use of an externally controlled format string.
//
// As CodeQL's cpp/tainted-format-string sees it: data from the user (the
// command line, standard input and streams, the environment, files, the
// network) reaches the format argument of a printf-family function
// (printf, fprintf, sprintf, snprintf, their v- forms, syslog, err/warn),
// where a %n writes memory and a %s or %x reads it. The data is followed
// through string building and across the calls of the file: a logging
// helper's parameter passed on as the format of vfprintf or fprintf is a
// format sink at every call that passes it user data. What makes it safe
// is a constant format: printf("%s", text), fputs(text, f).

func cwe134Rules() []*Rule {
	return []*Rule{
		{
			Name:     "cwe134-tainted-format",
			CWE:      "CWE-134",
			Doc:      "data from the user is used as the format string of a printf-family function",
			Fix:      "pass the data as an argument of a constant format: printf(\"%s\", text), or write it with fputs(text, stream)",
			Requires: []Fact{Flow, Taint},
			Run:      checkTaintedFormat,
		},
	}
}

// formatInput is user input followed across the calls of the file.
var formatInput = &taintSpec{
	id:        "format-input",
	inputDefs: true,
	source:    userSource,
	interproc: true,
}

// formatArgs gives, for the functions that take a format, the index of
// the format argument (after std:: is dropped).
var formatArgs = map[string]int{
	"printf": 0, "vprintf": 0, "wprintf": 0, "vwprintf": 0,
	"fprintf": 1, "vfprintf": 1, "fwprintf": 1, "vfwprintf": 1, "dprintf": 1, "vdprintf": 1,
	"sprintf": 1, "vsprintf": 1, "swprintf": 2, "vswprintf": 2,
	"snprintf": 2, "vsnprintf": 2, "asprintf": 1, "vasprintf": 1,
	"syslog": 1, "vsyslog": 1, "err": 1, "errx": 1, "warn": 0, "warnx": 0, "verr": 1, "verrx": 1,
	"vwarn": 0, "vwarnx": 0, "printw": 0, "wprintw": 1, "mvprintw": 2,
	"FCGI_printf": 0, "FCGX_FPrintF": 1,
}

func checkTaintedFormat(pass *Pass) {
	for _, f := range pass.Funcs() {
		tr := f.taint().run(formatInput)
		for _, c := range f.calls {
			i, ok := formatArgs[c.name]
			if !ok || c.recv != nil || i >= len(c.args) || !f.flow().reachableNode(c.n) {
				continue
			}
			format := unparenOnly(c.args[i])
			if _, lit := stringValue(f.file.t, format); lit || format == nil {
				continue
			}
			why := tr.expr(format)
			if why == "" {
				continue
			}
			pass.Report(c.n, fmt.Sprintf("%s takes its format %s from %s: a %%n or %%s in it writes or reads the program's memory",
				c.name, squeeze(f.text(format)), why), "")
		}
	}
}
