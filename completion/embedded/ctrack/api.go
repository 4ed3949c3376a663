package ctrack

// Env is what a Tracker knows of names, from its caller: each function
// takes a name index (Token.Name) and may be nil.
type Env struct {
	// Flags gives what is known of a name (NameGlobal, ...).
	Flags func(name int32) uint8
	// Arity gives what is known of a function's number of arguments,
	// ArgKinds of its parameters' kinds (two bits each; see MergeKinds).
	Arity    func(name int32) (lo, hi uint8, ok bool)
	ArgKinds func(name int32) uint16
	// Name returns a name's text.
	Name func(name int32) string
	// Std says which names of std the code may use (StdNo, ...).
	Std func(name int32) uint8
	// Reserved reports a reserved name (a leading underscore), which a
	// declaration the model writes must not introduce.
	Reserved func(name int32) bool
	// Collect, when set, receives the names the text declares and uses
	// with what it does with them; CollectArity the arity and parameter
	// kinds of the functions it declares. A clone collects nothing.
	Collect      func(name int32, flags uint8)
	CollectArity func(name int32, lo, hi uint8, kinds uint16)
}

// Config sets up a Tracker.
type Config struct {
	CPP bool // the text is C++
	// Std and Main are the name indexes of "std" and "main", -1 when
	// unknown.
	Std, Main int32
	// Discipline: every name the text may use is known (Env.Flags), so
	// an identifier must be declared to be allowed.
	Discipline bool
	Env        Env
}

// A Tracker is the state of the syntax after some tokens.
type Tracker struct{ t tracker }

// New returns a tracker at the start of a document.
func New(c Config) *Tracker {
	flags := c.Env.Flags
	if flags == nil {
		flags = func(int32) uint8 { return 0 }
	}
	t := newTracker(c.CPP, c.Std)
	t.main = c.Main
	t.env = c.Env
	t.env.Flags = flags
	t.discipline = c.Discipline
	return &Tracker{*t}
}

// Clone returns an independent copy that collects nothing (the state
// of one choice).
func (t *Tracker) Clone() *Tracker { return &Tracker{*t.t.clone()} }

// Step advances the tracker over one token (allowed or not) and reports
// whether it was allowed.
func (t *Tracker) Step(tok Token, text string) bool { return t.t.next(tok, text, true) }

// Allowed reports whether tok may come next; it changes nothing.
func (t *Tracker) Allowed(tok Token, text string) bool { return t.t.next(tok, text, false) }

// ClosingAllowed reports whether tok helps close what is open, when the
// token budget leaves no room for more.
func (t *Tracker) ClosingAllowed(tok Token, text string) bool { return t.t.closingAllowed(tok, text) }

// ClosingCost estimates how many tokens close everything open, down to
// and including the function body at stack depth fn (see Function).
func (t *Tracker) ClosingCost(fn int) int { return t.t.closingCost(fn) }

// AtStatementStart reports whether the next token starts a statement of
// a block.
func (t *Tracker) AtStatementStart() bool { return t.t.atStatementStart() }

// Function returns the depth of the outermost function body open (the
// Depth it leaves when it closes), or -1.
func (t *Tracker) Function() int { return t.t.function() }

// Depth returns the number of brackets open, the file scope included.
func (t *Tracker) Depth() int { return len(t.t.stack) }

// SetStd sets the name index of "std", once known.
func (t *Tracker) SetStd(std int32) { t.t.std = std }

// SetBudget tells the tracker what the sampler's token budget asks:
// closing, that it is nearly spent (an empty statement may close a body
// in a hurry, an expression statement may do nothing); young, that the
// text is too short yet for the function to end.
func (t *Tracker) SetBudget(closing, young bool) {
	t.t.budget.closing, t.t.budget.young = closing, young
}

// SetHasTags says whether the text or its headers know a struct, union
// or enum tag (else struct, union and enum start nothing in a function).
func (t *Tracker) SetHasTags(has bool) { t.t.hasTags = has }

// StopCollecting drops Env.Collect and Env.CollectArity.
func (t *Tracker) StopCollecting() { t.t.env.Collect, t.t.env.CollectArity = nil, nil }
