package config

import (
	"encoding/json"
	"regexp"
)

// Redacted stands in for a credential removed from a URL.
const Redacted = "REDACTED"

// userinfo matches a URL's scheme and userinfo: everything of the
// authority up to its last "@".
var userinfo = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.\-]*://)[^/?#]*@`)

// secretParam matches a query parameter whose name says it holds a
// credential (api_key, apikey, key, token, access_token, secret,
// password, auth, sig, ...), up to the end of its value.
var secretParam = regexp.MustCompile(`(?i)([?&;][^=&#;]*(?:key|token|secret|passw|auth|sig)[^=&#;]*=)[^&#;]*`)

// RedactURL returns raw with its credentials replaced by REDACTED: the
// userinfo ("user:key@") and the value of every query parameter whose name
// names a credential (api_key, token, ...). Everything else is left as
// written, so the result still says which server is meant. It is the one
// form of a model's URL that may be shown or stored: in logs, messages,
// reports and run stores. Text that is not a URL comes back unchanged
// unless it holds such a query parameter.
func RedactURL(raw string) string {
	out := userinfo.ReplaceAllString(raw, "${1}"+Redacted+"@")
	return secretParam.ReplaceAllString(out, "${1}"+Redacted)
}

// DisplayURL is the model's base_url without its credentials (see
// RedactURL): what every log line, message, report and store shows.
func (m Model) DisplayURL() string { return RedactURL(m.BaseURL) }

// MarshalJSON writes the model as its JSON keys, with base_url redacted:
// a model written out (a run store's run definition, a report) never
// carries the credentials of its URL.
func (m Model) MarshalJSON() ([]byte, error) {
	type plain Model // the same fields without this method
	p := plain(m)
	p.BaseURL = m.DisplayURL()
	return json.Marshal(p)
}
