package cparse

/*
#include <stdint.h>
#include <stdbool.h>

// The tree-sitter types and functions this file uses, declared by their
// ABI; the library itself is the one go-tree-sitter links in.
typedef struct { uint32_t context[4]; const void *id; const void *tree; } cp_node;
typedef struct { const void *tree; const void *id; uint32_t context[3]; } cp_cursor;
typedef struct { uint32_t row; uint32_t column; } cp_point;

extern cp_cursor ts_tree_cursor_new(cp_node);
extern void ts_tree_cursor_delete(cp_cursor *);
extern cp_node ts_tree_cursor_current_node(const cp_cursor *);
extern uint16_t ts_tree_cursor_current_field_id(const cp_cursor *);
extern bool ts_tree_cursor_goto_first_child(cp_cursor *);
extern bool ts_tree_cursor_goto_next_sibling(cp_cursor *);
extern bool ts_tree_cursor_goto_parent(cp_cursor *);
extern uint32_t ts_node_start_byte(cp_node);
extern uint32_t ts_node_end_byte(cp_node);
extern cp_point ts_node_start_point(cp_node);
extern uint16_t ts_node_symbol(cp_node);

typedef struct {
	uint32_t start, end, row, col;
	int32_t parent;
	uint16_t symbol, field;
} cp_flat;

#define CP_MAX_DEPTH 1024

// cp_flatten writes the nodes under root, depth first, into out (at most
// cap of them) and returns how many there are. Nodes deeper than
// max_depth are left out; their ancestor at max_depth stays.
static int cp_flatten(cp_node root, int max_depth, cp_flat *out, int cap) {
	int32_t stack[CP_MAX_DEPTH + 1];
	if (max_depth > CP_MAX_DEPTH) {
		max_depth = CP_MAX_DEPTH;
	}
	cp_cursor cur = ts_tree_cursor_new(root);
	int n = 0, depth = 0;
	for (;;) {
		if (n < cap) {
			cp_node node = ts_tree_cursor_current_node(&cur);
			cp_flat *f = &out[n];
			cp_point p = ts_node_start_point(node);
			f->start = ts_node_start_byte(node);
			f->end = ts_node_end_byte(node);
			f->row = p.row;
			f->col = p.column;
			f->symbol = ts_node_symbol(node);
			f->field = depth > 0 ? ts_tree_cursor_current_field_id(&cur) : 0;
			f->parent = depth > 0 ? stack[depth - 1] : -1;
		}
		int me = n++;
		if (depth < max_depth && ts_tree_cursor_goto_first_child(&cur)) {
			stack[depth++] = me;
			continue;
		}
		for (;;) {
			if (depth == 0) {
				ts_tree_cursor_delete(&cur);
				return n;
			}
			if (ts_tree_cursor_goto_next_sibling(&cur)) {
				break;
			}
			ts_tree_cursor_goto_parent(&cur);
			depth--;
		}
	}
}
*/
import "C"

import (
	"runtime"
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
)

// FlatNode is one node of a tree as Flatten lists it.
type FlatNode struct {
	Start, End uint32 // byte offsets
	Row, Col   uint32 // the start point; Col counts bytes
	// Parent is the index of the parent in the list, -1 for the root.
	Parent int32
	// Symbol is the node's symbol (math.MaxUint16 for an ERROR node), as
	// sitter.Node.Symbol gives it.
	Symbol sitter.Symbol
	// Field is the id of the field the node is under in its parent, 0
	// for none (see FieldNames).
	Field uint16
}

// MaxFlattenDepth is the deepest Flatten goes.
const MaxFlattenDepth = C.CP_MAX_DEPTH

// Flatten lists the nodes of tree depth first, in document order, down
// to maxDepth levels below the root (deeper nodes are left out, their
// ancestor at that level stays): what a walk with a sitter.TreeCursor
// finds, in one call into the C library instead of several per node.
// The tree stays the caller's.
func Flatten(tree *sitter.Tree, maxDepth int) []FlatNode {
	root := tree.RootNode()
	// sitter.Node starts with its C TSNode: the root is passed by value.
	cn := *(*C.cp_node)(unsafe.Pointer(root))
	maxDepth = max(0, min(maxDepth, MaxFlattenDepth))
	out := make([]FlatNode, 0, 256)
	for {
		n := int(C.cp_flatten(cn, C.int(maxDepth), (*C.cp_flat)(unsafe.Pointer(unsafe.SliceData(out[:cap(out)]))), C.int(cap(out))))
		if n <= cap(out) {
			runtime.KeepAlive(tree)
			return out[:n]
		}
		out = make([]FlatNode, 0, n)
	}
}

// FieldNames returns the names of a language's fields by id ("" at 0).
func FieldNames(lang *sitter.Language) []string {
	names := []string{""}
	for id := 1; ; id++ {
		name := lang.FieldName(id)
		if name == "" {
			return names
		}
		names = append(names, name)
	}
}

// The Go and C layouts of a flat node must agree.
var _ = [1]struct{}{}[unsafe.Sizeof(FlatNode{})-unsafe.Sizeof(C.cp_flat{})]
var _ = [1]struct{}{}[unsafe.Sizeof(sitter.Node{})-unsafe.Sizeof(C.cp_node{})-unsafe.Sizeof(uintptr(0))]
