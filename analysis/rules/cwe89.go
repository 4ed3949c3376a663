package rules

import (
	"fmt"
	"strings"
)

// CWE-89, SQL injection.
//
// As CodeQL's cpp/sql-injection sees it: data from the user reaches the
// text of an SQL statement that a database library runs or prepares:
// sqlite3_exec, sqlite3_prepare*, PQexec, PQexecParams, PQprepare,
// PQsendQuery, mysql_query, mysql_real_query, and the exec/query members
// of the C++ wrappers (a pqxx transaction, a SQLite::Database). The data
// is followed through string building (sprintf, snprintf, strcat,
// std::string +) and across the calls of the file. What makes it safe:
// a constant statement with the data bound as parameters
// (sqlite3_bind_text, PQexecParams' paramValues), the data passed
// through the library's quoting (sqlite3_mprintf's %q, %Q and %w,
// PQescapeLiteral, mysql_real_escape_string) or a function of the file
// that doubles or removes the quote as it copies, a check that rejects
// quotes before use, and numbers: a value of an integer or floating
// type (an id parsed with atoi, printed with %d) cannot carry SQL.

func cwe89Rules() []*Rule {
	return []*Rule{
		{
			Name:     "cwe89-sql-injection",
			CWE:      "CWE-89",
			Doc:      "data from the user is put into the text of an SQL statement that is run or prepared",
			Fix:      "prepare a constant statement with placeholders and bind the data: sqlite3_prepare_v2(db, \"... WHERE name = ?1\", ...) then sqlite3_bind_text(stmt, 1, name, -1, SQLITE_TRANSIENT)",
			Requires: []Fact{Flow, Taint, Guards},
			Run:      checkSQLInjection,
		},
	}
}

// sqlSinks gives the index of the statement's text for the calls that
// run or prepare SQL.
var sqlSinks = map[string]int{
	"sqlite3_exec": 1, "sqlite3_prepare": 1, "sqlite3_prepare_v2": 1, "sqlite3_prepare_v3": 1,
	"sqlite3_prepare16": 1, "sqlite3_prepare16_v2": 1, "sqlite3_prepare16_v3": 1,
	"PQexec": 1, "PQexecParams": 1, "PQprepare": 2, "PQsendQuery": 1, "PQsendQueryParams": 1,
	"PQsendPrepare": 2, "mysql_query": 1, "mysql_real_query": 1, "mysql_send_query": 1,
}

// sqlMembers are the members of the C++ wrappers that run a statement's
// text (their first argument), on an object whose type names the wrapper.
var sqlMembers = map[string]bool{".exec": true, ".exec0": true, ".exec1": true, ".exec_params": true,
	".query": true, ".executeQuery": true, ".executeUpdate": true, ".execute": true}

// sqlQuoting are the library calls whose result is the data quoted for
// SQL.
var sqlQuoting = map[string]bool{"PQescapeLiteral": true, "PQescapeIdentifier": true,
	".quote": true, ".esc": true, ".quote_name": true}

// numberParsers return a number read from a string.
var numberParsers = map[string]bool{"atoi": true, "atol": true, "atoll": true, "atof": true,
	"strtol": true, "strtoul": true, "strtoll": true, "strtoull": true, "strtod": true, "strtof": true,
	"strtold": true, "strtoimax": true, "strtoumax": true, "stoi": true, "stol": true, "stoll": true,
	"stoul": true, "stoull": true, "stof": true, "stod": true, "stold": true}

// sqlChecks are the checks that reject a quote in the data: the single
// quote that ends an SQL string literal. A check for ';' alone stops a
// second statement, not a quote that rewrites the first one: the name
// x' OR admin = 1 OR 'a'='b.
var sqlChecks = &forbidden{chars: "'", nameHas: []string{"valid", "allowed", "legal"}}

// sqlInput is user input followed across the calls of the file; numbers,
// the library's quoting and the file's quoting functions clean it.
var sqlInput = &taintSpec{
	id:        "sql-input",
	inputDefs: true,
	source:    userSource,
	interproc: true,
	stop:      sqlClean,
	escaper:   func(f *function, p *varInfo) bool { return mapsCharacters(f, p, "'\"") && !backslashQuote(f) },
	cleanDefs: true,
	textOnly:  true,
	argClean: func(f *function, e, at *node) bool {
		return f.guards().validated(f.taint().checkedSources(e), at, sqlChecks)
	},
}

// backslashQuote reports a quoting function that writes a quote as \'
// (MySQL's escape): SQLite and PostgreSQL (standard_conforming_strings,
// the default) end the literal at that quote, so it quotes nothing. SQL
// writes a quote in a literal as two quotes in a row.
func backslashQuote(f *function) bool {
	found := false
	for _, st := range f.byKind["if_statement"] {
		c := condExpr(st)
		if c == nil || !testsForbidden(f, c, &forbidden{chars: "'"}) {
			continue
		}
		st.child("consequence").walk(func(m *node) bool {
			switch m.kind {
			case "string_literal":
				if v, ok := stringValue(f.file.t, m); ok && strings.Contains(v, "\\") {
					found = true
				}
			case "char_literal":
				if v, ok := charValue(f.text(m)); ok && v == '\\' {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// sqlClean reports expressions that carry no SQL whatever their
// operands: numbers, and the library's quoting.
func sqlClean(f *function, n *node) bool {
	switch n.kind {
	case "identifier", "field_expression":
		// count, or r.points: a number holds no quote.
		v := f.lookup(f.text(n))
		if n.kind == "field_expression" {
			v = f.memberOf(n)
		}
		// A char is a character, not a number: out += c copies it.
		if v != nil && v.ptr == 0 && len(v.dims) == 0 && (v.kind == tkInt || v.kind == tkFloat) && !strings.Contains(v.typ, "char") {
			return true
		}
	case "call_expression":
		c := f.callAt[n]
		if c == nil {
			return false
		}
		switch {
		case sqlQuoting[c.name], c.name == "to_string" || c.name == "std::to_string" || c.name == "to_wstring":
			return true
		case c.name == "sqlite3_mprintf" || c.name == "sqlite3_snprintf" || c.name == "sqlite3_vmprintf":
			return quotedFormat(f, c)
		}
		return numberParsers[c.name]
	}
	return false
}

// quotedFormat reports whether an sqlite3_mprintf call prints every
// string argument with %q, %Q or %w (quoted), so that what it returns
// holds the data only inside quotes.
func quotedFormat(f *function, c *callSite) bool {
	fi := 0
	if c.name == "sqlite3_snprintf" {
		fi = 2
	}
	format, ok := stringValue(f.file.t, unparenOnly(c.arg(fi)))
	if !ok {
		return false
	}
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("-+ #0123456789.*l", format[j]) >= 0 {
			j++
		}
		if j < len(format) && (format[j] == 's' || format[j] == 'z') {
			return false
		}
		i = j
	}
	return true
}

func checkSQLInjection(pass *Pass) {
	for _, f := range pass.Funcs() {
		tr := f.taint().run(sqlInput)
		for _, c := range f.calls {
			i, ok := sqlSinks[c.name]
			if !ok && sqlMembers[c.name] && c.recv != nil && sqlObject(f, c.recv) {
				i, ok = 0, true
			}
			if !ok || i >= len(c.args) || !f.flow().reachableNode(c.n) {
				continue
			}
			q := c.args[i]
			why := tr.expr(q)
			if why == "" || sqlInput.argClean(f, q, c.n) {
				continue
			}
			pass.Report(c.n, fmt.Sprintf("%s runs the SQL statement %s, built from %s: a quote in it changes the statement (' OR '1'='1)",
				strings.TrimPrefix(c.name, "."), squeeze(f.text(q)), why), "")
		}
	}
}

// sqlObject reports whether a member call's object is a database
// wrapper: a pqxx transaction or connection, a SQLite::Database, a
// statement.
func sqlObject(f *function, recv *node) bool {
	typ := ""
	if v := f.lookup(f.identName(recv)); v != nil {
		typ = v.typ
	} else {
		typ = memberTypes(f.file)[f.identName(recv)]
	}
	l := strings.ToLower(typ)
	for _, w := range []string{"pqxx", "work", "transaction", "sqlite::", "database", "statement", "connection"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}
