package embedded

import (
	"maps"
	"slices"
	"strings"

	"securecomplete/completion/embedded/ctrack"
)

// The header table says which names each standard header provides, so
// that sampling writes only names a program can use: those its prompt
// declares or uses, and those its included headers declare. It is built
// at training time from the headers as the compiler preprocesses them
// (ScanHeader over the output of `gcc -E -dD`; the training package runs
// the compiler) and saved with the model.

// HeaderNames are the names one header provides.
type HeaderNames map[string]NameInfo

// NameInfo is what a header says of a name.
type NameInfo struct {
	Flags uint8 // NameGlobal, NameStd, ...
	// MinArgs and MaxArgs bound the arguments of a call when Flags holds
	// NameArity (MaxArgs 255: any number).
	MinArgs, MaxArgs uint8
	// ArgKinds, with NameArity, says of the first parameters (two bits
	// each, the first in the low bits) whether each is a pointer (1), a
	// char pointer (3) or a scalar of a built-in type (2); 0: unknown
	// (a reference, a class, a typedef, "...", overloads that disagree).
	ArgKinds uint16
}

// Name flags of a NameInfo, as ScanHeader sets them.
const (
	// NameGlobal: usable unqualified.
	NameGlobal = ctrack.NameGlobal
	// NameStd: declared in a namespace (written std::name).
	NameStd = ctrack.NameStd
	// NameMember: a member of a struct, union or class.
	NameMember = ctrack.NameMember
	// NameType: a type name.
	NameType = ctrack.NameType
	// NameTag: a struct, union, enum or class tag.
	NameTag = ctrack.NameTag
	// NameVoidFunction: a function returning void.
	NameVoidFunction = ctrack.NameVoidFunction
	// NameArity: MinArgs and MaxArgs hold the function's arity.
	NameArity = ctrack.NameArity
	// NameVar: an object (or an object-like macro), not a function.
	NameVar = ctrack.NameVar
)

// ScanHeader reads a header as the preprocessor prints it (with -dD, so
// that macros are listed as #define lines) and returns the names it
// provides: the declarations and macros outside any namespace as global,
// those inside a namespace as std, the members of structures and
// classes, type names, tags, and the arity of functions. Reserved names
// (a leading underscore) are left out.
func ScanHeader(text []byte, cpp bool) HeaderNames {
	nm := names{idx: map[string]int32{}}
	var info []NameInfo
	grow := func(n int32) {
		for int(n) >= len(info) {
			info = append(info, NameInfo{})
		}
	}
	get := func(n int32) uint8 {
		if n < 0 || int(n) >= len(info) {
			return 0
		}
		return info[n].Flags
	}
	tr := ctrack.New(ctrack.Config{CPP: cpp, Std: -1, Main: -1, Env: ctrack.Env{
		Flags: get,
		Collect: func(n int32, f uint8) {
			grow(n)
			info[n].Flags |= f
		},
		CollectArity: func(n int32, lo, hi uint8, kinds uint16) {
			grow(n)
			ni := &info[n]
			ni.ArgKinds = ctrack.MergeKinds(ni.ArgKinds, ni.Flags&NameArity != 0, kinds)
			a := ctrack.MergeArity(ctrack.PackArity(ni.MinArgs, ni.MaxArgs), ni.Flags&NameArity != 0, lo, hi)
			ni.MinArgs, ni.MaxArgs = ctrack.UnpackArity(a)
			ni.Flags |= NameArity
		},
	}})
	lex(text, false, func(tok []byte) {
		ti, name := classify(string(tok))
		if name != "" {
			ti.Name = nm.intern(name)
			if name == "std" {
				tr.SetStd(ti.Name)
			}
		}
		tr.Step(ti, string(tok))
	})
	out := HeaderNames{}
	if n, ok := nm.idx["std"]; ok && int(n) < len(info) {
		info[n] = NameInfo{Flags: NameGlobal} // a namespace, whatever the scan made of it
	}
	for i, ni := range info {
		name := nm.list[i]
		if ni.Flags&^(NameArity|NameVoidFunction) == 0 || strings.HasPrefix(name, "_") {
			continue
		}
		if ctrack.IsKeyword(name, cpp) {
			continue
		}
		out[name] = ni
	}
	return out
}

// headerList is one header of a model's table: name indices into the
// model's names, their flags and arities.
type headerList struct {
	names []int32
	flags []uint8
	arity []uint16
	kinds []uint16
}

// SetHeaders attaches the header table to the model (and so to its
// file): for each header as an #include names it ("stdio.h",
// "sys/stat.h", "iostream"), the names it provides.
func (m *Model) SetHeaders(h map[string]HeaderNames) {
	m.headers = map[string]headerList{}
	for _, hdr := range slices.Sorted(maps.Keys(h)) {
		names := h[hdr]
		var hl headerList
		for _, n := range slices.Sorted(maps.Keys(names)) {
			ni := names[n]
			hl.names = append(hl.names, m.names.intern(n))
			hl.flags = append(hl.flags, ni.Flags)
			hl.arity = append(hl.arity, ctrack.PackArity(ni.MinArgs, ni.MaxArgs))
			hl.kinds = append(hl.kinds, ni.ArgKinds)
		}
		m.headers[hdr] = hl
	}
	m.flagCache.Clear()
}

// Headers returns the headers the model's table knows.
func (m *Model) Headers() []string {
	return slices.Sorted(maps.Keys(m.headers))
}

// headerInfo is the union of the tables of a set of headers, per name of
// the model.
type headerInfo struct {
	flags []uint8
	arity []uint16
	kinds []uint16
}

// headerFlags returns what a set of included headers (sorted) says of
// every name of the model: the union of their tables. ok is false when a
// header is not in the table. The result is shared: read only.
func (m *Model) headerFlags(includes []string) (hi *headerInfo, ok bool) {
	key := strings.Join(includes, "\x00")
	if v, hit := m.flagCache.Load(key); hit {
		hi := v.(*headerInfo)
		return hi, hi != nil
	}
	hi = &headerInfo{flags: make([]uint8, len(m.names.list)), arity: make([]uint16, len(m.names.list)), kinds: make([]uint16, len(m.names.list))}
	for _, h := range includes {
		hl, found := m.headers[h]
		if !found {
			m.flagCache.Store(key, (*headerInfo)(nil))
			return nil, false
		}
		for i, n := range hl.names {
			f := hl.flags[i]
			if f&NameArity != 0 {
				lo, up := ctrack.UnpackArity(hl.arity[i])
				hi.kinds[n] = ctrack.MergeKinds(hi.kinds[n], hi.flags[n]&NameArity != 0, hl.kinds[i])
				hi.arity[n] = ctrack.MergeArity(hi.arity[n], hi.flags[n]&NameArity != 0, lo, up)
			}
			hi.flags[n] |= f
		}
	}
	m.flagCache.Store(key, hi)
	return hi, true
}
