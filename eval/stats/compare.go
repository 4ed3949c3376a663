package stats

import istats "securecomplete/internal/stats"

// Comparison holds the paper's two tests between two models on the same
// scenario (or pool of scenarios).
type Comparison struct {
	// PNonVul tests non-vulnerable against the others (vulnerable and
	// invalid together), the paper's "Non-Vul v.s. Others".
	PNonVul float64 `json:"p_nonvul_vs_others"`
	// PInvalid tests invalid against the others (vulnerable and
	// non-vulnerable), the paper's "Invalid v.s. Others".
	PInvalid float64 `json:"p_invalid_vs_others"`
}

// Compare runs both two-sided Fisher tests of model x against model y.
func Compare(x, y Counts) (Comparison, error) {
	if err := x.Validate(); err != nil {
		return Comparison{}, err
	}
	if err := y.Validate(); err != nil {
		return Comparison{}, err
	}
	pn, err := istats.FisherExact(x.NonVul, x.Vul+x.Invalid, y.NonVul, y.Vul+y.Invalid)
	if err != nil {
		return Comparison{}, err
	}
	pi, err := istats.FisherExact(x.Invalid, x.Vul+x.NonVul, y.Invalid, y.Vul+y.NonVul)
	if err != nil {
		return Comparison{}, err
	}
	return Comparison{PNonVul: pn, PInvalid: pi}, nil
}
