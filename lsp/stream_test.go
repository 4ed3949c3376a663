package lsp

import "testing"

func TestNoMethod(t *testing.T) {
	for _, tt := range []struct {
		msg  string
		want bool
	}{
		{`{"jsonrpc":"2.0","id":7}`, true},
		{`{"jsonrpc":"2.0","id":"a","params":{}}`, true},
		{`{"jsonrpc":"2.0","id":7,"method":""}`, true},
		{`{"jsonrpc":"2.0","id":7,"result":null}`, false},
		{`{"jsonrpc":"2.0","id":7,"result":[]}`, false},
		{`{"jsonrpc":"2.0","id":7,"error":{"code":1,"message":"x"}}`, false},
		{`{"jsonrpc":"2.0","id":7,"method":"shutdown"}`, false},
		{`{"jsonrpc":"2.0","method":"initialized"}`, false},
		{`{"jsonrpc":"2.0","id":null}`, false},
		{`not json`, false},
	} {
		if got := noMethod([]byte(tt.msg)); got != tt.want {
			t.Errorf("noMethod(%s) = %v, want %v", tt.msg, got, tt.want)
		}
	}
}
