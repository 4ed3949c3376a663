package completion

import (
	"context"
	"net"
	"strings"
	"testing"

	"securecomplete/config"
)

// TestOpenAIErrorHidesCredentials asks a closed port through a base_url
// with a key in its userinfo: the error says where it failed, without the
// key (net/http itself hides only the password).
func TestOpenAIErrorHidesCredentials(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	m := config.Model{Name: "m", BaseURL: "http://sk-TESTSECRET123:sk-TESTSECRET123@" + addr + "/v1", Model: "m", MaxTokens: 8, N: 1}
	_, err = newOpenAIClient(m).Complete(context.Background(), Request{Prompt: "x", MaxTokens: 8, N: 1})
	if err == nil {
		t.Fatal("no error from a closed port")
	}
	if strings.Contains(err.Error(), "TESTSECRET") || !strings.Contains(err.Error(), "REDACTED@"+addr) {
		t.Errorf("error %q: want the endpoint without its credentials", err)
	}
}
