package rules

import (
	"fmt"
	"sort"
	"strings"
)

// CWE-732, incorrect permissions on a critical resource.
//
// Scenarios 732-0/1 are judged by CodeQL's
// cpp/world-writable-file-creation: a file is created with a mode that
// lets anyone write it. fopen with "w" or "a" creates files with mode
// 0666, and only a umask set before in the function takes the
// world-write bit away; open/openat/creat with O_CREAT and a mode with
// S_IWOTH (0002) is world-writable whatever the umask is assumed to be;
// chmod/fchmod to such a mode as well, std::filesystem::permissions with
// others_write. A mode that is a parameter of a wrapper is judged by the
// constants the file's calls of the wrapper pass (and reported there).
//
// The second rule is the other side of the CWE: a file that receives a
// secret left readable by group or others (see checkSecretReadable).

func cwe732Rules() []*Rule {
	return []*Rule{
		{
			Name: "cwe732-world-writable-file",
			CWE:  "CWE-732",
			Doc:  "a file is created (or chmod-ed) with a mode that lets every user write it",
			Fix:  "create it with open(path, O_WRONLY|O_CREAT|O_TRUNC, 0600) (or S_IRUSR|S_IWUSR), or call umask(022) before fopen",
			Run:  checkWorldWritable,
		},
		{
			Name:     "cwe732-secret-readable",
			CWE:      "CWE-732",
			Doc:      "a file that receives a credential (password, token, private or session key) is left readable by group or others",
			Fix:      "create it with open(path, O_WRONLY|O_CREAT|O_TRUNC, 0600) (fchmod(fd, 0600) too if it may exist already), call umask(077) before fopen or std::ofstream, or restrict it with chmod/std::filesystem::permissions to the owner before writing the secret",
			Requires: []Fact{Taint},
			Run:      checkSecretReadable,
		},
	}
}

func checkWorldWritable(pass *Pass) {
	ff := pass.file
	reported := map[*node]bool{}
	report := func(at *node, msg, fix string) {
		if !reported[at] {
			reported[at] = true
			pass.Report(at, msg, fix)
		}
	}
	for _, f := range pass.Funcs() {
		for _, c := range f.calls {
			switch c.name {
			case "fopen", "fopen64", "freopen", "_wfopen", "fdopen":
				if c.name == "fdopen" {
					continue
				}
				mode, ok := stringValue(ff.t, unparen(c.arg(1)))
				if !ok || !(strings.HasPrefix(mode, "w") || strings.HasPrefix(mode, "a")) {
					continue
				}
				if umaskBefore(f, c.n) {
					continue
				}
				report(c.n, fmt.Sprintf("fopen(..., %q) creates the file with mode 0666: without a umask set first, every user can write it", mode),
					"open it with open(path, O_WRONLY|O_CREAT|O_TRUNC, 0600) and fdopen(), or call umask(022) before fopen")
			case "open", "open64", "openat", "creat", "_open":
				flagsIdx, modeIdx := 1, 2
				switch c.name {
				case "openat":
					flagsIdx, modeIdx = 2, 3
				case "creat":
					flagsIdx, modeIdx = -1, 1
				}
				if flagsIdx >= 0 && !anyMode(modeValues(f, c.arg(flagsIdx), 0), 0o100) && bitsSet(f, c.arg(flagsIdx))&0o100 == 0 {
					continue // not a creation
				}
				mask, set := programUmask(f, c.n)
				for _, m := range modeValues(f, c.arg(modeIdx), 0) {
					if m.v&0o002 == 0 || set && mask&0o002 != 0 {
						continue // not world-writable, or a umask set by the program takes the bit away
					}
					if m.at == nil {
						report(c.n, fmt.Sprintf("%s creates the file with mode %#o, which lets every user write it", c.name, m.v), "")
					} else {
						report(m.at, fmt.Sprintf("passes mode %#o on to %s in %s, which creates the file with it: every user can write it", m.v, c.name, f.name), "")
					}
				}
			case "chmod", "fchmod", "fchmodat", "mkdir", "mkfifo":
				modeIdx := 1
				if c.name == "fchmodat" {
					modeIdx = 2
				}
				for _, m := range modeValues(f, c.arg(modeIdx), 0) {
					if m.v&0o002 == 0 || c.name == "mkdir" && m.v&0o1000 != 0 {
						continue // not world-writable, or sticky like /tmp
					}
					if m.at == nil {
						report(c.n, fmt.Sprintf("%s sets mode %#o, which lets every user write it", c.name, m.v), "")
					} else {
						report(m.at, fmt.Sprintf("passes mode %#o on to %s in %s: every user can write the file", m.v, c.name, f.name), "")
					}
				}
			default:
				if permissionsCall(c) {
					if m, ok := modeValue(f, c.arg(1)); ok && m&0o002 != 0 && !strings.Contains(f.text(c.arg(2)), "remove") {
						report(c.n, fmt.Sprintf("std::filesystem::permissions gives mode %#o, which lets every user write the file", m), "")
					}
				}
			}
		}
		// std::ofstream out(path) under a umask the program set that
		// leaves the world-write bit (ScopedUmask mask(0)): 0666.
		for _, cr := range creations(f) {
			if c := f.callAt[cr.at]; cr.rename || c != nil && (c.name == "freopen" || c.name == "_wfopen" || strings.HasPrefix(c.name, "fopen") ||
				strings.HasPrefix(c.name, "open") || c.name == "_open" || c.name == "creat") {
				continue // the calls above judge these
			}
			if mask, set := programUmask(f, cr.at); set && mask&0o002 == 0 {
				report(cr.at, fmt.Sprintf("the stream creates the file with mode %#o under the umask %#o set before it: every user can write it", 0o666&^mask, mask),
					"keep the umask at 022 or stricter (077 for a secret) while the file is made, or restrict it with std::filesystem::permissions before writing")
			}
		}
	}
}

// permissionsCall reports a call of std::filesystem::permissions.
func permissionsCall(c *callSite) bool {
	return c.name == "permissions" || strings.HasSuffix(c.name, "::permissions")
}

// modeAt is one value a mode argument takes: a constant at the call, or
// one a caller of the file passes into the wrapper's parameter (at is
// then that caller's call).
type modeAt struct {
	v  int64
	at *node
}

// modeValues returns the values a mode or flags argument takes: its
// constant value, or, when it is a parameter of the function, the
// constants the file's calls of the function pass in it (through up to
// three wrappers). Nil when some value is unknown.
func modeValues(f *function, n *node, depth int) []modeAt {
	if v, ok := modeValue(f, n); ok {
		return []modeAt{{v: v}}
	}
	name := f.identName(n)
	if name == "" || depth > 3 || f.isMain() {
		return nil
	}
	idx := -1
	for i, p := range f.params {
		if p.name == name {
			idx = i
		}
	}
	if idx < 0 || f.assignedAfterDecl(name) {
		return nil
	}
	g := f.file.calls()
	if g.escaped[f.name] || len(g.callers[f]) == 0 {
		return nil
	}
	var out []modeAt
	for _, ref := range g.callers[f] {
		if ref.caller == f {
			return nil
		}
		vs := modeValues(ref.caller, ref.call.arg(idx), depth+1)
		if vs == nil {
			return nil
		}
		for _, m := range vs {
			if m.at == nil {
				m.at = ref.call.n
			}
			out = append(out, m)
		}
	}
	return out
}

// anyMode reports whether some value has one of the bits.
func anyMode(vs []modeAt, bits int64) bool {
	for _, m := range vs {
		if m.v&bits != 0 {
			return true
		}
	}
	return false
}

// fsPerms are the values of std::filesystem::perms.
var fsPerms = map[string]int64{
	"none": 0, "owner_read": 0o400, "owner_write": 0o200, "owner_exec": 0o100, "owner_all": 0o700,
	"group_read": 0o040, "group_write": 0o020, "group_exec": 0o010, "group_all": 0o070,
	"others_read": 0o004, "others_write": 0o002, "others_exec": 0o001, "others_all": 0o007,
	"all": 0o777, "set_uid": 0o4000, "set_gid": 0o2000, "sticky_bit": 0o1000,
}

// modeValue is the constant value of a mode: a number, S_I* names and
// macros, or std::filesystem::perms values joined by | and &.
func modeValue(f *function, n *node) (int64, bool) {
	n = unparenOnly(n)
	if n == nil {
		return 0, false
	}
	if v, ok := f.file.constValue(n, f); ok {
		return v, true
	}
	switch n.kind {
	case "qualified_identifier":
		txt := squeeze(f.text(n))
		if i := strings.LastIndex(txt, "::"); i >= 0 && strings.Contains(txt, "perms::") {
			v, ok := fsPerms[txt[i+2:]]
			return v, ok
		}
	case "binary_expression":
		l, ok1 := modeValue(f, n.child("left"))
		r, ok2 := modeValue(f, n.child("right"))
		if ok1 && ok2 {
			return binop(f.text(n.child("operator")), l, r)
		}
	case "unary_expression":
		if v, ok := modeValue(f, n.child("argument")); ok && f.text(n.child("operator")) == "~" {
			return ^v, true
		}
	case "cast_expression":
		return modeValue(f, n.child("value"))
	}
	return 0, false
}

// A file holding a secret must not be readable by anyone but its owner:
// the mode it is left with after the function's creations and chmods
// must have neither S_IRGRP nor S_IROTH (0044). The function's calls are
// followed in source order for one file, named by the same path
// expression (or, for fchmod, the descriptor of a creation of it):
//
//   - a creation (fopen "w"/"a", std::ofstream, open or openat with
//     O_CREAT, creat) of a file not yet made in the function gets its
//     mode, 0666 for fopen and streams, less the umask: the last one set
//     before it in the function, else one main sets, else the usual
//     022 (so fopen and std::ofstream make 0644 files); a later creation
//     of the same path keeps the mode the file has (O_CREAT does not
//     change an existing file's mode);
//   - chmod, fchmod and std::filesystem::permissions (replace, add or
//     remove) change it; one that replaces the mode before the creation
//     sets it too (the file exists then: a mkstemp name chmodded, then
//     opened with std::ofstream, which keeps its mode).
//
// The file holds a secret when a credential (see secretSource) is
// written through the creation's handle after it, in the function or in
// a helper handed the handle, or by the callers a helper returns it to.
// The finding is on the call that gave the readable mode. A mode that is
// also world-writable is the other rule's finding, not repeated.
//
// Blind spots: the path is matched by its text within one function (a
// chmod in the caller of the function that creates the file is not
// seen); modes that are not constants (nor constants passed through a
// wrapper's parameter) are not judged; a secret written before a chmod
// that restricts the file is taken as safe, though the file was readable
// for a moment.
func checkSecretReadable(pass *Pass) {
	secretIn := func(g *function, n *node) string { return g.taint().run(secretData).expr(n) }
	for _, f := range pass.Funcs() {
		for _, cr := range creations(f) {
			if cr.rename || cr.handle == "" && !returnsHandle(f, cr) {
				continue // return open(path, ...) is followed in the callers
			}
			what := writtenToCreation(f, cr, secretIn)
			if what == "" {
				continue
			}
			mode, setter, ok := finalMode(f, cr)
			if !ok || mode&0o044 == 0 || mode&0o002 != 0 || worldWritableFopen(f, setter) {
				continue
			}
			who := "group and others"
			switch mode & 0o044 {
			case 0o040:
				who = "its group"
			case 0o004:
				who = "every user"
			}
			pass.Report(setter, fmt.Sprintf("%s is written to a file left with mode %#o: %s can read the secret", what, mode, who), "")
		}
	}
}

// finalMode follows one file's mode through the function's creations
// and chmods (see checkSecretReadable), and returns the mode it is left
// with and the call that set it; false when a mode is not known.
func finalMode(f *function, cr creation) (int64, *node, bool) {
	key := pathKey(f, cr.path)
	if key == "" {
		return 0, nil, false
	}
	handles := map[string]bool{}
	type event struct {
		at     *node
		create bool
		mode   int64
		op     string // "replace", "add", "remove" for a chmod
	}
	var evs []event
	for _, o := range creations(f) {
		if o.rename || pathKey(f, o.path) != key {
			continue
		}
		if o.handle != "" {
			handles[o.handle] = true
		}
		m, ok := creationMode(f, o)
		if !ok {
			return 0, nil, false
		}
		evs = append(evs, event{at: o.at, create: true, mode: m &^ umaskAt(f, o.at)})
	}
	for _, c := range f.calls {
		var m int64
		var ok bool
		op := "replace"
		switch {
		case c.name == "chmod" && pathKey(f, c.arg(0)) == key:
			m, ok = modeValue(f, c.arg(1))
		case c.name == "fchmod" && handles[f.identName(c.arg(0))]:
			m, ok = modeValue(f, c.arg(1))
		case permissionsCall(c) && pathKey(f, c.arg(0)) == key:
			m, ok = modeValue(f, c.arg(1))
			if opts := f.text(c.arg(2)); strings.Contains(opts, "add") {
				op = "add"
			} else if strings.Contains(opts, "remove") {
				op = "remove"
			}
		default:
			continue
		}
		if !ok {
			return 0, nil, false
		}
		evs = append(evs, event{at: c.n, mode: m, op: op})
	}
	sort.Slice(evs, func(i, j int) bool { return evs[i].at.start < evs[j].at.start })
	mode, made := int64(0), false
	var setter *node
	for _, e := range evs {
		if e.create {
			if !made {
				mode, made, setter = e.mode, true, e.at
			}
			continue
		}
		if !made && e.at.start < cr.at.start && e.op != "replace" {
			continue // a chmod before the file is made in the function
		}
		// A mode set outright before the creation (mkstemp, then
		// std::filesystem::permissions(tmp, owner_read | owner_write),
		// then std::ofstream of tmp): the file exists, and opening it
		// keeps that mode.
		old := mode
		switch e.op {
		case "add":
			mode |= e.mode
		case "remove":
			mode &^= e.mode
		default:
			mode = e.mode
		}
		made = true
		if mode != old || e.op == "replace" {
			setter = e.at
		}
	}
	return mode, setter, made && setter != nil
}

// creationMode is the mode a creation asks for, before the umask.
func creationMode(f *function, cr creation) (int64, bool) {
	c := f.callAt[cr.at]
	if c == nil {
		return 0o666, true // std::ofstream out(path)
	}
	idx := -1
	switch c.name {
	case "open", "open64", "_open":
		idx = 2
	case "openat":
		idx = 3
	case "creat":
		idx = 1
	}
	if idx < 0 {
		return 0o666, true // fopen, out.open(path)
	}
	vs := modeValues(f, c.arg(idx), 0)
	if vs == nil {
		return 0, false
	}
	var m int64
	for _, v := range vs {
		m |= v.v
	}
	return m, true
}

// bitsSet is the bits an OR of flags sets whatever its unknown parts
// are: O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC) sets O_CREAT.
func bitsSet(f *function, e *node) int64 {
	e = unparenOnly(e)
	if e == nil {
		return 0
	}
	if v, ok := modeValue(f, e); ok {
		return v
	}
	switch e.kind {
	case "identifier":
		if src, ok := soleSource(f, f.text(e), e); ok && src != e {
			return bitsSet(f, src)
		}
	case "binary_expression":
		if f.text(e.child("operator")) == "|" {
			return bitsSet(f, e.child("left")) | bitsSet(f, e.child("right"))
		}
	case "conditional_expression":
		return bitsSet(f, e.child("consequence")) & bitsSet(f, e.child("alternative"))
	}
	return 0
}

// umaskAt is the umask in force at a point of the function
// (programUmask), or the usual 022 when the program sets none.
func umaskAt(f *function, at *node) int64 {
	if mask, set := programUmask(f, at); set {
		return mask
	}
	return 0o022
}

// programUmask is the umask the program sets for a point of a function:
// the last constant one set before it in the function, directly or in a
// function of the file called there (main's setup_process() that calls
// umask(077)), else the first one main sets, else the first one any
// function of the file sets (a daemon's setup); false when it sets none.
func programUmask(f *function, at *node) (int64, bool) {
	mask, found := umaskSetBy(f, at, 0)
	if found || f.isMain() {
		return mask, found
	}
	// write_key(name, secret) called where each caller has set one
	// (a ScopedUmask in write_all): the bits every caller masks.
	if callers := f.file.calls().callers[f]; len(callers) > 0 {
		all := int64(0o777)
		for _, ref := range callers {
			m, ok := int64(0), false
			if ref.caller != f { // a recursive call says nothing new
				m, ok = umaskSetBy(ref.caller, ref.call.n, 0)
			}
			if !ok {
				all = -1
				break
			}
			all &= m
		}
		if all >= 0 {
			return all, true
		}
	}
	var fns []*function
	if m, ok := f.file.defined["main"]; ok {
		fns = append(fns, m)
	}
	for _, g := range append(fns, f.file.funcs...) {
		for _, c := range g.calls {
			if c.name == "umask" {
				if v, ok := f.file.constValue(c.arg(0), g); ok {
					return v, true
				}
			}
		}
	}
	return 0, false
}

// umaskSetBy is the last constant umask f sets before at (nil: in the
// whole function), through calls of the file's functions up to three
// deep; false when it sets none.
func umaskSetBy(f *function, at *node, depth int) (int64, bool) {
	mask, found := scopedUmask(f, at)
	for _, c := range f.calls {
		if at != nil && c.n.start >= at.start {
			continue
		}
		if c.name == "umask" {
			if m, ok := f.file.constValue(c.arg(0), f); ok {
				mask, found = m, true
			}
			continue
		}
		if g := f.file.defined[c.name]; g != nil && g != f && depth < 3 {
			if m, ok := umaskSetBy(g, nil, depth+1); ok {
				mask, found = m, true
			}
		}
	}
	return mask, found
}

// worldWritableFopen reports an fopen the world-writable rule reports
// (no umask before it).
func worldWritableFopen(f *function, at *node) bool {
	c := f.callAt[at]
	if c == nil || !strings.HasPrefix(c.name, "fopen") && c.name != "freopen" && c.name != "_wfopen" {
		return false
	}
	return !umaskBefore(f, at)
}

// pathKey names the file a path expression denotes, for matching the
// creations and chmods of one function: its text, without .c_str() or
// .string().
func pathKey(f *function, n *node) string {
	n = unparen(n)
	if n == nil {
		return ""
	}
	if c := f.callAt[n]; c != nil && (c.name == ".c_str" || c.name == ".string" || c.name == ".data") && c.recv != nil {
		n = c.recv
	}
	return squeeze(f.text(n))
}

// umaskBefore reports whether the program sets a umask that removes
// the world-write bit for a point of a function: before it in the
// function, or in main or a setup function (programUmask).
func umaskBefore(f *function, at *node) bool {
	mask, set := programUmask(f, at)
	return set && mask&0o002 != 0
}

// scopedUmask is the umask an object declared in f before at sets in its
// constructor (ScopedUmask mask(S_IRWXG | S_IRWXO), whose constructor
// calls umask(mask)): the constant its argument has. Its destructor
// restores the old mask when the block ends; the files made in the block
// are what it is for.
func scopedUmask(f *function, at *node) (int64, bool) {
	mask, found := int64(0), false
	for _, d := range f.byKind["declaration"] {
		if at != nil && d.start >= at.start {
			continue
		}
		typ := f.text(d.child("type"))
		decl := d.child("declarator")
		if typ == "" || decl == nil || decl.kind != "init_declarator" {
			continue
		}
		args := decl.child("value")
		if args == nil || args.kind != "argument_list" {
			continue
		}
		k, ok := ctorUmaskParam(f.file, typ)
		if !ok {
			continue
		}
		as := args.namedChildren()
		if k < len(as) {
			if m, ok := f.file.constValue(as[k], f); ok {
				mask, found = m, true
			}
		}
	}
	return mask, found
}

// ctorUmaskParam returns which parameter of a class's constructor the
// constructor passes to umask.
func ctorUmaskParam(ff *fileFacts, class string) (int, bool) {
	for _, g := range ff.funcs {
		if g.name != class && !strings.HasSuffix(g.name, "::"+class) {
			continue
		}
		// : old_(::umask(mask)): the member initialisers are outside
		// the body the calls were gathered from.
		def := g.body.parent
		if def == nil {
			continue
		}
		k, found := 0, false
		def.walk(func(m *node) bool {
			if found || m.kind != "call_expression" {
				return !found
			}
			if fn := strings.TrimPrefix(g.text(m.child("function")), "::"); fn == "umask" {
				if args := m.child("arguments"); args != nil {
					name := g.text(args.firstNamed())
					for _, p := range g.params {
						if p.name != "" && p.name == name {
							k, found = p.index, true
						}
					}
				}
			}
			return !found
		})
		if found {
			return k, true
		}
	}
	return 0, false
}
