package completion

import (
	"fmt"

	"securecomplete/config"
)

// newEmbeddedClient serves a model entry whose base_url is "embedded:PATH"
// in-process. The embedded model arrives with issue 4; until then such an
// entry is refused with a clear error.
func newEmbeddedClient(m config.Model, path string) (Client, error) {
	return nil, fmt.Errorf("model %s: base_url %q: the embedded model is not built yet", m.Name, config.EmbeddedPrefix+path)
}
