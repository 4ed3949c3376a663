package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
	"github.com/spf13/cobra"

	"securecomplete/training/launch"
)

func newTrainLaunchCommand(g *globals) *cobra.Command {
	var (
		dir, baseURL, keyEnv, model, suffix, jobID, cancel string
		epochs                                             int
		poll                                               time.Duration
		noFollow                                           bool
	)
	cmd := &cobra.Command{
		Use:   "launch --dataset DIR [--model NAME] | --job ID | --cancel ID",
		Short: "Fine-tune on a provider's fine-tuning API, or print the steps of GPT-J's external fine-tune",
		Long: `Launch submits the dataset's train.jsonl (and valid.jsonl) to an
OpenAI-compatible fine-tuning API: it uploads them in the API's completion
format ({"prompt": "", "completion": FILE}), creates the job (2 epochs, as
the paper), and follows its events until it ends. --job ID follows a job
again (after an interrupted launch); --cancel ID cancels one.

Only OpenAI's own service implements the fine-tuning API; no self-hosted
server does. For GPT-J (--model gptj), which is fine-tuned in an external
trainer, launch prints the exact steps with the files "train dataset"
exported.`,
		Example: `  securecomplete train launch --dataset fixes --model davinci-002
  securecomplete train launch --job ftjob-abc123
  securecomplete train launch --cancel ftjob-abc123
  securecomplete train launch --dataset fixes --model gptj`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			if strings.EqualFold(model, "gptj") || strings.Contains(strings.ToLower(model), "gpt-j") {
				if dir == "" {
					return usageError{errors.New("--model gptj: give --dataset DIR, the folder train dataset wrote")}
				}
				return launch.ExternalSteps(g.stdout, dir)
			}
			n := 0
			for _, s := range []string{dir, jobID, cancel} {
				if s != "" {
					n++
				}
			}
			if n != 1 {
				return usageError{errors.New("give one of --dataset DIR, --job ID, --cancel ID")}
			}
			cfg := openai.DefaultConfig(os.Getenv(keyEnv))
			cfg.BaseURL = strings.TrimRight(baseURL, "/")
			c := openai.NewClientWithConfig(cfg)
			if cancel != "" {
				job, err := c.CancelFineTuningJob(ctx, cancel)
				if err != nil {
					return fmt.Errorf("cancel %s: %w", cancel, err)
				}
				fmt.Fprintf(g.stdout, "job %s: %s\n", job.ID, job.Status)
				return nil
			}
			if dir != "" {
				train, valid, err := launch.Files(dir)
				if err != nil {
					return err
				}
				job, err := launch.Launch(ctx, c, launch.Options{Model: model, Epochs: epochs, Suffix: suffix}, train, valid, g.stderr)
				if err != nil {
					return err
				}
				fmt.Fprintf(g.stdout, "job %s created (%s); follow it again with: securecomplete train launch --job %s\n", job.ID, job.Status, job.ID)
				if noFollow {
					return nil
				}
				jobID = job.ID
			}
			job, err := launch.Follow(ctx, c, jobID, poll, g.stdout)
			if err != nil {
				return err
			}
			if job.Status != "succeeded" {
				return fmt.Errorf("job %s ended %s", job.ID, job.Status)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&dir, "dataset", "", "dataset folder (train.jsonl, valid.jsonl) to fine-tune on")
	f.StringVar(&baseURL, "base-url", "https://api.openai.com/v1", "the fine-tuning API")
	f.StringVar(&keyEnv, "api-key-env", "OPENAI_API_KEY", "environment variable holding the API key")
	f.StringVar(&model, "model", launch.DefaultModel, `model to fine-tune; "gptj" prints the external trainer's steps`)
	f.StringVar(&suffix, "suffix", "securecomplete-fixes", "suffix of the fine-tuned model's name")
	f.IntVar(&epochs, "epochs", 2, "epochs")
	f.StringVar(&jobID, "job", "", "follow this job again")
	f.StringVar(&cancel, "cancel", "", "cancel this job")
	f.DurationVar(&poll, "poll", 15*time.Second, "how often to poll the job")
	f.BoolVar(&noFollow, "no-follow", false, "create the job and return")
	return cmd
}
