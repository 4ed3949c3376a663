// Package launch submits a fix dataset to an OpenAI-compatible
// fine-tuning API (upload, create, follow, cancel) through go-openai, and
// writes the steps of an external fine-tune (GPT-J on mesh-transformer-jax
// or axolotl), which no such API runs.
package launch

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"securecomplete/training/embedtrain"
)

// DefaultModel is the completion model OpenAI fine-tunes (prompt and
// completion pairs, as code completion needs).
const DefaultModel = "davinci-002"

// Options configure Launch.
type Options struct {
	Model  string // default DefaultModel
	Epochs int    // default 2, as the paper
	Suffix string // of the fine-tuned model's name
}

type completionLine struct {
	Prompt     string `json:"prompt"`
	Completion string `json:"completion"`
}

// CompletionJSONL converts the dataset's JSONL ("text" per line) into the
// API's completion format: {"prompt": "", "completion": text}, a file
// learnt whole, as the paper's fine-tune learns each file.
func CompletionJSONL(path string) ([]byte, int, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	n := 0
	err := embedtrain.ReadFixes(path, func(_ int, text string) error {
		n++
		return enc.Encode(completionLine{Completion: text})
	})
	return buf.Bytes(), n, err
}

// Launch uploads the training (and, when given, validation) split and
// creates the fine-tuning job.
func Launch(ctx context.Context, c *openai.Client, opt Options, train, valid string, progress io.Writer) (openai.FineTuningJob, error) {
	if opt.Model == "" {
		opt.Model = DefaultModel
	}
	if opt.Epochs == 0 {
		opt.Epochs = 2
	}
	upload := func(path string) (string, error) {
		data, n, err := CompletionJSONL(path)
		if err != nil {
			return "", err
		}
		f, err := c.CreateFileBytes(ctx, openai.FileBytesRequest{Name: filepath.Base(path), Bytes: data, Purpose: openai.PurposeFineTune})
		if err != nil {
			return "", fmt.Errorf("upload %s: %w", path, err)
		}
		if progress != nil {
			fmt.Fprintf(progress, "uploaded %s: %d documents, %d bytes, file %s\n", path, n, len(data), f.ID)
		}
		return f.ID, nil
	}
	req := openai.FineTuningJobRequest{Model: opt.Model, Suffix: opt.Suffix, Hyperparameters: &openai.Hyperparameters{Epochs: opt.Epochs}}
	var err error
	if req.TrainingFile, err = upload(train); err != nil {
		return openai.FineTuningJob{}, err
	}
	if valid != "" {
		if req.ValidationFile, err = upload(valid); err != nil {
			return openai.FineTuningJob{}, err
		}
	}
	job, err := c.CreateFineTuningJob(ctx, req)
	if err != nil {
		return job, fmt.Errorf("create the fine-tuning job: %w", err)
	}
	return job, nil
}

// Done reports whether a job's status is final.
func Done(status string) bool {
	return status == "succeeded" || status == "failed" || status == "cancelled"
}

// Follow polls the job every poll until it ends (or ctx does), printing
// each new event and status change to w. It resumes any job by id.
func Follow(ctx context.Context, c *openai.Client, id string, poll time.Duration, w io.Writer) (openai.FineTuningJob, error) {
	seen := map[string]bool{}
	status := ""
	for {
		job, err := c.RetrieveFineTuningJob(ctx, id)
		if err != nil {
			return job, fmt.Errorf("job %s: %w", id, err)
		}
		events, err := c.ListFineTuningJobEvents(ctx, id, openai.ListFineTuningJobEventsWithLimit(100))
		if err != nil {
			return job, fmt.Errorf("job %s: events: %w", id, err)
		}
		// The API lists the newest first.
		for i := len(events.Data) - 1; i >= 0; i-- {
			e := events.Data[i]
			key := fmt.Sprintf("%d %s", e.CreatedAt, e.Message)
			if seen[key] {
				continue
			}
			seen[key] = true
			fmt.Fprintf(w, "  %s %-5s %s\n", time.Unix(e.CreatedAt, 0).UTC().Format("15:04:05"), e.Level, e.Message)
		}
		if job.Status != status {
			status = job.Status
			fmt.Fprintf(w, "job %s: %s\n", id, status)
		}
		if Done(job.Status) {
			if job.FineTunedModel != "" {
				fmt.Fprintf(w, "fine-tuned model: %s (%d tokens trained)\n", job.FineTunedModel, job.TrainedTokens)
			}
			return job, nil
		}
		select {
		case <-ctx.Done():
			return job, ctx.Err()
		case <-time.After(poll):
		}
	}
}

// ExternalSteps writes the exact steps of the GPT-J fine-tune, which runs
// in an external trainer, with the files "train dataset" exported in dir.
func ExternalSteps(w io.Writer, dir string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	names := func(glob string) string {
		m, _ := filepath.Glob(filepath.Join(abs, glob))
		if len(m) == 0 {
			return filepath.Join(abs, glob) + " (missing: run train export)"
		}
		return m[0]
	}
	fmt.Fprintf(w, `GPT-J is fine-tuned outside: no OpenAI-compatible service fine-tunes it.

On a TPU v3-8 (the paper), with mesh-transformer-jax:
  1. gsutil cp %s %s gs://YOUR-BUCKET/fixes/
  2. edit %s: "bucket", "model_dir", and train_set/val_set to the gs:// index files
     (%s, %s listing the tfrecords above), then copy it to configs/
  3. python3 device_train.py --config configs/mesh-transformer-jax.json --tune-model-path gs://YOUR-BUCKET/step_383500/
  4. python3 to_hf_weights.py --input-ckpt gs://YOUR-BUCKET/gptj-fixes/step_N --config configs/mesh-transformer-jax.json --output-path ./gptj-fixes-hf --cpu --dtype fp16

On GPUs, with axolotl (LoRA, then merged; or the full model):
  1. accelerate launch -m axolotl.cli.train %s
  2. python -m axolotl.cli.merge_lora %s --lora_model_dir=./gptj-fixes-lora

Then serve both models side by side and compare them:
  FT=./gptj-fixes-hf sh %s
  securecomplete eval run --models gptj,gptj-ft --samples 30 -o results/gptj
`, names("train_0_*.tfrecords"), names("valid_0_*.tfrecords"), names("mesh-transformer-jax.json"), names("train.index"), names("valid.index"),
		names("axolotl-lora.yaml"), names("axolotl-lora.yaml"), names("vllm-serve.sh"))
	return nil
}

// readable checks that a file is there before a long upload.
func readable(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = bufio.NewReader(f).Peek(1)
	return err
}

// Files returns the training and validation splits of a dataset folder.
func Files(dir string) (train, valid string, err error) {
	train, valid = filepath.Join(dir, "train.jsonl"), filepath.Join(dir, "valid.jsonl")
	if err := readable(train); err != nil {
		return "", "", fmt.Errorf("dataset %s: %w (run train dataset first)", dir, err)
	}
	if readable(valid) != nil {
		valid = ""
	}
	return train, valid, nil
}
