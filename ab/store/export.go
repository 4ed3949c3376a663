package store

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Record is an event as export writes it: one JSON object per line, or
// one CSV row under a header of the same names.
type Record struct {
	Type           Type     `json:"type"`
	Time           string   `json:"time"` // RFC 3339, UTC, microseconds
	Session        string   `json:"session"`
	Request        string   `json:"request"`
	Arm            string   `json:"arm"`
	Model          string   `json:"model"`
	Lang           string   `json:"lang,omitempty"`
	DocHash        string   `json:"doc_hash,omitempty"`
	Mode           string   `json:"mode,omitempty"`
	LatencyFirstMS float64  `json:"latency_first_ms,omitempty"`
	LatencyAllMS   float64  `json:"latency_all_ms,omitempty"`
	Error          string   `json:"error,omitempty"`
	TimedOut       bool     `json:"timed_out,omitempty"`
	Cancelled      bool     `json:"cancelled,omitempty"`
	Rank           int      `json:"rank"`
	Chars          int      `json:"chars,omitempty"`
	Tokens         int      `json:"tokens,omitempty"`
	TextHash       string   `json:"text_hash,omitempty"`
	CWEs           []string `json:"cwes,omitempty"`
	Parses         bool     `json:"parses,omitempty"`
	Accepted       int      `json:"accepted_chars,omitempty"`
	Reason         string   `json:"reason,omitempty"`
	Analyzer       string   `json:"analyzer,omitempty"`
	HorizonS       int      `json:"horizon_s,omitempty"`
	Kept           float64  `json:"kept,omitempty"`
	Lost           int      `json:"lost,omitempty"`
	Text           string   `json:"text,omitempty"`
}

// csvHeader is the CSV export's first row.
var csvHeader = []string{"type", "time", "session", "request", "arm", "model", "lang", "doc_hash", "mode",
	"latency_first_ms", "latency_all_ms", "error", "timed_out", "cancelled", "rank", "chars", "tokens", "text_hash",
	"cwes", "parses", "accepted_chars", "reason", "analyzer", "horizon_s", "kept", "lost", "text"}

func recordOf(e *Event) Record {
	return Record{
		Type: e.Type, Time: e.Time.UTC().Format("2006-01-02T15:04:05.000000Z07:00"), Session: e.Session, Request: e.Request,
		Arm: e.Arm, Model: e.Model, Lang: e.Lang, DocHash: e.DocHash, Mode: e.Mode,
		LatencyFirstMS: ms(e.LatencyFirst), LatencyAllMS: ms(e.LatencyAll), Error: e.Error, TimedOut: e.TimedOut,
		Cancelled: e.Cancelled, Rank: e.Rank, Chars: e.Chars, Tokens: e.Tokens, TextHash: e.TextHash, CWEs: e.CWEs,
		Parses: e.Parses, Accepted: e.Accepted, Reason: e.Reason, Analyzer: e.Analyzer,
		HorizonS: int(e.Horizon / time.Second), Kept: e.Kept, Lost: e.Lost, Text: e.Text,
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// Export writes every event at or after since to w as "csv" or "jsonl".
func Export(ctx context.Context, st Store, w io.Writer, format string, since time.Time) (int, error) {
	n := 0
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		err := st.Scan(ctx, since, func(e *Event) error {
			n++
			return enc.Encode(recordOf(e))
		})
		return n, err
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(csvHeader); err != nil {
			return 0, err
		}
		err := st.Scan(ctx, since, func(e *Event) error {
			r := recordOf(e)
			n++
			return cw.Write([]string{string(r.Type), r.Time, r.Session, r.Request, r.Arm, r.Model, r.Lang, r.DocHash, r.Mode,
				fnum(r.LatencyFirstMS), fnum(r.LatencyAllMS), r.Error, bstr(r.TimedOut), bstr(r.Cancelled), strconv.Itoa(r.Rank),
				strconv.Itoa(r.Chars), strconv.Itoa(r.Tokens), r.TextHash, strings.Join(r.CWEs, " "), bstr(r.Parses),
				strconv.Itoa(r.Accepted), r.Reason, r.Analyzer, strconv.Itoa(r.HorizonS), fnum(r.Kept), strconv.Itoa(r.Lost), r.Text})
		})
		cw.Flush()
		if err == nil {
			err = cw.Error()
		}
		return n, err
	}
	return 0, fmt.Errorf("export format %q: want csv or jsonl", format)
}

func fnum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func bstr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
