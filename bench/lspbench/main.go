// Command lspbench drives `apivet lsp` as an editor does and times how long
// diagnostics take: it opens a file (cold: the server's first analysis),
// then edits and saves it several times (warm: each save's analysis, with
// the session the first one built) and waits each time for the file's
// publishDiagnostics of the new version. It prints one JSON line:
//
//	{"cold_ms": 812, "warm_ms": [143, 139, 150], "findings": 7}
//
// The save → diagnostics time includes the server's debounce after a save
// (100 ms). The edit appends a comment line, so the package's contents
// change and it is analyzed again; the file is restored at the end.
// With -dep, the cycles edit a file of a package the file imports and
// time until the file's diagnostics are published again (an older server
// that does not refresh importers never publishes them: -timeout).
// -diags writes the last diagnostics as "line:col: check: message" lines,
// to compare with `apivet ./...` (bench/lsp-bench.sh does).
//
//	go run ./bench/lspbench -server /tmp/apivet -file /path/to/handler.go
//	go run ./bench/lspbench -summary new.jsonl -vs before.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

type message struct {
	JSONRPC string           `json:"jsonrpc"`
	ID      *int             `json:"id,omitempty"`
	Method  string           `json:"method,omitempty"`
	Params  json.RawMessage  `json:"params,omitempty"`
	Result  json.RawMessage  `json:"result,omitempty"`
	Error   *json.RawMessage `json:"error,omitempty"`
}

type diagnostics struct {
	URI         string `json:"uri"`
	Version     *int   `json:"version"`
	Diagnostics []struct {
		Range struct {
			Start struct{ Line, Character int } `json:"start"`
		} `json:"range"`
		Severity int    `json:"severity"`
		Code     string `json:"code"`
		Message  string `json:"message"`
	} `json:"diagnostics"`
}

func main() {
	server := flag.String("server", "apivet", "the apivet executable")
	file := flag.String("file", "", "the Go file to open and edit")
	saves := flag.Int("n", 5, "number of edit+save cycles")
	diagsOut := flag.String("diags", "", "write the last diagnostics to this file")
	dep := flag.String("dep", "", "a file of a package the -file's imports: open it too, edit and save it, and time until -file's diagnostics are published again")
	timeout := flag.Duration("timeout", 10*time.Minute, "longest wait for one publication")
	summary := flag.String("summary", "", "summarize the runs in this file (lspbench's output lines) instead")
	vs := flag.String("vs", "", "with -summary: runs interleaved with them, of the baseline")
	flag.Parse()
	if *summary != "" {
		if err := summarize(*summary, *vs); err != nil {
			log.Fatal(err)
		}
		return
	}
	if *file == "" {
		log.Fatal("-file is required")
	}
	name, err := filepath.Abs(*file)
	if err != nil {
		log.Fatal(err)
	}
	orig, err := os.ReadFile(name)
	if err != nil {
		log.Fatal(err)
	}
	defer os.WriteFile(name, orig, 0o644)

	cmd := exec.Command(*server, "lsp")
	cmd.Dir = filepath.Dir(name)
	cmd.Stderr = io.Discard
	if os.Getenv("LSPBENCH_STDERR") != "" {
		cmd.Stderr = os.Stderr
	}
	in, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		log.Fatal(err)
	}
	defer cmd.Process.Kill()
	c := &client{w: in, r: bufio.NewReader(out), timeout: *timeout}
	c.request(1, "initialize", map[string]any{"processId": os.Getpid(), "rootUri": uriOf(filepath.Dir(name)), "capabilities": map[string]any{}})
	c.notify("initialized", map[string]any{})

	u := uriOf(name)
	start := time.Now()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": u, "languageId": "go", "version": 1, "text": string(orig)}})
	last := c.wait(u, 1)
	cold := time.Since(start)

	if *dep != "" {
		warm := depEdits(c, *dep, u, *saves)
		res, _ := json.Marshal(map[string]any{"cold_ms": ms(cold), "warm_ms": warm, "findings": len(last.Diagnostics)})
		fmt.Println(string(res))
		return
	}
	var warm []float64
	text := orig
	for i := 0; i < *saves; i++ {
		v := i + 2
		text = append(append([]byte{}, text...), []byte(fmt.Sprintf("\n// lspbench edit %d\n", i))...)
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": u, "version": v},
			"contentChanges": []map[string]any{{"text": string(text)}},
		})
		if err := os.WriteFile(name, text, 0o644); err != nil {
			log.Fatal(err)
		}
		start := time.Now()
		c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": u}})
		last = c.wait(u, v)
		warm = append(warm, ms(time.Since(start)))
	}
	if *diagsOut != "" {
		var lines []string
		for _, d := range last.Diagnostics {
			if d.Severity <= 2 { // errors and warnings, as apivet's default threshold
				lines = append(lines, fmt.Sprintf("%d:%d: %s: %s", d.Range.Start.Line+1, d.Range.Start.Character+1, d.Code, d.Message))
			}
		}
		sort.Strings(lines)
		text := ""
		for _, l := range lines {
			text += l + "\n"
		}
		os.WriteFile(*diagsOut, []byte(text), 0o644)
	}
	res, _ := json.Marshal(map[string]any{"cold_ms": ms(cold), "warm_ms": warm, "findings": len(last.Diagnostics)})
	fmt.Println(string(res))
	c.request(2, "shutdown", nil)
	c.notify("exit", nil)
	cmd.Wait()
}

// depEdits opens dep, then edits and saves it n times, timing each save
// until the importer's file (uri, open, unchanged) is published again.
func depEdits(c *client, dep, uri string, n int) []float64 {
	name, err := filepath.Abs(dep)
	if err != nil {
		log.Fatal(err)
	}
	orig, err := os.ReadFile(name)
	if err != nil {
		log.Fatal(err)
	}
	defer os.WriteFile(name, orig, 0o644)
	du := uriOf(name)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": du, "languageId": "go", "version": 1, "text": string(orig)}})
	c.wait(du, 1)
	var out []float64
	text := orig
	for i := 0; i < n; i++ {
		v := i + 2
		text = append(append([]byte{}, text...), []byte(fmt.Sprintf("\n// lspbench edit %d\n", i))...)
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": du, "version": v},
			"contentChanges": []map[string]any{{"text": string(text)}},
		})
		if err := os.WriteFile(name, text, 0o644); err != nil {
			log.Fatal(err)
		}
		start := time.Now()
		c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": du}})
		c.wait(uri, 1)
		out = append(out, ms(time.Since(start)))
	}
	return out
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func uriOf(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

type client struct {
	w       io.Writer
	r       *bufio.Reader
	timeout time.Duration
}

func (c *client) send(m message) {
	m.JSONRPC = "2.0"
	data, _ := json.Marshal(m)
	if _, err := fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n%s", len(data), data); err != nil {
		log.Fatal(err)
	}
}

func (c *client) notify(method string, params any) {
	data, _ := json.Marshal(params)
	c.send(message{Method: method, Params: data})
}

func (c *client) request(id int, method string, params any) {
	data, _ := json.Marshal(params)
	c.send(message{ID: &id, Method: method, Params: data})
	for {
		m := c.read()
		if m.Method == "" && m.ID != nil && *m.ID == id {
			return
		}
	}
}

// wait reads messages until the diagnostics of uri for version arrive.
func (c *client) wait(uri string, version int) diagnostics {
	deadline := time.AfterFunc(c.timeout, func() { log.Fatalf("no diagnostics for %s version %d in %v", uri, version, c.timeout) })
	defer deadline.Stop()
	for {
		m := c.read()
		if m.Method != "textDocument/publishDiagnostics" {
			continue
		}
		var d diagnostics
		if err := json.Unmarshal(m.Params, &d); err != nil {
			log.Fatal(err)
		}
		if d.URI == uri && d.Version != nil && *d.Version == version {
			return d
		}
	}
}

func (c *client) read() message {
	length := -1
	for {
		line, err := c.r.ReadString('\n')
		if err != nil {
			log.Fatalf("server output: %v", err)
		}
		line = strings.TrimSpace(line)
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length:"); ok {
			length, _ = strconv.Atoi(strings.TrimSpace(v))
		}
	}
	buf := make([]byte, length)
	if _, err := io.ReadFull(c.r, buf); err != nil {
		log.Fatal(err)
	}
	var m message
	if err := json.Unmarshal(buf, &m); err != nil {
		log.Fatal(err)
	}
	return m
}
