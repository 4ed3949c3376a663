// Package store keeps the events of a blind A/B comparison of two models
// in the editor (requests, candidates shown, accepts, verdicts,
// persistence) in SQLite or PostgreSQL, with one versioned, migrated
// schema and one interface for both.
package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// Type is the kind of an event.
type Type string

// The event types; export writes them in the type field.
const (
	TypeRequest       Type = "request"        // one per arm queried
	TypeShown         Type = "shown"          // one per candidate shown
	TypeHidden        Type = "hidden"         // one per candidate the screening hid ([completion] screen = "hide")
	TypeAccept        Type = "accept"         // a candidate accepted
	TypePartialAccept Type = "partial_accept" // part of a candidate accepted
	TypeDismiss       Type = "dismiss"        // a request ended with nothing accepted
	TypeVerdict       Type = "verdict"        // a background check of accepted code
	TypePersistence   Type = "persistence"    // the share of accepted code still there at a horizon
	TypeLoss          Type = "loss"           // events dropped while the store could not be written
)

// Types lists every event type in the order of a request's life.
func Types() []Type {
	return []Type{TypeRequest, TypeShown, TypeHidden, TypeAccept, TypePartialAccept, TypeDismiss, TypeVerdict, TypePersistence, TypeLoss}
}

// Event is one thing that happened in an A/B session. Which fields are
// set depends on Type; the zero value of a field means "not applicable".
type Event struct {
	Seq     int64 // assigned by the store, increasing
	Type    Type
	Time    time.Time
	Session string // the server run that recorded it
	Request string // the request id within the session ("i17")
	Arm     string // "A" or "B"
	Model   string // the configured model behind the arm

	// request
	Lang         string
	DocHash      string // hash of the document's URI: which requests share a document
	Mode         string // "interleave" or "split"
	LatencyFirst time.Duration
	LatencyAll   time.Duration
	Error        string // the arm's failure, "" none
	TimedOut     bool
	Cancelled    bool // cancelled or superseded before it was answered

	// shown, hidden, accept, partial_accept
	Rank     int // 0-based rank among the shown candidates (hidden: among the arm's)
	Chars    int
	Tokens   int
	TextHash string
	CWEs     []string // screening findings (shown) or the check's (verdict)
	Parses   bool
	Accepted int    // accepted characters (accept, partial_accept)
	Text     string // the code, only with [ab] store_text

	// dismiss: "next_request", "dismissed", "timeout", "closed";
	// verdict: the analyzer.
	Reason   string
	Analyzer string

	// persistence
	Horizon time.Duration
	Kept    float64 // share of the accepted characters still there

	// loss
	Lost int
}

// Arms maps the arms to the models compared, drawn once per store.
type Arms struct {
	A, B string
}

// Model returns the model behind arm ("A" or "B").
func (a Arms) Model(arm string) string {
	switch arm {
	case "A":
		return a.A
	case "B":
		return a.B
	}
	return ""
}

// Arm returns the arm of model, "" when it is neither.
func (a Arms) Arm(model string) string {
	switch model {
	case a.A:
		return "A"
	case a.B:
		return "B"
	}
	return ""
}

// Store is an A/B event store. Implementations are safe for concurrent
// use.
type Store interface {
	// Arms returns the store's mapping of arms to models, drawing it at
	// random (with rnd) when the store has none yet. A store made for
	// two other models is an error.
	Arms(ctx context.Context, models [2]string, rnd *rand.Rand) (Arms, error)
	// Append writes events in one transaction and returns once they are
	// committed: an event Append returned for survives a crash of the
	// process.
	Append(ctx context.Context, evs []Event) error
	// Scan calls fn for every event at or after since, in Seq order.
	Scan(ctx context.Context, since time.Time, fn func(*Event) error) error
	// Mapping returns the arms recorded in the store, false when none.
	Mapping(ctx context.Context) (Arms, bool, error)
	// Location names the store for messages, without a password.
	Location() string
	Close() error
}

// SchemaVersion is the version of the schema this code writes; older
// stores are migrated forward on open, newer ones refused.
const SchemaVersion = 1

// ErrNewerSchema is returned for a store written by a newer securecomplete.
var ErrNewerSchema = errors.New("newer schema")

// Open opens the store at loc, a SQLite file path or a postgres:// URL,
// creating and migrating it as needed.
func Open(ctx context.Context, loc string) (Store, error) {
	if IsPostgres(loc) {
		return OpenPostgres(ctx, loc)
	}
	return OpenSQLite(ctx, loc)
}

// IsPostgres reports whether loc names a PostgreSQL store.
func IsPostgres(loc string) bool {
	return strings.HasPrefix(loc, "postgres://") || strings.HasPrefix(loc, "postgresql://")
}

// drawArms draws which model is A.
func drawArms(models [2]string, rnd *rand.Rand) Arms {
	if rnd == nil {
		return Arms{A: models[0], B: models[1]}
	}
	if rnd.IntN(2) == 0 {
		return Arms{A: models[0], B: models[1]}
	}
	return Arms{A: models[1], B: models[0]}
}

// checkArms refuses a store made for other models.
func checkArms(loc string, have Arms, models [2]string) error {
	if (have.A == models[0] && have.B == models[1]) || (have.A == models[1] && have.B == models[0]) {
		return nil
	}
	return fmt.Errorf("A/B store %s compares two other models; this configuration compares %q and %q: set [ab] store to another store", loc, models[0], models[1])
}

// timeZero is "since the start" for Scan.
var timeZero time.Time
