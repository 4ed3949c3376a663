package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"securecomplete/training/dataset"
	"securecomplete/training/export"
)

func newTrainExportCommand(g *globals) *cobra.Command {
	var index, out string
	cmd := &cobra.Command{
		Use:   "export --index DIR [-o DIR]",
		Short: "Write a fix dataset's exports for the real trainers",
		Long: `Export writes, from the index that "train dataset" built in DIR:
train.jsonl and valid.jsonl (a "text" field per line, for Hugging Face
datasets and axolotl), train_0_N.tfrecords and valid_0_N.tfrecords with their
index files (GPT-2 BPE, EOS 50256 after each file, packed 2049-token
sequences, for mesh-transformer-jax), mesh-transformer-jax.json (GPT-J 6B,
2 epochs, the steps and learning-rate schedule for the exported tokens),
axolotl-lora.yaml and axolotl-full.yaml (a GPU fine-tune), vllm-serve.sh
(serving the pre-trained and the fine-tuned model as gptj and gptj-ft), and
dataset.json naming the run (sources, counts, seed).`,
		Example: `  securecomplete train export --index fixes
  securecomplete train export --index fixes -o exports/`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				out = index
			}
			return exportTo(cmd, g, index, out)
		},
	}
	cmd.Flags().StringVar(&index, "index", "", "dataset folder holding index.db (required)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "folder for the exports (default: the dataset folder)")
	cmd.MarkFlagRequired("index")
	return cmd
}

// writeExports writes the exports of the dataset in dir into dir.
func writeExports(cmd *cobra.Command, g *globals, dir string) error {
	return exportTo(cmd, g, dir, dir)
}

func exportTo(cmd *cobra.Command, g *globals, index, out string) error {
	ctx := cmd.Context()
	idx, err := dataset.Open(ctx, index)
	if err != nil {
		return err
	}
	defer idx.Close()
	sc, err := export.All(ctx, idx, out)
	if err != nil {
		return err
	}
	tr, va := sc.TFRecords.Splits[dataset.Train], sc.TFRecords.Splits[dataset.Valid]
	s := export.ScheduleFor(tr.Sequences)
	fmt.Fprintf(g.stderr, "exported to %s: %s (%d files), %s (%d files); %s: %d tokens in %d sequences of %d (%d left over), %s: %d sequences; mesh-transformer-jax: %d steps (%d warm-up), lr %g to %g\n",
		out, export.TrainJSONL, sc.Files[dataset.Train].Records, export.ValidJSONL, sc.Files[dataset.Valid].Records,
		tr.File, tr.Tokens, tr.Sequences, export.SeqLen, tr.Dropped, va.File, va.Sequences, s.TotalSteps, s.WarmupSteps, s.LR, s.EndLR)
	return nil
}
