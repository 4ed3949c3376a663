package report

import (
	"bytes"
	"fmt"
	"image/color"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"

	"securecomplete/analysis"
	"securecomplete/eval/stats"
)

// chart is one figure of the HTML page: an SVG document to inline.
type chart struct {
	Title string
	SVG   string // starts at <svg, no XML prolog
	Alt   string // the plotted numbers in words, for readers without the picture
}

// armColors are the bars of the arms; paperColors, lighter, of the paper's
// arms beside them.
var (
	armColors   = []color.RGBA{{31, 119, 180, 255}, {255, 127, 14, 255}, {44, 160, 44, 255}, {214, 39, 40, 255}, {148, 103, 189, 255}}
	paperColors = []color.RGBA{{158, 198, 225, 255}, {255, 196, 140, 255}, {160, 216, 160, 255}, {235, 150, 150, 255}, {200, 180, 220, 255}}
)

// cweCharts draws, per language, the non-vulnerable and the invalid ratio
// of each CWE (pooled over its scenarios), one bar per arm, and the
// paper's arms beside them when the report has them.
func cweCharts(rep *Report) ([]chart, error) {
	var langs []analysis.Lang
	for _, g := range rep.Totals {
		if g.Lang != "" {
			langs = append(langs, g.Lang)
		}
	}
	var out []chart
	for _, lang := range langs {
		var groups []GroupResult
		for _, g := range rep.CWEs {
			if g.Lang == lang {
				groups = append(groups, g)
			}
		}
		for _, m := range []struct {
			name string
			get  func(ArmResult) stats.Ratio
		}{
			{"Non-vulnerable ratio", func(a ArmResult) stats.Ratio { return a.NonVul }},
			{"Invalid ratio", func(a ArmResult) stats.Ratio { return a.Invalid }},
		} {
			title := fmt.Sprintf("%s per CWE (%s)", m.name, LangName(lang))
			c, err := barChart(rep, title, groups, m.get)
			if err != nil {
				return nil, fmt.Errorf("chart %s: %w", title, err)
			}
			out = append(out, c)
		}
	}
	return out, nil
}

// svgFixer adapts the plot library's SVG document for inlining in HTML:
// an inline <svg> needs no namespace declarations (the page then names no
// URL at all), and the text falls back to metric-compatible fonts where
// Liberation Serif is not installed.
var svgFixer = strings.NewReplacer(
	"\n\txmlns=\"http://www.w3.org/2000/svg\"", "",
	"\n\txmlns:xlink=\"http://www.w3.org/1999/xlink\"", "",
	"font-family:Liberation Serif", "font-family:'Liberation Serif','Times New Roman',Times,serif",
)

type series struct {
	name   string
	color  color.Color
	values plotter.Values
	words  []string
}

func barChart(rep *Report, title string, groups []GroupResult, get func(ArmResult) stats.Ratio) (chart, error) {
	var ss []series
	names := make([]string, len(groups))
	for i, g := range groups {
		// "787" rather than "CWE-787": a dozen groups fit side by side.
		names[i] = strings.TrimPrefix(g.CWE, "CWE-")
		if names[i] == "" {
			names[i] = "?"
		}
	}
	addSeries := func(name string, col color.Color, pick func(GroupResult) (ArmResult, bool)) {
		s := series{name: name, color: col, values: make(plotter.Values, len(groups))}
		for i, g := range groups {
			a, ok := pick(g)
			r := get(a)
			if !ok || !r.Defined() {
				s.words = append(s.words, "CWE-"+names[i]+" –")
				continue // an undefined ratio draws no bar
			}
			s.values[i] = 100 * r.Value
			s.words = append(s.words, "CWE-"+names[i]+" "+ratioShort(r))
		}
		ss = append(ss, s)
	}
	for i, a := range rep.Arms {
		addSeries(a.Name, armColors[i%len(armColors)], func(g GroupResult) (ArmResult, bool) { return g.Arms[i], true })
	}
	if rep.Reference != nil {
		for i, a := range rep.Reference.Arms {
			addSeries("paper "+a.Name, paperColors[i%len(paperColors)], func(g GroupResult) (ArmResult, bool) {
				if g.Paper == nil {
					return ArmResult{}, false
				}
				return g.Paper[i], true
			})
		}
	}

	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = "CWE"
	p.Y.Label.Text = "%"
	p.Y.Min, p.Y.Max = 0, 100
	p.Y.Tick.Marker = plot.ConstantTicks{{Value: 0, Label: "0"}, {Value: 25, Label: "25"}, {Value: 50, Label: "50"}, {Value: 75, Label: "75"}, {Value: 100, Label: "100"}}
	p.Add(plotter.NewGrid())
	// The legend stands right of the plot, where it hides no bar.
	legend := plot.NewLegend()
	legend.Top, legend.Left = true, true
	for _, s := range ss {
		legend.Add(s.name, &plotter.BarChart{Color: s.color})
	}
	width, height := 10*vg.Inch, 3.6*vg.Inch
	canvas := vgsvg.New(width, height)
	dc := draw.New(canvas)
	lr := legend.Rectangle(dc)
	// Measured in Liberation Serif; a browser without it draws in a
	// metric-compatible Times or a wider serif, hence the spare room.
	legendWidth := (lr.Max.X-lr.Min.X)*1.3 + 12
	// Room for each group: the plot area over the groups, 80 % of it
	// filled by the bars of the series side by side.
	group := (width - legendWidth - 0.7*vg.Inch) / vg.Length(max(1, len(groups)))
	bw := group * 0.8 / vg.Length(len(ss))
	for i, s := range ss {
		bars, err := plotter.NewBarChart(s.values, bw)
		if err != nil {
			return chart{}, err
		}
		bars.Color = s.color
		bars.LineStyle.Width = 0
		bars.Offset = vg.Length(float64(i)-float64(len(ss)-1)/2) * bw
		p.Add(bars)
	}
	p.NominalX(names...)
	p.Draw(draw.Crop(dc, 0, -legendWidth, 0, 0))
	legend.Draw(draw.Crop(dc, width-legendWidth+6, 0, 0, -18))
	var buf bytes.Buffer
	if _, err := canvas.WriteTo(&buf); err != nil {
		return chart{}, err
	}
	svg := buf.String()
	start := strings.Index(svg, "<svg")
	if start < 0 {
		return chart{}, fmt.Errorf("the plot library wrote no <svg> element")
	}
	svg = svgFixer.Replace(svg[start:])
	var alt []string
	for _, s := range ss {
		alt = append(alt, s.name+": "+strings.Join(s.words, ", "))
	}
	return chart{Title: title, SVG: svg, Alt: strings.Join(alt, "; ")}, nil
}
