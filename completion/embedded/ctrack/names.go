package ctrack

import (
	"iter"
	"maps"
)

// Name flags, per name: where it may be written.
const (
	NameGlobal       uint8 = 1 << iota // unqualified, in any expression
	NameStd                            // after std:: (a name of a namespace)
	NameMember                         // after . or ->
	NameType                           // a type name: a declaration may start with it
	NameTag                            // after struct, union, enum or class
	NameVoidFunction                   // a function returning void: a call is a statement
	NameArity                          // the number of arguments of a call is known
	NameVar                            // an object (or an object-like macro), not a function
)

// Kinds of locals, as far as their declarations say (0: unknown).
const (
	kPtr    uint8 = 1 << iota // a pointer or an array
	kScalar                   // of a built-in type (int, char *, ...)
	kStruct                   // of a struct or union
	kClass                    // of a C++ standard class (std::string, ...)
	kVoid                     // void *: no *p, p->, p[i]
	kConst                    // const itself: not assigned
)

// Kinds of a function's parameters, two bits each for the first
// maxKindArgs (0: unknown), as its declaration says: a pointer or array,
// a char pointer (a string literal fits), a scalar of a built-in type.
const (
	ParamPointer     uint16 = 1
	ParamScalar      uint16 = 2
	ParamCharPointer uint16 = 3

	maxKindArgs = 8
)

// argKind returns the kind of parameter i of packed kinds ks.
func argKind(ks uint16, i int) uint16 {
	if i >= maxKindArgs {
		return 0
	}
	return ks >> (2 * i) & 3
}

// MergeKinds keeps of a and b (when had, a holds kinds already known)
// the parameter kinds they agree on: overloads, macros and
// redeclarations leave the others unknown.
func MergeKinds(a uint16, had bool, b uint16) uint16 {
	if !had {
		return b
	}
	var out uint16
	for i := range maxKindArgs {
		if k := argKind(a, i); k == argKind(b, i) {
			out |= k << (2 * i)
		}
	}
	return out
}

// scalarTypedefs are type names of the standard headers that stand for a
// built-in arithmetic type.
var scalarTypedefs = map[string]bool{
	"size_t": true, "ssize_t": true, "off_t": true, "mode_t": true, "pid_t": true, "uid_t": true,
	"gid_t": true, "socklen_t": true, "time_t": true, "ptrdiff_t": true, "int8_t": true,
	"int16_t": true, "int32_t": true, "int64_t": true, "uint8_t": true, "uint16_t": true,
	"uint32_t": true, "uint64_t": true, "intmax_t": true, "uintmax_t": true, "wint_t": true,
}

// Flags of the parameter being read (frame.pf).
const (
	pfType   uint8 = 1 << iota // its type was given
	pfChar                     // char
	pfScalar                   // another built-in type
	pfOther                    // a type name, struct, union, enum or class
	pfVoid                     // void
	pfSkip                     // a reference, a function pointer, a template: unknown
	pfDone                     // its default value is being read
)

// arity packs the least and most arguments of a function (255: any).
func PackArity(lo, hi uint8) uint16 { return uint16(lo)<<8 | uint16(hi) }

func UnpackArity(a uint16) (lo, hi uint8) { return uint8(a >> 8), uint8(a) }

// MergeArity widens a to admit lo..hi arguments too (overloads, default
// arguments, redeclarations).
func MergeArity(a uint16, had bool, lo, hi uint8) uint16 {
	if !had {
		return PackArity(lo, hi)
	}
	alo, ahi := UnpackArity(a)
	return PackArity(min(alo, lo), max(ahi, hi))
}

// What a name of std may do in the model's code (Env.Std).
const (
	StdNo     uint8 = iota // not used: the prompt does not, and it is no common one
	StdYes                 // anywhere
	StdStream              // std::cout, std::cerr: starts a statement
	StdInput               // std::cin: starts a statement, or a condition
)

// commonStd are the names of std the model may write beside those its
// prompt uses: strings, conversions and the standard streams. The model
// learned C++ from the standard library's own headers, whose names
// (allocators, iterators, traits) it would otherwise misuse.
var commonStd = map[string]uint8{
	"cout": StdStream, "cerr": StdStream, "clog": StdStream, "cin": StdInput, "endl": StdYes,
	"string": StdYes, "to_string": StdYes, "stoi": StdYes, "stol": StdYes, "stoul": StdYes,
	"stod": StdYes, "getline": StdYes, "size_t": StdYes, "strlen": StdYes, "strcmp": StdYes,
	"strncmp": StdYes, "strcpy": StdYes, "strncpy": StdYes, "memcpy": StdYes, "memset": StdYes,
	"exit": StdYes, "atoi": StdYes, "flush": StdYes,
}

// CommonStd yields the names of std the model may write beside those its
// prompt uses, with what each may do (StdYes, StdStream, StdInput).
func CommonStd() iter.Seq2[string, uint8] { return maps.All(commonStd) }
