package report

import (
	"bytes"
	"fmt"
	"html/template"
	"image/color"
	"io"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// The HTML report: the tables, and charts drawn with gonum/plot (the
// plotting library of `eval report`) as inline SVG.

var armColors = [2]color.RGBA{{31, 119, 180, 255}, {255, 127, 14, 255}}

var page = template.Must(template.New("ab").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>securecomplete A/B comparison</title>
<style>body{font-family:sans-serif;max-width:70em;margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}figure{margin:1em 0}</style>
</head><body>
<h1>A/B comparison</h1>
{{range .Header}}<p>{{.}}</p>
{{end}}<table><tr><th></th><th>{{.LabelA}}</th><th>{{.LabelB}}</th></tr>
{{range .Rows}}<tr><td>{{.Name}}</td><td>{{.A}}</td><td>{{.B}}</td></tr>
{{end}}</table>
<ul>{{range .Tests}}<li>{{.}}</li>
{{end}}</ul>
{{range .Charts}}<figure>{{.SVG}}<figcaption>{{.Title}}: {{.Alt}}</figcaption></figure>
{{end}}</body></html>
`))

type htmlRow struct{ Name, A, B string }

type htmlChart struct {
	Title string
	SVG   template.HTML
	Alt   string
}

func writeHTML(w io.Writer, rep *Report) error {
	la, lb := rep.Arms[0].Label, rep.Arms[1].Label
	if !rep.Blind {
		la, lb = la+" (A)", lb+" (B)"
	}
	data := struct {
		Header         []string
		LabelA, LabelB string
		Rows           []htmlRow
		Tests          []string
		Charts         []htmlChart
	}{Header: rep.header(), LabelA: la, LabelB: lb, Tests: rep.testLines()}
	for _, r := range rep.rows() {
		data.Rows = append(data.Rows, htmlRow{strings.TrimSpace(r.name), r.a, r.b})
	}
	pct := func(v float64, ok bool) (float64, string) {
		if !ok || math.IsNaN(v) {
			return 0, "–"
		}
		return 100 * v, fmt.Sprintf("%.1f %%", 100*v)
	}
	charts := []struct {
		title string
		cats  []string
		get   func(a Arm, i int) (float64, string)
	}{
		{"Acceptance and vulnerable accepted", []string{"accepted", "vulnerable"}, func(a Arm, i int) (float64, string) {
			if i == 0 {
				return pct(a.Acceptance.Value, a.Acceptance.Defined())
			}
			return pct(a.Vulnerable.Value, a.Vulnerable.Defined())
		}},
		{"Persistence of accepted characters", rep.Horizons, func(a Arm, i int) (float64, string) {
			p := a.Persistence[i]
			return pct(float64(p.Mean), p.N > 0)
		}},
	}
	for _, c := range charts {
		svg, alt, err := bars(c.title, c.cats, [2]string{la, lb}, func(arm, cat int) (float64, string) { return c.get(rep.Arms[arm], cat) })
		if err != nil {
			return err
		}
		data.Charts = append(data.Charts, htmlChart{Title: c.title, SVG: template.HTML(svg), Alt: alt})
	}
	return page.Execute(w, data)
}

// bars draws grouped bars (percentages), one group per category, one bar
// per arm, as an inline SVG, and says the values in words.
func bars(title string, cats []string, labels [2]string, get func(arm, cat int) (float64, string)) (string, string, error) {
	p := plot.New()
	p.Title.Text = title
	p.Y.Label.Text = "%"
	p.Y.Min, p.Y.Max = 0, 100
	p.Add(plotter.NewGrid())
	w := vg.Points(18)
	var words []string
	for arm := range 2 {
		vals := make(plotter.Values, len(cats))
		for i := range cats {
			v, s := get(arm, i)
			vals[i] = v
			words = append(words, fmt.Sprintf("%s %s %s", labels[arm], cats[i], s))
		}
		b, err := plotter.NewBarChart(vals, w)
		if err != nil {
			return "", "", fmt.Errorf("chart %s: %w", title, err)
		}
		b.Color = armColors[arm]
		b.LineStyle.Width = 0
		b.Offset = vg.Length(arm*2-1) * w / 2
		p.Add(b)
		p.Legend.Add(labels[arm], b)
	}
	p.Legend.Top = true
	p.NominalX(cats...)
	canvas := vgsvg.New(6*vg.Inch, 3*vg.Inch)
	p.Draw(draw.New(canvas))
	var buf bytes.Buffer
	if _, err := canvas.WriteTo(&buf); err != nil {
		return "", "", fmt.Errorf("chart %s: %w", title, err)
	}
	svg := buf.String()
	if i := strings.Index(svg, "<svg"); i >= 0 {
		svg = svg[i:]
	}
	return svg, strings.Join(words, "; "), nil
}
