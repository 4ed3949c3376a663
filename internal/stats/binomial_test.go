package stats

import (
	"math"
	"testing"
)

func TestBinomialTestAsR(t *testing.T) {
	for _, tt := range []struct {
		k, n int
		p    float64
		want float64 // R's binom.test(k, n, p)$p.value
	}{
		{7, 10, 0.5, 0.34375},
		{682, 925, 0.75, 0.3824916}, // R's own example in ?binom.test
		{0, 10, 0.5, 0.001953125},
		{5, 10, 0.5, 1},
		{10, 10, 0.5, 0.001953125},
		{0, 0, 0.5, 1},
	} {
		got, err := BinomialTest(tt.k, tt.n, tt.p)
		if err != nil {
			t.Fatal(err)
		}
		if !near(got, tt.want, 1e-6) {
			t.Errorf("BinomialTest(%d, %d, %v) = %.8g, want %.8g", tt.k, tt.n, tt.p, got, tt.want)
		}
	}
	for _, bad := range [][2]int{{-1, 3}, {4, 3}} {
		if _, err := BinomialTest(bad[0], bad[1], 0.5); err == nil {
			t.Errorf("BinomialTest(%d, %d): no error", bad[0], bad[1])
		}
	}
	if _, err := BinomialTest(1, 2, math.NaN()); err == nil {
		t.Error("BinomialTest with p = NaN: no error")
	}
}

func TestCohenKappa(t *testing.T) {
	for _, tt := range []struct {
		yy, yn, ny, nn int
		want           float64
	}{
		{20, 5, 10, 15, 0.4}, // po 0.7, pe 0.5
		{10, 0, 0, 10, 1},
		{0, 10, 10, 0, -1},
		{25, 0, 25, 0, 0}, // the first rater always says yes
	} {
		if got := CohenKappa(tt.yy, tt.yn, tt.ny, tt.nn); !near(got, tt.want, 1e-12) && math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("CohenKappa(%d,%d,%d,%d) = %v, want %v", tt.yy, tt.yn, tt.ny, tt.nn, got, tt.want)
		}
	}
	if k := CohenKappa(0, 0, 0, 0); !math.IsNaN(k) {
		t.Errorf("no items: %v, want NaN", k)
	}
	if k := CohenKappa(5, 0, 0, 0); !math.IsNaN(k) {
		t.Errorf("both always yes: %v, want NaN", k)
	}
}

func TestSampleSizeAsPowerPropTest(t *testing.T) {
	// R: power.prop.test(p1 = .50, p2 = .75, power = .90) prints n = 76.7
	// (uniroot's tolerance); the equation it solves has the root 76.70693.
	n, err := SampleSize(0.5, 0.75, 0.05, 0.9)
	if err != nil {
		t.Fatal(err)
	}
	if !near(n, 76.70693, 1e-6) {
		t.Errorf("n = %.7g, want 76.70693", n)
	}
	// Put back into power.prop.test's power equation, n gives the power.
	za := 1.959963984540054 // qnorm(0.975)
	d := 0.25
	z := (math.Sqrt(n)*d - za*math.Sqrt((0.5+0.75)*(0.5+0.25)/2)) / math.Sqrt(0.5*0.5+0.75*0.25)
	if power := 0.5 * math.Erfc(-z/math.Sqrt2); !near(power, 0.9, 1e-9) {
		t.Errorf("power at n = %v: %v, want 0.9", n, power)
	}
	if n, _ := SampleSize(0.3, 0.3, 0.05, 0.8); !math.IsInf(n, 1) {
		t.Errorf("equal proportions: %v, want +Inf", n)
	}
	if _, err := SampleSize(1.5, 0.3, 0.05, 0.8); err == nil {
		t.Error("proportion 1.5: no error")
	}
}
