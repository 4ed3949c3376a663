package lsp

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"

	"go.lsp.dev/jsonrpc2"
)

// cancelRequest handles $/cancelRequest. The id is read from the raw
// params: editors (Neovim, VS Code) send numbers, which protocol's
// CancelHandler never matches because it expects int32 where JSON gives
// float64. The cancelled request's model call is aborted through its
// context, and the request is answered with RequestCancelled.
func (s *Server) cancelRequest(raw json.RawMessage) error {
	var p CancelParams
	if err := decodeParams(raw, &p, "id"); err != nil {
		return err
	}
	id, err := parseID(p.ID)
	if err != nil {
		return err
	}
	if s.st.cancel(id, errCancelled) {
		s.log.Debug("cancel", "id", fmt.Sprint(id))
	}
	return nil
}

// parseID reads a JSON-RPC id: an integer or a string.
func parseID(raw json.RawMessage) (jsonrpc2.ID, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return jsonrpc2.ID{}, invalidParams("id %s: %v", raw, err)
		}
		return jsonrpc2.NewStringID(s), nil
	}
	var f float64
	if err := json.Unmarshal(raw, &f); err != nil {
		return jsonrpc2.ID{}, invalidParams("id %s is neither a number nor a string", raw)
	}
	if f != math.Trunc(f) || f < math.MinInt32 || f > math.MaxInt32 {
		return jsonrpc2.ID{}, invalidParams("id %s is not a 32-bit integer", raw)
	}
	return jsonrpc2.NewNumberID(int32(f)), nil
}
