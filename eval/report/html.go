package report

import (
	"fmt"
	"html/template"
	"io"
)

// WriteHTML writes the report as one self-contained HTML page: the tables
// of the Markdown report and, per language, bar charts of the
// non-vulnerable and invalid ratio of each CWE, model against model (and
// against the paper's models when the report carries them). The charts are
// SVG drawn by gonum/plot and inlined; the page loads nothing from
// anywhere.
func WriteHTML(w io.Writer, rep *Report) error {
	charts, err := cweCharts(rep)
	if err != nil {
		return err
	}
	type chartView struct {
		Title string
		SVG   template.HTML
		Alt   string
	}
	data := struct {
		Title         string
		Facts         [][2]string
		Arms          table
		Main          table
		Ratios        table
		CWEs          table
		Charts        []chartView
		Significance  []string
		Disagreements table
		Alpha         string
		Tested        bool

		Definitions, TestDefinitions string
	}{
		Title:         rep.Meta.Title,
		Facts:         setupFacts(rep),
		Arms:          armsTable(rep),
		Main:          mainTable(rep),
		Ratios:        ratioTable(rep),
		CWEs:          cweTable(rep),
		Significance:  significance(rep),
		Disagreements: disagreementTable(rep),
		Alpha:         trimFloat(rep.Alpha),
		Tested:        len(rep.Arms) > 1,

		Definitions:     definitions,
		TestDefinitions: testDefinitions,
	}
	data.Disagreements.Caption = "" // the section's heading says it
	for _, c := range charts {
		// The SVG comes from the plot library, not from input text: its
		// labels (CWE ids, arm names) are escaped by the library's writer.
		data.Charts = append(data.Charts, chartView{Title: c.Title, SVG: template.HTML(c.SVG), Alt: c.Alt})
	}
	if err := pageTemplate.Execute(w, data); err != nil {
		return fmt.Errorf("write HTML report: %w", err)
	}
	return nil
}

var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{
	"numeric": func(t table, i int) bool { return i < len(t.Numeric) && t.Numeric[i] },
	"foot":    func(t table, i int) bool { return i >= len(t.Rows)-t.Foot },
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{{.Title}}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 90em; padding: 0 1em; color: #222; }
table { border-collapse: collapse; margin: 1em 0 2em; font-size: 0.85em; }
caption { text-align: left; font-weight: bold; font-size: 1.1em; padding: 0.3em 0; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; }
th { background: #f3f3f3; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.foot td { background: #fafafa; font-weight: bold; }
dl.setup { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
dl.setup dt { font-weight: bold; }
dl.setup dd { margin: 0; }
figure { margin: 1em 0 2em; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-weight: bold; }
details { font-size: 0.85em; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<dl class="setup">
{{- range .Facts}}
<dt>{{index . 0}}</dt><dd>{{index . 1}}</dd>
{{- end}}
</dl>
{{template "table" .Arms}}
{{template "table" .Main}}
<p>{{.Definitions}}</p>
{{- if .Tested}}
<p>{{.TestDefinitions}}</p>
{{- end}}
<h2>Per CWE, model against model</h2>
{{- range .Charts}}
<figure>
<figcaption>{{.Title}}</figcaption>
{{.SVG}}
<details><summary>The numbers</summary><p>{{.Alt}}</p></details>
</figure>
{{- end}}
{{template "table" .Ratios}}
{{- if .Tested}}
<p>* p &lt; {{.Alpha}} after Holm's adjustment (one family per test, across the scenario rows).</p>
{{- end}}
{{template "table" .CWEs}}
{{- if .Significance}}
<h2>Significance</h2>
<ul>
{{- range .Significance}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}
<h2>Where printed or stated figures disagree with the rows</h2>
{{- if .Disagreements.Rows}}
{{template "table" .Disagreements}}
{{- else}}
<p>None: every printed or stated figure follows from the rows.</p>
{{- end}}
</body>
</html>
{{define "table"}}
<table>
<caption>{{.Caption}}</caption>
<thead><tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{- $t := .}}
{{- range $i, $row := .Rows}}
<tr{{if foot $t $i}} class="foot"{{end}}>{{range $j, $c := $row}}<td{{if numeric $t $j}} class="num"{{end}}>{{$c}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
{{- end}}
`))
