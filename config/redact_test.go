package config

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestRedactURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"http://127.0.0.1:8000/v1", "http://127.0.0.1:8000/v1"},
		{"embedded:default", "embedded:default"},
		{"http://user:sk-TESTSECRET123@127.0.0.1:8000/v1", "http://REDACTED@127.0.0.1:8000/v1"},
		{"https://sk-TESTSECRET123@host/v1", "https://REDACTED@host/v1"},
		{"http://a@b:pw@host/v1?x=1", "http://REDACTED@host/v1?x=1"},
		{"http://host/v1?api_key=sk-TESTSECRET123", "http://host/v1?api_key=REDACTED"},
		{"http://host/v1?model=x&token=sk-TESTSECRET123&n=2", "http://host/v1?model=x&token=REDACTED&n=2"},
		{"http://host/v1?API-KEY=sk-TESTSECRET123#frag", "http://host/v1?API-KEY=REDACTED#frag"},
		{"http://host/v1?access_token=a%20b&key=c", "http://host/v1?access_token=REDACTED&key=REDACTED"},
		{"http://host/path@x", "http://host/path@x"}, // an @ in the path is not userinfo
		{"HTTP://u:p@host", "HTTP://REDACTED@host"},
	}
	for _, tt := range tests {
		if got := RedactURL(tt.in); got != tt.want {
			t.Errorf("RedactURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestModelJSONRedacted(t *testing.T) {
	m := Model{Name: "m", BaseURL: "http://user:sk-TESTSECRET123@127.0.0.1:1/v1?api_key=sk-TESTSECRET123", N: 2}
	b, err := json.Marshal(struct{ Arms []Model }{[]Model{m}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "TESTSECRET") || !strings.Contains(string(b), `"base_url":"http://REDACTED@127.0.0.1:1/v1?api_key=REDACTED"`) || !strings.Contains(string(b), `"n":2`) {
		t.Errorf("marshalled model: %s", b)
	}
	if m.BaseURL != "http://user:sk-TESTSECRET123@127.0.0.1:1/v1?api_key=sk-TESTSECRET123" {
		t.Error("marshalling changed the model")
	}
}
