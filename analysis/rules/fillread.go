package rules

import (
	"fmt"
	"strings"
)

// Reads past what a record's buffer holds. A message kept as a buffer
// and the count of bytes it holds (struct message { unsigned char
// data[2048]; size_t len; }) is read at a length taken from the message
// itself: the length must be checked against that count, not only
// against a constant. Heartbleed's shape: if (plen > MAX_PAYLOAD) return;
// then memcpy(reply + 3, m->data + 3, plen), with m->len never compared,
// copies what follows the message in memory. The copy may be in a helper
// of the file that copies its pointer parameter for its length
// parameter (build_reply(type, m->data + 3, plen)); it is judged at the
// call.

// fillLengthNames are the names of a record's field that counts the
// bytes its buffer holds.
var fillLengthNames = map[string]bool{"len": true, "length": true, "size": true, "n": true, "count": true,
	"nbytes": true, "used": true, "datalen": true, "data_len": true, "payload_len": true, "nread": true}

// fillRead is one such read.
type fillRead struct {
	call *callSite
	msg  string
}

// fillReads computes (once per file) the reads of a length from input
// out of a record's buffer that no check compares with its fill count.
func fillReads(ff *fileFacts) []fillRead {
	return cached(ff.cache, "mem/fill-reads", func() []fillRead {
		var out []fillRead
		for _, f := range ff.funcs {
			var tr *taintRun
			for _, c := range f.calls {
				src, n := readArgs(f, c)
				if src == nil || n == nil || !f.flow().reachableNode(c.n) {
					continue
				}
				if _, isConst := ff.constValue(n, f); isConst {
					continue
				}
				buf, count := filledBuffer(f, src)
				if buf == nil {
					continue
				}
				if tr == nil {
					tr = f.taint().run(ff.memSpecs().input)
				}
				why := tr.expr(n)
				if why == "" {
					continue
				}
				nNames := placeNames(f, n, c.n)
				if nNames[count] {
					continue // plen = m->len - 3: measured on the fill
				}
				checked, bound := false, ""
				for _, cd := range f.guards().conditionsAt(c.n) {
					in := placeNames(f, cd.e, cd.e)
					if in[count] && meets(in, nNames) {
						checked = true // n > m->len - 3
						break
					}
					if meets(in, nNames) && bound == "" {
						bound = squeeze(f.text(cd.e))
					}
				}
				if checked || bound == "" {
					continue
				}
				out = append(out, fillRead{call: c, msg: fmt.Sprintf("%s reads %s bytes at %s, a length from %s: the check %s bounds it, but nothing compares it with %s, the bytes %s holds, so the read runs past them",
					c.name, squeeze(f.text(n)), squeeze(f.text(src)), why, bound, count, squeeze(f.text(buf)))})
			}
		}
		return out
	})
}

// readArgs returns the source and the length of a call that reads a
// number of bytes from an address: memcpy and its kin, s.append(p, n),
// or a function of the file that copies its pointer parameter for its
// length parameter.
func readArgs(f *function, c *callSite) (src, n *node) {
	if spec, ok := copySpec(f, c); ok {
		if spec.src < 0 || spec.size < 0 || c.name == "memcmp" {
			return nil, nil
		}
		return c.arg(spec.src), c.arg(spec.size)
	}
	if g := f.callee(c); g != nil && g != f {
		if p, k, ok := copiesParam(g); ok {
			return c.arg(p), c.arg(k)
		}
	}
	return nil, nil
}

// copiesParam tells whether a function copies from a pointer parameter
// a number of bytes given by another parameter, unchanged
// (memcpy(r + 3, payload, plen)); it returns their indexes.
func copiesParam(g *function) (ptr, n int, ok bool) {
	type res struct {
		p, n int
		ok   bool
	}
	r := cached(g.cacheMap(), "mem/copiesParam", func() res {
		index := map[string]int{}
		for _, p := range g.params {
			if p.name != "" && !g.assignedAfterDecl(p.name) {
				index[p.name] = p.index
			}
		}
		for _, c := range g.calls {
			spec, ok := sizedFuncs[c.name]
			if !ok || spec.src < 0 || spec.size < 0 || c.name == "memcmp" {
				continue
			}
			p, okp := index[g.identName(c.arg(spec.src))]
			k, okn := index[g.identName(c.arg(spec.size))]
			if okp && okn && g.params[p].isPointer() {
				return res{p, k, true}
			}
		}
		return res{}
	})
	return r.p, r.n, r.ok
}

// filledBuffer reads an address inside a record's buffer (m->data + 3,
// &pkt.bytes[pos]) and returns the buffer and the record's field that
// counts what it holds ("m->len"); nil when the record has no such
// field.
func filledBuffer(f *function, src *node) (*node, string) {
	e := unparen(src)
	for e != nil {
		switch {
		case e.kind == "binary_expression" && f.text(e.child("operator")) == "+":
			if l := unparen(e.child("left")); l != nil && l.kind != "number_literal" {
				e = l
				continue
			}
			e = unparen(e.child("right"))
			continue
		case e.kind == "pointer_expression" && e.op0() == "&":
			if a := unparen(e.child("argument")); a != nil && a.kind == "subscript_expression" {
				e = unparen(a.child("argument"))
				continue
			}
		}
		break
	}
	if e == nil || e.kind != "field_expression" {
		return nil, ""
	}
	v := f.memberOf(e)
	if v == nil || !(v.isArray() || v.isPointer()) {
		return nil, ""
	}
	obj := e.child("argument")
	op := f.text(e.child("operator"))
	if obj == nil || op == "" {
		return nil, ""
	}
	rs := f.file.fileRecords()
	for _, rec := range rs.byName {
		if rec.fields[v.name] != v {
			continue
		}
		for name, fv := range rec.fields {
			if fillLengthNames[strings.ToLower(name)] && fv.kind == tkInt && fv.ptr == 0 && len(fv.dims) == 0 {
				return e, squeeze(f.text(obj)) + op + name
			}
		}
	}
	return nil, ""
}
