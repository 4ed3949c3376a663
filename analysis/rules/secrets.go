package rules

import (
	"strings"
	"unicode"
)

// Secrets, as the CWE-732 rule for files readable by group and others
// needs them: data that is a credential by what it is called. A program
// says what a value is only through names, so this follows the practice
// of the analyzers behind our labels (CodeQL's sensitive-expression
// library decides by the names of variables, fields and functions): an
// identifier, a field or a called function whose name holds a word for a
// credential (password, passphrase, secret, token, credentials, an API,
// private, session, auth, access or signing key), the environment
// variable of such a name, or what getpass() returns. The data is then
// followed as taint: through assignments and copies, into a helper's
// parameter from its callers, out through a helper's out-parameters.
//
// Not secrets: a name whose last word says it is about the secret rather
// than the secret (token_len, password_file, key_path, secret_name,
// token_store), a hashed or encrypted value (password_hash,
// encrypted_token), and a lexical token (the result of strtok, strsep or strtok_r).

// secretData is a credential as it reaches a file's contents.
var secretData = &taintSpec{
	id:           "secret",
	source:       secretSource,
	interproc:    true,
	stop:         lexicalToken,
	throughIndex: true,
}

// secretSource reports the expressions that are credentials by name.
func secretSource(f *function, n *node) (string, bool) {
	switch n.kind {
	case "identifier":
		name := f.text(n)
		if f.lookup(name) == nil && f.file.globals[name] == nil {
			return "", false // a function or type name, not data
		}
		if secretName(name) {
			return "`" + name + "`", true
		}
	case "field_expression":
		fld := n.child("field")
		if fld == nil {
			return "", false
		}
		if p := n.parent; p != nil && p.kind == "call_expression" && n.field == "function" {
			return "", false // creds.token_len(): a method, judged as a call
		}
		if secretName(f.text(fld)) {
			return "`" + f.text(n) + "`", true
		}
		// key->bytes of a struct signing_key: the data of a record
		// whose type names a credential, unless the member is about it
		// (key->label, key->len).
		if v := f.placeVar(n.child("argument")); v != nil && !metaName(f.text(fld)) && secretName(recordTypeName(v.typ)) {
			return "`" + f.text(n) + "`", true
		}
	case "call_expression":
		c := f.callAt[n]
		if c == nil {
			return "", false
		}
		switch c.name {
		case "getenv", "secure_getenv":
			if s, ok := stringValue(f.file.t, unparenOnly(c.arg(0))); ok && secretName(s) {
				return "the environment variable " + s, true
			}
			return "", false
		case "getpass", "readpassphrase":
			return "the password read by " + c.name + "()", true
		}
		name := strings.TrimPrefix(c.name, ".")
		if i := strings.LastIndex(name, "::"); i >= 0 {
			name = name[i+2:]
		}
		if secretName(name) && !strings.HasPrefix(strings.ToLower(name), "is") {
			return name + "()", true
		}
	}
	return "", false
}

// lexicalToken stops a strtok-family result: a "token" of a parsed
// line is not a credential.
func lexicalToken(f *function, n *node) bool {
	if n.kind != "identifier" {
		return false
	}
	name := f.text(n)
	for _, d := range f.defs {
		if d.name != name {
			continue
		}
		for _, s := range d.srcs {
			if c := f.callAt[unparen(s)]; c != nil {
				switch c.name {
				case "strtok", "strtok_r", "strsep", "__strtok_r":
					return true
				}
			}
		}
	}
	return false
}

// secretName reports whether an identifier or environment variable
// names a credential.
func secretName(name string) bool {
	ws := nameWords(name)
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		switch w {
		case "hash", "hashed", "digest", "encrypted", "crypt", "salt":
			return false
		}
	}
	if metaWord(ws[len(ws)-1]) {
		return false
	}
	for i, w := range ws {
		switch w {
		case "password", "passwd", "passphrase", "passcode", "secret", "secrets", "token", "tokens",
			"credential", "credentials", "creds", "apikey", "privkey", "privatekey", "secretkey", "sessionkey":
			return true
		case "key", "keys":
			if i == 0 {
				continue
			}
			switch ws[i-1] {
			case "api", "private", "priv", "secret", "session", "auth", "access", "master", "encryption",
				"signing", "sign", "hmac", "aes", "ssh", "license", "client", "shared", "root":
				return true
			}
		}
	}
	return false
}

// nameWords splits an identifier into lower-case words at underscores,
// dashes, dots, digits and camel-case humps: apiKey, API_KEY and
// api-key are all [api key].
func nameWords(name string) []string {
	var ws []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			ws = append(ws, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r):
			if unicode.IsUpper(r) && len(cur) > 0 {
				prevLower := unicode.IsLower(rs[i-1])
				nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
				if prevLower || (nextLower && unicode.IsUpper(rs[i-1])) {
					flush()
				}
			}
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return ws
}

// metaWord reports a last word that says a name is about a secret, not
// the secret (token_len, key_path, secret_name).
func metaWord(w string) bool {
	switch w {
	case "file", "filename", "path", "name", "len", "length", "size", "sz", "count", "num",
		"dir", "fd", "fp", "type", "id", "url", "fmt", "format", "prefix", "suffix", "max", "min",
		"prompt", "label", "msg", "message", "policy", "ok", "valid", "index", "idx", "pos",
		"start", "end", "kind", "env", "var", "cap", "capacity", "bits", "mode", "timeout", "expiry",
		"store", "db", "database", "cache", "host", "server", "endpoint", "uri":
		return true
	}
	return false
}

// metaName reports a name whose last word is a metaWord.
func metaName(name string) bool {
	ws := nameWords(name)
	return len(ws) > 0 && metaWord(ws[len(ws)-1])
}

// recordTypeName is the name of a struct or class type as declared:
// "const struct signing_key" is signing_key.
func recordTypeName(typ string) string {
	fs := strings.Fields(strings.NewReplacer("*", " ", "&", " ").Replace(typ))
	for len(fs) > 0 && (fs[0] == "const" || fs[0] == "struct" || fs[0] == "class" || fs[0] == "volatile") {
		fs = fs[1:]
	}
	if len(fs) != 1 {
		return ""
	}
	return fs[0]
}
