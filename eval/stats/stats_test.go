package stats

import (
	"encoding/json"
	"math"
	"testing"

	"securecomplete/analysis"
	istats "securecomplete/internal/stats"
)

func TestCompareSplitsAsThePaper(t *testing.T) {
	// 79-0 (C++) of the paper: pre-trained 12/14/4, fine-tuned 1/8/21.
	pre := Counts{Vul: 12, NonVul: 14, Invalid: 4}
	ft := Counts{Vul: 1, NonVul: 8, Invalid: 21}
	got, err := Compare(pre, ft)
	if err != nil {
		t.Fatal(err)
	}
	// Non-vul 14 vs 16 others against 8 vs 22: the paper prints 0.1799.
	if math.Round(got.PNonVul*1e4) != 1799 {
		t.Errorf("PNonVul = %.6f, want 0.1799 to 4 places", got.PNonVul)
	}
	// Invalid vs others: 4 vs 26 against 21 vs 9.
	wantInv, err := istats.FisherExact(4, 26, 21, 9)
	if err != nil {
		t.Fatal(err)
	}
	if got.PInvalid != wantInv {
		t.Errorf("PInvalid = %.6g, want %.6g", got.PInvalid, wantInv)
	}
	if _, err := Compare(Counts{Vul: -1}, ft); err == nil {
		t.Error("no error for negative counts")
	}
}

func TestRatiosAsThePaperDefinesThem(t *testing.T) {
	// The paper's printed C totals for the pre-trained model.
	c := Counts{Vul: 278, NonVul: 427, Invalid: 135}
	nv, err := NonVulRatio(c, DefaultLevel)
	if err != nil {
		t.Fatal(err)
	}
	if nv.Num != 427 || nv.Den != 705 || math.Round(nv.Value*1000) != 606 {
		t.Errorf("non-vul ratio = %d/%d = %.4f, want 427/705 = 60.6%%", nv.Num, nv.Den, nv.Value)
	}
	inv, err := InvalidRatio(c, DefaultLevel)
	if err != nil {
		t.Fatal(err)
	}
	if inv.Num != 135 || inv.Den != 840 || math.Round(inv.Value*1000) != 161 {
		t.Errorf("invalid ratio = %d/%d = %.4f, want 135/840 = 16.1%%", inv.Num, inv.Den, inv.Value)
	}
	// All invalid: the non-vulnerable ratio is undefined, and JSON says so.
	none, err := NonVulRatio(Counts{Invalid: 30}, DefaultLevel)
	if err != nil {
		t.Fatal(err)
	}
	if none.Defined() || !math.IsNaN(none.Value) {
		t.Errorf("ratio of nothing = %+v, want undefined", none)
	}
	b, err := json.Marshal(none)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"num":0,"den":0,"value":null,"lo":null,"hi":null}` {
		t.Errorf("JSON of an undefined ratio = %s", b)
	}
	var back Ratio
	if err := json.Unmarshal(b, &back); err != nil || back.Defined() || !math.IsNaN(back.Lo) {
		t.Errorf("round trip = %+v, %v", back, err)
	}
}

func TestCountsAddAndRecord(t *testing.T) {
	var c Counts
	for _, v := range []analysis.Verdict{analysis.Vulnerable, analysis.Invalid, analysis.NonVulnerable, analysis.NonVulnerable} {
		if err := c.Record(v); err != nil {
			t.Fatal(err)
		}
	}
	if c != (Counts{Vul: 1, NonVul: 2, Invalid: 1}) {
		t.Errorf("recorded %v", c)
	}
	if err := c.Record("maybe"); err == nil {
		t.Error("no error for an unknown verdict")
	}
	sum := c.Add(Counts{Vul: 2, NonVul: 3, Invalid: 4})
	if sum != (Counts{Vul: 3, NonVul: 5, Invalid: 5}) || sum.Total() != 13 || sum.Valid() != 8 {
		t.Errorf("sum = %v (total %d, valid %d)", sum, sum.Total(), sum.Valid())
	}
}
