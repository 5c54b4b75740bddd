package integration

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// nvimScript runs in headless Neovim (0.7 API): it opens a file, starts
// `apivet lsp` as a client attached to the buffer, waits for apivet's
// diagnostics, asks for the code actions at one of them, applies the
// quick fix (which Neovim sends back as didChange), waits for the
// diagnostics to be republished, stops the server, and writes what it
// saw as JSON.
const nvimScript = `
local out = { diagnostics = {}, after = {}, actions = {} }
local function env(name) return os.getenv(name) end
local t0 = vim.loop.hrtime()
local function ms() return math.floor((vim.loop.hrtime() - t0) / 1e6) end
local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(env('NVIM_FILE')))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  local publishes = 0
  local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
    if result and result.uri == uri then publishes = publishes + 1 end
    return publish(e, result, ctx, config)
  end
  local exit_code = nil
  local client_id = vim.lsp.start_client({
    name = 'apivet',
    cmd = { env('APIVET_BIN'), 'lsp' },
    root_dir = env('NVIM_ROOT'),
    on_exit = function(code) exit_code = code end,
  })
  if not client_id then error('vim.lsp.start_client failed') end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local timeout = tonumber(env('NVIM_WAIT_MS'))
  if not vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) > 0 end, 50) then
    error('no diagnostics from apivet within ' .. timeout .. ' ms')
  end
  local function collect()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local lsp = (d.user_data or {}).lsp or {}
      table.insert(list, {
        lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
        severity = d.severity, message = d.message, source = d.source,
        code = d.code or lsp.code, href = (lsp.codeDescription or {}).href,
      })
    end
    return list
  end
  out.diagnostics = collect()
  out.first_ms = ms()

  local lnum, col = tonumber(env('FIX_LNUM')), tonumber(env('FIX_COL'))
  if lnum >= 0 then
    vim.api.nvim_win_set_cursor(0, { lnum + 1, col })
    local params = vim.lsp.util.make_range_params(0, 'utf-16')
    params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, lnum) }
    local results = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, timeout)
    local actions = (results and results[client_id] and results[client_id].result) or {}
    for _, a in ipairs(actions) do table.insert(out.actions, { title = a.title, kind = a.kind }) end
    if #actions > 0 then
      local before = publishes
      vim.lsp.util.apply_workspace_edit(actions[1].edit, 'utf-16')
      out.fixed_line = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1]
      local code = env('FIX_CODE')
      vim.wait(timeout, function()
        if publishes == before then return false end
        for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = lnum })) do
          if d.code == code then return false end
        end
        return true
      end, 50)
      out.after = collect()
      out.fixed_ms = ms()
    end
  end

  vim.lsp.stop_client(client_id)
  vim.wait(10000, function() return exit_code ~= nil end, 50)
  out.exit_code = exit_code
end)
out.ok = ok
if not ok then out.error = tostring(err) end
vim.fn.writefile({ vim.fn.json_encode(out) }, env('NVIM_OUT'))
vim.cmd('qa!')
`

type nvimDiagnostic struct {
	Lnum     int    `json:"lnum"`
	Col      int    `json:"col"`
	Severity int    `json:"severity"`
	Message  string `json:"message"`
	Source   string `json:"source"`
	Code     string `json:"code"`
	Href     string `json:"href"`
}

func TestNeovimLSP(t *testing.T) {
	integration(t)
	nvim := tool(t, "nvim", "Debian package neovim")
	apivet := apivetBinary(t)
	demo := demoCopy(t)
	want := runApivet(t, demo)
	if len(want) == 0 {
		t.Fatal("apivet finds nothing in testdata/demo")
	}
	// Open the file of the first finding that has a quick fix (or of the
	// first finding).
	target := want[0]
	for _, f := range want {
		if len(f.JSON.SuggestedFixes) > 0 {
			target = f
			break
		}
	}
	var wantHere []finding
	for _, f := range want {
		if f.File == target.File {
			wantHere = append(wantHere, f.finding)
		}
	}
	file := filepath.Join(demo, filepath.FromSlash(target.File))
	content, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}

	home := t.TempDir()
	script := filepath.Join(home, "apivet-test.lua")
	writeFile(t, script, nvimScript)
	outFile := filepath.Join(home, "out.json")
	fixLnum, fixCol := -1, 0
	if len(target.JSON.SuggestedFixes) > 0 {
		fixLnum, fixCol = target.Line-1, target.Col-1
	}
	env := []string{
		"APIVET_BIN=" + apivet, "NVIM_FILE=" + file, "NVIM_ROOT=" + demo, "NVIM_OUT=" + outFile,
		"NVIM_WAIT_MS=120000", "FIX_LNUM=" + strconv.Itoa(fixLnum), "FIX_COL=" + strconv.Itoa(fixCol), "FIX_CODE=" + target.Check,
		"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, "config"), "XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"XDG_STATE_HOME=" + filepath.Join(home, "state"), "XDG_CACHE_HOME=" + filepath.Join(home, "cache"),
		"GOMODCACHE=" + goEnv(t, "GOMODCACHE"), "GOCACHE=" + goEnv(t, "GOCACHE"),
	}
	start := time.Now()
	out, code := run(t, demo, env, 6*time.Minute, nvim, "--headless", "--clean", "-u", "NONE", "-c", "luafile "+script)
	t.Logf("headless Neovim session (open, diagnostics, code action, fix, re-analysis, shutdown): %v", time.Since(start).Round(time.Millisecond))
	data, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatalf("nvim wrote no result (exit %d): %v\n%s", code, err, out)
	}
	var res struct {
		OK          bool
		Error       string
		Diagnostics []nvimDiagnostic
		After       []nvimDiagnostic
		Actions     []struct{ Title, Kind string }
		FixedLine   *string `json:"fixed_line"`
		FirstMS     int     `json:"first_ms"`
		FixedMS     int     `json:"fixed_ms"`
		ExitCode    *int    `json:"exit_code"`
	}
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if !res.OK {
		t.Fatalf("the Neovim script failed: %s\n%s", res.Error, out)
	}

	fixedLine := "(no fix applied)"
	if res.FixedLine != nil {
		fixedLine = strconv.Quote(*res.FixedLine)
	}
	t.Logf("Neovim showed %d apivet diagnostics in %s; code actions %+v; line after the fix: %s; diagnostics after: %d",
		len(res.Diagnostics), target.File, res.Actions, fixedLine, len(res.After))
	t.Logf("in Neovim: first diagnostics %d ms after opening the file; fix applied and re-analyzed at %d ms", res.FirstMS, res.FixedMS)
	// The diagnostics Neovim shows are apivet's findings for the file.
	severities := map[string]int{"error": 1, "warning": 2, "note": 3}
	var got []finding
	for _, d := range res.Diagnostics {
		got = append(got, finding{Check: d.Code, File: target.File, Line: d.Lnum + 1, Col: d.Col + 1, Message: d.Message})
		if d.Source != "apivet" || d.Href != "https://github.com/apivet/apivet/blob/main/docs/checks.md#"+d.Code {
			t.Errorf("diagnostic %s: source %q, codeDescription %q", d.Code, d.Source, d.Href)
		}
	}
	sortFindings(got)
	if d := diff(got, wantHere); d != "" {
		t.Errorf("Neovim's diagnostics for %s differ from apivet's findings:%s", target.File, d)
	}
	for _, d := range res.Diagnostics {
		for _, f := range want {
			if f.File == target.File && f.Line == d.Lnum+1 && f.Col == d.Col+1 && f.Check == d.Code && severities[f.JSON.Severity] != d.Severity {
				t.Errorf("%s: Neovim severity %d, apivet severity %s", f, d.Severity, f.JSON.Severity)
			}
		}
	}

	if fixLnum >= 0 {
		// The quick fix Neovim applied is apivet's suggested fix.
		fix := target.JSON.SuggestedFixes[0]
		if len(res.Actions) == 0 || !strings.HasPrefix(res.Actions[0].Title, fix.Message) || res.Actions[0].Kind != "quickfix" {
			t.Errorf("code actions %+v, want the quick fix %q first", res.Actions, fix.Message)
		}
		fixed := []byte(string(content))
		for i := len(fix.Edits) - 1; i >= 0; i-- { // edits are in file order
			e := fix.Edits[i]
			if e.Filename != target.File {
				continue
			}
			fixed = append(fixed[:e.Start:e.Start], append([]byte(e.New), fixed[e.End:]...)...)
		}
		wantLine := strings.Split(string(fixed), "\n")[fixLnum]
		if res.FixedLine == nil || *res.FixedLine != wantLine {
			t.Errorf("after the quick fix Neovim's line %d is %s, want %q", fixLnum+1, fixedLine, wantLine)
		}
		// The server analyzed the unsaved edit and withdrew the finding.
		for _, d := range res.After {
			if d.Code == target.Check && d.Lnum == fixLnum {
				t.Errorf("after the quick fix, still: %d:%d %s: %s", d.Lnum+1, d.Col+1, d.Code, d.Message)
			}
		}
		if disk, _ := os.ReadFile(file); string(disk) != string(content) {
			t.Error("the file on disk changed: the fix was only applied in the buffer")
		}
	}
	if res.ExitCode == nil || *res.ExitCode != 0 {
		t.Errorf("apivet lsp exit code %v after shutdown/exit, want 0", res.ExitCode)
	}
}

func goEnv(t *testing.T, name string) string {
	t.Helper()
	out, code := run(t, root, nil, time.Minute, "go", "env", name)
	if code != 0 {
		t.Fatalf("go env %s: %s", name, out)
	}
	return strings.TrimSpace(out)
}
