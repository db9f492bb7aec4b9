package output

import (
	"errors"
	"fmt"
	"html"
	"io"
	"math"
	"strings"

	"github.com/benefitstd/benefitstd/adjust"
	"github.com/benefitstd/benefitstd/benefit"
)

// svgRenderer renders a simulation (*adjust.Result) as a self-contained SVG
// chart: the levels of every region year by year as grey lines, the
// national floor as a red stepped line and the population-weighted mean
// level as a blue line, the highest and lowest regions of the last year
// labelled. Levels are converted to float64 for drawing only. An
// illustrative scenario's chart says ILLUSTRATIVE in its title. A Result
// from adjust.Run always has the two years a chart needs (the base year
// and at least one more); one with fewer (a hand-built or zero Result)
// is an error.
type svgRenderer struct {
	w io.Writer
}

// newSVG returns the SVG renderer writing to w.
func newSVG(w io.Writer) *svgRenderer { return &svgRenderer{w: w} }

// Render writes v, an *adjust.Result, as an SVG chart, in one write.
func (s *svgRenderer) Render(v any) error {
	r, ok := v.(*adjust.Result)
	if !ok {
		return unsupported(FormatSVG, v)
	}
	return resultSVG(s.w, r)
}

// resultSVG writes the chart of r.
func resultSVG(w io.Writer, r *adjust.Result) error {
	const (
		width, height          = 960, 560
		left, right, top, bott = 80, 190, 60, 60
	)
	years := make([]int, 0, len(r.Floors))
	for _, f := range r.Floors {
		years = append(years, f.Year)
	}
	if len(years) < 2 {
		return errors.New("output: a chart needs at least two years (a Result from adjust.Run has them)")
	}
	// level series per region, base year first (Previous of the first row)
	type series struct {
		name string
		v    []float64
	}
	var ss []series
	for i := 0; i < len(r.Rows); {
		j := i
		s := series{name: r.Rows[i].Name + " " + r.Rows[i].Region.String(), v: []float64{fenFloat(r.Rows[i].Previous) / 100}}
		for ; j < len(r.Rows) && r.Rows[j].Region == r.Rows[i].Region; j++ {
			s.v = append(s.v, fenFloat(r.Rows[j].Level)/100)
		}
		ss = append(ss, s)
		i = j
	}
	maxV := 0.0
	for _, s := range ss {
		for _, v := range s.v {
			maxV = math.Max(maxV, v)
		}
	}
	for _, f := range r.Floors {
		maxV = math.Max(maxV, fenFloat(f.Amount)/100)
	}
	yStep := niceStep(maxV / 6)
	yMax := math.Ceil(maxV/yStep) * yStep
	if yMax == 0 {
		yMax = 1
	}
	pw, ph := float64(width-left-right), float64(height-top-bott)
	x := func(i int) float64 { return float64(left) + pw*float64(i)/float64(len(years)-1) }
	y := func(v float64) float64 { return float64(top) + ph*(1-v/yMax) }

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", width, height, width, height)
	b.WriteString(`<rect width="100%" height="100%" fill="white"/>` + "\n")
	title := fmt.Sprintf("%s: levels by region (%s)", r.Name, r.Unit)
	if r.Run.Illustrative {
		title = "ILLUSTRATIVE — " + title
	}
	fmt.Fprintf(&b, `<text x="%d" y="24" font-size="16" font-weight="bold">%s</text>`+"\n", left, html.EscapeString(title))
	fmt.Fprintf(&b, `<text x="%d" y="42" fill="#555">scenario %s · sha256 %.12s… · benefitstd adjust %s</text>`+"\n", left, html.EscapeString(r.Run.Scenario), r.Run.ScenarioSHA256, r.Run.Version)
	// grid and axes
	for v := 0.0; v <= yMax+yStep/2; v += yStep {
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#e5e5e5"/>`+"\n", left, y(v), width-right, y(v))
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" text-anchor="end">%s</text>`+"\n", left-8, y(v)+4, trimFloat(v))
	}
	for i, yr := range years {
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle">%d</text>`+"\n", x(i), height-bott+20, yr)
	}
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333"/>`+"\n", left, height-bott, width-right, height-bott)
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333"/>`+"\n", left, top, left, height-bott)
	// regions
	for _, s := range ss {
		var pts []string
		for i, v := range s.v {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(i), y(v)))
		}
		fmt.Fprintf(&b, `<polyline fill="none" stroke="#888" stroke-opacity="0.6" stroke-width="1.2" points="%s"><title>%s</title></polyline>`+"\n", strings.Join(pts, " "), html.EscapeString(s.name))
	}
	// mean level
	if len(r.Years) > 0 {
		var pts []string
		for i, sy := range r.Years {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(i+1), y(fenFloat(sy.MeanLevel)/100)))
		}
		fmt.Fprintf(&b, `<polyline fill="none" stroke="#1f77b4" stroke-width="2.5" points="%s"/>`+"\n", strings.Join(pts, " "))
	}
	// national floor, stepped
	var fp []string
	for i, f := range r.Floors {
		v := y(fenFloat(f.Amount) / 100)
		if i > 0 {
			fp = append(fp, fmt.Sprintf("%.1f,%s", x(i), strings.Split(fp[len(fp)-1], ",")[1]))
		}
		fp = append(fp, fmt.Sprintf("%.1f,%.1f", x(i), v))
	}
	fmt.Fprintf(&b, `<polyline fill="none" stroke="#d62728" stroke-width="2.5" stroke-dasharray="6 3" points="%s"/>`+"\n", strings.Join(fp, " "))
	// labels: highest and lowest region in the last year
	if len(ss) > 0 {
		hi, lo := 0, 0
		for i, s := range ss {
			if s.v[len(s.v)-1] > ss[hi].v[len(ss[hi].v)-1] {
				hi = i
			}
			if s.v[len(s.v)-1] < ss[lo].v[len(ss[lo].v)-1] {
				lo = i
			}
		}
		for _, i := range []int{hi, lo} {
			v := ss[i].v[len(ss[i].v)-1]
			fmt.Fprintf(&b, `<text x="%d" y="%.1f" fill="#555">%s %s</text>`+"\n", width-right+6, y(v)+4, html.EscapeString(ss[i].name), trimFloat(v))
		}
	}
	// legend
	lx := width - right + 6
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#d62728" stroke-width="2.5" stroke-dasharray="6 3"/><text x="%d" y="%d">national floor</text>`+"\n", lx, top+4, lx+24, top+4, lx+30, top+8)
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#1f77b4" stroke-width="2.5"/><text x="%d" y="%d">mean (weighted)</text>`+"\n", lx, top+24, lx+24, top+24, lx+30, top+28)
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#888" stroke-width="1.2"/><text x="%d" y="%d">one region</text>`+"\n", lx, top+44, lx+24, top+44, lx+30, top+48)
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// niceStep rounds a raw axis step up to 1, 2 or 5 × 10^k.
func niceStep(raw float64) float64 {
	if raw <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

func trimFloat(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// fenFloat returns a as a float64 number of fen, for drawing only.
func fenFloat(a benefit.Amount) float64 {
	f, ok := a.Fen()
	if !ok {
		f, _ = a.Round(benefit.FenHalfUp()).Fen()
	}
	return float64(f)
}
