package completion

import (
	"fmt"
	"time"

	"securecomplete/analysis/rules"
	"securecomplete/config"
)

// Setup is everything an engine is built from. Every front end (the
// language server, `securecomplete complete`, the benchmark) builds its
// engines with Build from a Setup, so the same configuration gives the
// same prompt, the same cleaning and the same screening everywhere.
type Setup struct {
	// Model is the configured model the engine asks.
	Model config.Model
	// Screen is the screening policy: config.ScreenRank (flagged
	// candidates last), config.ScreenHide (dropped) or config.ScreenOff.
	// "" means config.ScreenRank, the configuration's default.
	Screen string
	// Client asks the model; nil makes one with NewClient(Model, Embedded).
	Client Client
	// Embedded resolves "embedded:default" when Client is nil.
	Embedded EmbeddedModels
	// Tokens counts GPT-2 tokens for the prompt budget; it may be shared
	// between engines. nil makes a new counter.
	Tokens *TokenCounter
	// Rules screen candidates when Screen is not off; nil makes the
	// built-in rules with ScreenParseTimeout.
	Rules Screener
}

// ScreenParseTimeout bounds the rules' parse of one candidate in its
// function when Build makes the rules itself.
const ScreenParseTimeout = time.Second

// SetupFor returns the Setup of the named configured model of cfg ("" is
// the model that answers completions, [completion] model) with cfg's
// screening policy.
func SetupFor(cfg *config.Config, model string) (Setup, error) {
	var (
		m   config.Model
		err error
	)
	if model == "" {
		m, err = cfg.CompletionModel()
	} else {
		m, err = cfg.Model(model)
	}
	if err != nil {
		return Setup{}, err
	}
	return Setup{Model: m, Screen: cfg.Completion.Screen}, nil
}

// NewRules returns the built-in rules as the engine screens with them.
func NewRules() *rules.Checker {
	return rules.New(rules.WithParseTimeout(ScreenParseTimeout))
}

// Build makes the engine s describes.
func Build(s Setup) (*Engine, error) {
	switch s.Screen {
	case "":
		s.Screen = config.ScreenRank
	case config.ScreenRank, config.ScreenHide, config.ScreenOff:
	default:
		return nil, fmt.Errorf("completion engine: screen %q: want %s, %s or %s", s.Screen, config.ScreenRank, config.ScreenHide, config.ScreenOff)
	}
	if s.Client == nil {
		c, err := NewClient(s.Model, s.Embedded)
		if err != nil {
			return nil, err
		}
		s.Client = c
	}
	if s.Tokens == nil {
		t, err := NewTokenCounter()
		if err != nil {
			return nil, err
		}
		s.Tokens = t
	}
	e := &Engine{model: s.Model, client: s.Client, tokens: s.Tokens, parsers: newParsers()}
	if s.Screen != config.ScreenOff {
		e.screener = s.Rules
		if e.screener == nil {
			e.screener = NewRules()
		}
		e.hideFlagged = s.Screen == config.ScreenHide
	}
	return e, nil
}
