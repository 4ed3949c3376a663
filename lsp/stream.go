package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"sync"

	"go.lsp.dev/jsonrpc2"
)

// maxMessage bounds one incoming message. A 10 MB document fits many
// times over; a larger one is refused: the client is told, and the
// connection closed, since the server will not read the body to find the
// next message.
const maxMessage = 256 << 20

// stream frames JSON-RPC messages with Content-Length headers, as
// jsonrpc2.NewStream does, with two differences that keep the connection
// alive and every reply delivered:
//
//   - Write ignores its context. jsonrpc2's stream drops a message whose
//     context is cancelled, and the client then waits for a reply that
//     never comes; a cancelled request must still be answered.
//   - A message whose body is not a JSON-RPC message is answered with a
//     JSON-RPC error (ParseError, or InvalidRequest carrying its id) and
//     skipped. jsonrpc2's stream returns an error and the connection dies.
//
// Broken framing (a header without Content-Length, a short body, a
// Content-Length over maxMessage) still ends the connection: there is no
// way to find the next message. A message with an id but neither a
// method nor a result or error is answered InvalidRequest.
type stream struct {
	rwc io.ReadWriteCloser
	in  *bufio.Reader
	log *slog.Logger

	mu sync.Mutex // serialises writes: replies come from many goroutines
}

func newStream(rwc io.ReadWriteCloser, log *slog.Logger) *stream {
	return &stream{rwc: rwc, in: bufio.NewReaderSize(rwc, 64<<10), log: log}
}

// Read returns the next well-formed message.
func (s *stream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		data, n, err := s.readFrame()
		if err != nil {
			return nil, n, err
		}
		if noMethod(data) {
			s.rejectMalformed(data, errors.New("an id without a method, a result or an error"))
			continue
		}
		msg, err := jsonrpc2.DecodeMessage(data)
		if err == nil {
			return msg, n, nil
		}
		s.rejectMalformed(data, err)
	}
}

// readFrame reads one framed body. A body over maxMessage is refused: the
// client gets an error, and the connection ends.
func (s *stream) readFrame() (data []byte, total int64, err error) {
	length := int64(-1)
	for {
		line, err := s.in.ReadString('\n')
		total += int64(len(line))
		if err != nil {
			if errors.Is(err, io.EOF) && total == 0 {
				return nil, total, io.EOF
			}
			return nil, total, fmt.Errorf("read message header: %w", err)
		}
		line = strings.TrimSpace(line)
		if line == "" {
			if length < 0 {
				return nil, total, errors.New("message header has no Content-Length")
			}
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, total, fmt.Errorf("message header line %q has no colon", line)
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			length, err = strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			if err != nil || length < 0 {
				return nil, total, fmt.Errorf("message header: bad Content-Length %q", value)
			}
		}
	}
	if length > maxMessage {
		err := fmt.Errorf("message of %d bytes is over the server's limit of %d (256 MiB): closing the connection", length, maxMessage)
		s.log.Error("refusing a message larger than the server accepts", "bytes", length, "limit", maxMessage)
		s.writeError(json.RawMessage("null"), jsonrpc2.InvalidRequest, err.Error())
		return nil, total, err
	}
	data = make([]byte, length)
	if _, err := io.ReadFull(s.in, data); err != nil {
		return nil, total, fmt.Errorf("read message body of %d bytes: %w", length, err)
	}
	return data, total + length, nil
}

// rejectMalformed answers a body that is not a JSON-RPC message. When an
// id can be read from it, the client is waiting on that id.
func (s *stream) rejectMalformed(data []byte, cause error) {
	var probe struct {
		ID     json.RawMessage `json:"id"`
		Method string          `json:"method"`
	}
	code, id := jsonrpc2.ParseError, json.RawMessage("null")
	msg := "JSON-RPC parse error: " + cause.Error()
	if json.Unmarshal(data, &probe) == nil {
		code = jsonrpc2.InvalidRequest
		msg = fmt.Sprintf("invalid JSON-RPC request %q: %v", probe.Method, cause)
		if len(probe.ID) > 0 {
			id = probe.ID
		}
	}
	s.log.Error("malformed message from the client", "err", cause, "id", string(id))
	if string(id) == "null" && code == jsonrpc2.InvalidRequest && probe.Method != "" {
		return // a malformed notification: nobody waits for an answer
	}
	s.writeError(id, code, msg)
}

// writeError sends a JSON-RPC error answer to id.
func (s *stream) writeError(id json.RawMessage, code jsonrpc2.Code, msg string) {
	body, err := json.Marshal(map[string]any{
		"jsonrpc": "2.0",
		"id":      id,
		"error":   map[string]any{"code": code, "message": msg},
	})
	if err == nil {
		err = s.writeBody(body)
	}
	if err != nil {
		s.log.Error("answer a malformed message", "err", err)
	}
}

// noMethod reports a message with an id and no method, result or error:
// neither a request nor a response. jsonrpc2 would take it for an empty
// response and drop it, and its sender would wait for an answer.
func noMethod(data []byte) bool {
	var probe struct {
		ID     json.RawMessage `json:"id"`
		Method *string         `json:"method"`
		Result json.RawMessage `json:"result"`
		Error  json.RawMessage `json:"error"`
	}
	if json.Unmarshal(data, &probe) != nil {
		return false // DecodeMessage says what is wrong
	}
	return len(probe.ID) > 0 && string(probe.ID) != "null" && (probe.Method == nil || *probe.Method == "") && probe.Result == nil && probe.Error == nil
}

// Write sends msg whatever the state of ctx (see the type's comment).
func (s *stream) Write(_ context.Context, msg jsonrpc2.Message) (int64, error) {
	body, err := json.Marshal(msg)
	if err != nil {
		return 0, fmt.Errorf("marshal message: %w", err)
	}
	return int64(len(body)), s.writeBody(body)
}

func (s *stream) writeBody(body []byte) error {
	buf := make([]byte, 0, len(body)+32)
	buf = fmt.Appendf(buf, "Content-Length: %d\r\n\r\n", len(body))
	buf = append(buf, body...)
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.rwc.Write(buf); err != nil {
		return fmt.Errorf("write message: %w", err)
	}
	return nil
}

// Close closes the underlying connection.
func (s *stream) Close() error { return s.rwc.Close() }
