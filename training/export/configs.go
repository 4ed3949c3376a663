package export

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"securecomplete/training/dataset"
)

// The paper's fine-tune: GPT-J 6B, 2 epochs, mesh-transformer-jax's
// 6B_roto_256 configuration (gradient accumulation 16, one sequence a
// core), its fine-tuning howto's schedule (lr 1e-5 to 5e-5, end_lr a
// fifth to a tenth of it, warmup 5-10 % of the steps).
const (
	Epochs          = 2
	BatchSequences  = 16 // per_replica_batch 1 × 8 cores / cores_per_replica 8 × gradient accumulation 16
	LearningRate    = 5e-5
	EndLearningRate = 1e-5
	WarmupShare     = 0.1
)

// Schedule is the step count and learning-rate schedule for a number of
// training sequences.
type Schedule struct {
	Sequences   int     `json:"sequences"`
	Epochs      int     `json:"epochs"`
	TotalSteps  int     `json:"total_steps"`
	WarmupSteps int     `json:"warmup_steps"`
	AnnealSteps int     `json:"anneal_steps"`
	LR          float64 `json:"lr"`
	EndLR       float64 `json:"end_lr"`
}

// ScheduleFor derives the schedule: Epochs passes over the sequences,
// BatchSequences a step.
func ScheduleFor(sequences int) Schedule {
	steps := (Epochs*sequences + BatchSequences - 1) / BatchSequences
	if steps < 1 {
		steps = 1
	}
	warm := int(float64(steps)*WarmupShare + 0.999)
	if warm < 1 {
		warm = 1
	}
	if warm >= steps {
		warm = steps - 1
	}
	return Schedule{Sequences: sequences, Epochs: Epochs, TotalSteps: steps, WarmupSteps: warm, AnnealSteps: steps - warm, LR: LearningRate, EndLR: EndLearningRate}
}

// MeshConfig is mesh-transformer-jax's configuration for fine-tuning
// GPT-J 6B on the exported TFRecords: the model keys of
// configs/6B_roto_256.json with the schedule derived from the set.
func MeshConfig(s Schedule, trainIndex, validIndex string) map[string]any {
	return map[string]any{
		"layers": 28, "d_model": 4096, "n_heads": 16, "n_vocab": 50400,
		"norm": "layernorm", "pe": "rotary", "pe_rotary_dims": 64,
		"seq": 2048, "cores_per_replica": 8, "per_replica_batch": 1, "gradient_accumulation_steps": 16,
		"warmup_steps": s.WarmupSteps, "anneal_steps": s.AnnealSteps, "lr": s.LR, "end_lr": s.EndLR,
		"weight_decay": 0.1, "total_steps": s.TotalSteps,
		"tpu_size": 8, "bucket": "YOUR-BUCKET", "model_dir": "gptj-fixes",
		"train_set": trainIndex, "val_set": map[string]string{"fixes": validIndex},
		"eval_harness_tasks": []string{}, "val_batches": 10, "val_every": max(s.TotalSteps/4, 1),
		"ckpt_every": s.TotalSteps, "keep_every": s.TotalSteps,
		"name": "gptj-fixes", "wandb_project": "securecomplete", "comment": fmt.Sprintf("GPT-J 6B fine-tuned on the fix dataset: %d epochs of %d sequences", s.Epochs, s.Sequences),
	}
}

// axolotl writes an axolotl configuration for a GPU fine-tune of GPT-J:
// LoRA on q_proj/v_proj (merge it before serving: vLLM cannot load a
// LoRA adapter for GPT-J), or the full model.
func axolotl(dir string, s Schedule, lora bool) string {
	out := "gptj-fixes-full"
	if lora {
		out = "gptj-fixes-lora"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# axolotl: fine-tune GPT-J 6B on the fix dataset (%d epochs, as the paper).\n", s.Epochs)
	fmt.Fprintf(&b, "# Run: accelerate launch -m axolotl.cli.train %s\n", map[bool]string{true: "axolotl-lora.yaml", false: "axolotl-full.yaml"}[lora])
	if lora {
		b.WriteString("# Then merge the adapter before serving (vLLM cannot load a LoRA for GPT-J):\n#   python -m axolotl.cli.merge_lora axolotl-lora.yaml --lora_model_dir=./gptj-fixes-lora\n")
	}
	b.WriteString("base_model: EleutherAI/gpt-j-6b\nrevision_of_model: float16\nmodel_type: GPTJForCausalLM\ntokenizer_type: AutoTokenizer\n")
	fmt.Fprintf(&b, "datasets:\n  - path: json\n    data_files: [%q]\n    type: completion\n    field: text\n", filepath.Join(dir, TrainJSONL))
	fmt.Fprintf(&b, "test_datasets:\n  - path: json\n    data_files: [%q]\n    type: completion\n    field: text\n    split: train\n", filepath.Join(dir, ValidJSONL))
	b.WriteString("dataset_prepared_path: ./axolotl-prepared\n")
	fmt.Fprintf(&b, "output_dir: ./%s\n", out)
	b.WriteString("sequence_len: 2048\nsample_packing: true\npad_to_sequence_len: true\n")
	if lora {
		b.WriteString("adapter: lora\nlora_r: 16\nlora_alpha: 32\nlora_dropout: 0.05\nlora_target_modules:\n  - q_proj\n  - v_proj\n")
	}
	b.WriteString("micro_batch_size: 1\ngradient_accumulation_steps: 16\n")
	fmt.Fprintf(&b, "num_epochs: %d\noptimizer: adamw_torch\nlr_scheduler: cosine\nlearning_rate: %g\nwarmup_steps: %d\n", s.Epochs, s.LR, s.WarmupSteps)
	b.WriteString("weight_decay: 0.1\nbf16: auto\ntf32: false\ngradient_checkpointing: true\nlogging_steps: 10\nevals_per_epoch: 2\nsaves_per_epoch: 1\n")
	if !lora {
		b.WriteString("deepspeed: deepspeed_configs/zero3_bf16.json  # full 6B fine-tune: shard it\n")
	}
	return b.String()
}

// vllm is the commands that serve the pre-trained and the fine-tuned
// GPT-J side by side, under the names securecomplete's A/B mode and
// "eval run --models gptj,gptj-ft" use.
func vllm() string {
	return `#!/bin/sh
# Serve the pre-trained and the fine-tuned GPT-J side by side (one GPU each).
# The fine-tuned checkpoint: mesh-transformer-jax's to_hf_weights.py output,
# or axolotl's full output, or its LoRA merged (vLLM cannot load a GPT-J LoRA).
set -e
FT=${FT:-./gptj-fixes-hf}
CUDA_VISIBLE_DEVICES=0 vllm serve EleutherAI/gpt-j-6b --revision float16 --served-model-name gptj \
  --dtype float16 --max-model-len 2048 --port 8000 &
CUDA_VISIBLE_DEVICES=1 vllm serve "$FT" --served-model-name gptj-ft \
  --dtype float16 --max-model-len 2048 --port 8001 &
wait
# securecomplete.toml:
#   [[models]]
#   name = "gptj"
#   base_url = "http://127.0.0.1:8000/v1"
#   model = "gptj"
#   context_window = 2048
#   [[models]]
#   name = "gptj-ft"
#   base_url = "http://127.0.0.1:8001/v1"
#   model = "gptj-ft"
#   context_window = 2048
# then: securecomplete eval run --models gptj,gptj-ft --samples 30 -o results/gptj
`
}

// The configuration files written.
const (
	MeshConfigFile  = "mesh-transformer-jax.json"
	AxolotlLoRAFile = "axolotl-lora.yaml"
	AxolotlFullFile = "axolotl-full.yaml"
	VLLMFile        = "vllm-serve.sh"
)

// Configs writes the trainer configurations for the TFRecords written
// and returns their names.
func Configs(out string, ts *TFRecordStats) ([]string, error) {
	tr := ts.Splits[dataset.Train]
	s := ScheduleFor(tr.Sequences)
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	mesh, err := json.MarshalIndent(MeshConfig(s, tr.Index, ts.Splits[dataset.Valid].Index), "", "  ")
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{
		MeshConfigFile:  append(mesh, '\n'),
		AxolotlLoRAFile: []byte(axolotl(abs, s, true)),
		AxolotlFullFile: []byte(axolotl(abs, s, false)),
		VLLMFile:        []byte(vllm()),
	}
	names := []string{MeshConfigFile, AxolotlLoRAFile, AxolotlFullFile, VLLMFile}
	for _, n := range names {
		mode := os.FileMode(0o644)
		if strings.HasSuffix(n, ".sh") {
			mode = 0o755
		}
		if err := os.WriteFile(filepath.Join(out, n), files[n], mode); err != nil {
			return nil, err
		}
	}
	return names, nil
}
