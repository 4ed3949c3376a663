package ctrack

// closingCost estimates how many tokens close everything open, down to
// and including the function body that starts at stack depth fn: a
// bracket one, a brace two (a line break and the brace), an operand or
// a declarator still owed one, a statement to end one.
func (t *tracker) closingCost(fn int) int {
	c := 0
	for i := max(fn, 0); i < len(t.stack); i++ {
		switch f := t.stack[i]; f.open {
		case '{':
			c += 2
		case '(', '[', '<':
			c++
			switch f.kind {
			case fkFor:
				c += 2 - int(min(f.semis, 2)) + 1 // for (;;) and a body
			case fkControl:
				c++ // a body
			case fkCall:
				if f.fname >= 0 && t.env.Arity != nil {
					if lo, _, ok := t.env.Arity(f.fname); ok {
						n := 0
						if f.nonEmpty {
							n = int(f.args) + 1
						}
						c += 2 * max(int(lo)-n, 0) // ", x" for each argument owed
					}
				}
			}
		}
	}
	switch t.pos {
	case posOperand, posType, posMember, posScope, posTag, posLabel, posColon:
		c++
	case posParen:
		c += 3
	}
	if t.pos != posStmt {
		c++ // the ';'
	} else if t.last.close && (t.lastParen == fkControl || t.lastParen == fkFor) {
		c++ // the body of an if or a loop: ';'
	}
	if t.comment == 1 || t.pp.in {
		c++
	}
	return c
}

// closingAllowed reports whether a token helps close what is open, when
// the token budget leaves no room for more: closing brackets, ';', line
// breaks that do not indent deeper, and the operand, declarator or name a
// construct still owes.
func (t *tracker) closingAllowed(ti Token, text string) bool {
	switch ti.Class {
	case Layout:
		if t.comment != 0 || t.pp.in {
			return true
		}
		// Only the line break before a closing brace.
		return t.pos == posStmt && !t.last.bodyStart && dedent(text)
	case Number, Char, String, Ident:
		if ti.Class == Ident && ti.Name >= 0 && t.pos == posOperand {
			if f := t.env.Flags(ti.Name); f&(NameArity|NameVoidFunction) != 0 && f&NameVar == 0 {
				return false // a function owes a call and its arguments
			}
		}
		switch t.pos {
		case posOperand, posType, posMember, posScope, posTag, posLabel:
			return true
		}
		return false
	case Keyword:
		return ti.Code == kwValue && t.pos == posOperand
	case Punct:
		switch ti.Code {
		case pRParen, pRBrack, pRBrace, pGreater:
			return true
		case pSemi:
			return t.pos != posStmt || t.last.bodyStart || t.top().kind == fkFor
		case pAssign:
			return t.decl.needInit && tokenTrim(text) == "="
		case pComma:
			// The arguments a call still owes.
			if f := t.top(); f.kind == fkCall && f.fname >= 0 && t.env.Arity != nil {
				if lo, _, ok := t.env.Arity(f.fname); ok {
					return int(f.args)+1 < int(lo)
				}
			}
		case pLParen:
			return t.pos == posParen
		case pColon:
			return t.pos == posColon
		}
	}
	return false
}
