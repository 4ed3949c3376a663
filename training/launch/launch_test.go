package launch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// fineTuneServer follows the published shapes of OpenAI's files and
// fine-tuning endpoints; a job advances one status per retrieval.
type fineTuneServer struct {
	t      *testing.T
	mu     sync.Mutex
	files  map[string][]byte
	req    map[string]any
	status []string
	step   int
	events []map[string]any
	auth   string
}

func (s *fineTuneServer) job() map[string]any {
	j := map[string]any{"id": "ftjob-1", "object": "fine_tuning.job", "created_at": 1700000000, "model": s.req["model"],
		"status": s.status[s.step], "training_file": s.req["training_file"], "validation_file": s.req["validation_file"],
		"hyperparameters": s.req["hyperparameters"], "result_files": []string{}, "organization_id": "org-1"}
	if s.status[s.step] == "succeeded" {
		j["fine_tuned_model"] = "ft:davinci-002:org-1::fixes"
		j["trained_tokens"] = 1234
	}
	return j
}

func (s *fineTuneServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.auth = r.Header.Get("Authorization")
	reply := func(v any) { w.Header().Set("Content-Type", "application/json"); json.NewEncoder(w).Encode(v) }
	switch {
	case r.Method == "POST" && r.URL.Path == "/v1/files":
		if err := r.ParseMultipartForm(1 << 24); err != nil {
			http.Error(w, `{"error":{"message":"bad form"}}`, 400)
			return
		}
		if r.FormValue("purpose") != "fine-tune" {
			s.t.Errorf("purpose %q", r.FormValue("purpose"))
		}
		f, h, err := r.FormFile("file")
		if err != nil {
			http.Error(w, `{"error":{"message":"no file"}}`, 400)
			return
		}
		data, _ := io.ReadAll(f)
		id := fmt.Sprintf("file-%d", len(s.files)+1)
		s.files[id] = data
		reply(map[string]any{"id": id, "object": "file", "bytes": len(data), "created_at": 1700000000, "filename": h.Filename, "purpose": "fine-tune", "status": "processed"})
	case r.Method == "POST" && r.URL.Path == "/v1/fine_tuning/jobs":
		json.NewDecoder(r.Body).Decode(&s.req)
		s.status = []string{"validating_files", "queued", "running", "running", "succeeded"}
		s.events = append(s.events, map[string]any{"object": "fine_tuning.job.event", "id": "ev-1", "created_at": 1700000001, "level": "info", "message": "Validating training file"})
		reply(s.job())
	case r.Method == "GET" && r.URL.Path == "/v1/fine_tuning/jobs/ftjob-1":
		if s.step < len(s.status)-1 && s.status[s.step] != "cancelled" {
			s.step++
			s.events = append(s.events, map[string]any{"object": "fine_tuning.job.event", "id": fmt.Sprintf("ev-%d", s.step+1), "created_at": 1700000001 + s.step, "level": "info", "message": "status " + s.status[s.step]})
		}
		reply(s.job())
	case r.Method == "GET" && r.URL.Path == "/v1/fine_tuning/jobs/ftjob-1/events":
		var data []map[string]any
		for i := len(s.events) - 1; i >= 0; i-- {
			data = append(data, s.events[i])
		}
		reply(map[string]any{"object": "list", "data": data, "has_more": false})
	case r.Method == "POST" && r.URL.Path == "/v1/fine_tuning/jobs/ftjob-1/cancel":
		s.status[s.step] = "cancelled"
		reply(s.job())
	default:
		w.WriteHeader(404)
		fmt.Fprintf(w, `{"error":{"message":"no route %s %s","type":"invalid_request_error"}}`, r.Method, r.URL.Path)
	}
}

func setup(t *testing.T) (*fineTuneServer, *openai.Client, string) {
	s := &fineTuneServer{t: t, files: map[string][]byte{}}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	cfg := openai.DefaultConfig("sk-test")
	cfg.BaseURL = srv.URL + "/v1"
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "train.jsonl"), []byte(`{"text": "int a = 1;\n", "source": "sven"}`+"\n"+`{"text": "int b;\n"}`+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "valid.jsonl"), []byte(`{"text": "int v;\n"}`+"\n"), 0o644)
	return s, openai.NewClientWithConfig(cfg), dir
}

func TestLaunchAndFollow(t *testing.T) {
	ctx := context.Background()
	s, c, dir := setup(t)
	train, valid, err := Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	job, err := Launch(ctx, c, Options{Suffix: "fixes"}, train, valid, &out)
	if err != nil {
		t.Fatal(err)
	}
	if job.ID != "ftjob-1" || job.Status != "validating_files" {
		t.Errorf("job %+v", job)
	}
	if s.req["model"] != DefaultModel || s.req["training_file"] != "file-1" || s.req["validation_file"] != "file-2" || s.req["suffix"] != "fixes" {
		t.Errorf("create request %v", s.req)
	}
	if hp, _ := s.req["hyperparameters"].(map[string]any); hp["n_epochs"] != float64(2) {
		t.Errorf("hyperparameters %v, want 2 epochs", s.req["hyperparameters"])
	}
	want := `{"prompt":"","completion":"int a = 1;\n"}` + "\n" + `{"prompt":"","completion":"int b;\n"}` + "\n"
	if string(s.files["file-1"]) != want {
		t.Errorf("uploaded %q, want %q", s.files["file-1"], want)
	}
	if s.auth != "Bearer sk-test" {
		t.Errorf("auth %q", s.auth)
	}
	final, err := Follow(ctx, c, job.ID, time.Millisecond, &out)
	if err != nil {
		t.Fatal(err)
	}
	if final.Status != "succeeded" || final.FineTunedModel == "" {
		t.Errorf("final %+v", final)
	}
	o := out.String()
	for _, w := range []string{"uploaded", "Validating training file", "job ftjob-1: running", "status succeeded", "fine-tuned model: ft:davinci-002:org-1::fixes"} {
		if !strings.Contains(o, w) {
			t.Errorf("output lacks %q:\n%s", w, o)
		}
	}
	if strings.Count(o, "Validating training file") != 1 {
		t.Errorf("an event printed twice:\n%s", o)
	}
}

func TestCancel(t *testing.T) {
	ctx := context.Background()
	_, c, dir := setup(t)
	train, _, _ := Files(dir)
	job, err := Launch(ctx, c, Options{}, train, "", io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.CancelFineTuningJob(ctx, job.ID)
	if err != nil || got.Status != "cancelled" {
		t.Fatalf("cancel: %+v %v", got, err)
	}
	final, err := Follow(ctx, c, job.ID, time.Millisecond, io.Discard)
	if err != nil || final.Status != "cancelled" {
		t.Errorf("follow a cancelled job: %+v %v", final, err)
	}
}

func TestLaunchErrors(t *testing.T) {
	ctx := context.Background()
	_, c, dir := setup(t)
	if _, _, err := Files(t.TempDir()); err == nil || !strings.Contains(err.Error(), "train dataset") {
		t.Errorf("Files of an empty folder: %v", err)
	}
	if _, err := Follow(ctx, c, "ftjob-none", time.Millisecond, io.Discard); err == nil || !strings.Contains(err.Error(), "ftjob-none") {
		t.Errorf("follow an unknown job: %v", err)
	}
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte("not json\n"), 0o644)
	if _, err := Launch(ctx, c, Options{}, bad, "", io.Discard); err == nil || !strings.Contains(err.Error(), bad+":1") {
		t.Errorf("launch a bad file: %v", err)
	}
}

func TestExternalSteps(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"train_0_12.tfrecords", "valid_0_1.tfrecords", "mesh-transformer-jax.json", "train.index", "valid.index", "axolotl-lora.yaml", "vllm-serve.sh"} {
		os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644)
	}
	var b bytes.Buffer
	if err := ExternalSteps(&b, dir); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{filepath.Join(dir, "train_0_12.tfrecords"), "device_train.py", "axolotl.cli.train", "--models gptj,gptj-ft"} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("steps lack %q:\n%s", w, b.String())
		}
	}
	if strings.Contains(b.String(), "missing") {
		t.Errorf("a file reported missing:\n%s", b.String())
	}
}
