package embedtrain

import (
	"bytes"
	"testing"
)

// BenchmarkTrainDefaultCorpus trains on this machine's default corpus and
// reports the time and model size per MB of corpus.
func BenchmarkTrainDefaultCorpus(b *testing.B) {
	sources, err := DefaultSources(b.Context())
	if err != nil {
		b.Skipf("no default corpus: %v", err)
	}
	var mb, modelMB float64
	for b.Loop() {
		m, st, err := Train(b.Context(), Options{Sources: sources})
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		m.WriteTo(&buf)
		mb, modelMB = float64(st.Bytes)/1e6, float64(buf.Len())/1e6
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/mb, "s/corpus-MB")
	b.ReportMetric(modelMB/mb, "model-MB/corpus-MB")
	b.ReportMetric(mb, "corpus-MB")
}
