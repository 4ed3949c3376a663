-- Driven by nvim_test.go: nvim --headless --clean -u complete.lua FILE.
-- Loads the plugin from $SC_PLUGIN with the server binary $SC_BIN, waits
-- for the server, asks for completion at $SC_LINE:$SC_CHARACTER (LSP
-- position, UTF-16) through the built-in client, then completes through
-- the plugin (first candidate, inserted and accepted) with the cursor on
-- the last character of that line, waits for the diagnostic of the
-- accepted code, and writes what it saw to $SC_OUT as JSON.

local result = {}

local function finish()
  local f = assert(io.open(os.getenv('SC_OUT'), 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

vim.lsp.set_log_level('debug')
vim.opt.runtimepath:prepend(os.getenv('SC_PLUGIN'))
local sc = require('securecomplete')
sc.setup({ cmd = { os.getenv('SC_BIN'), 'lsp', '--log-level', 'debug' } })

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype
  result.initialized = vim.wait(20000, function()
    local c = sc.client(bufnr)
    return c ~= nil and c.initialized == true
  end, 20)
  if not result.initialized then
    return
  end
  result.root_dir = sc.client(bufnr).config.root_dir

  local line, character = tonumber(os.getenv('SC_LINE')), tonumber(os.getenv('SC_CHARACTER'))
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = line, character = character },
  }
  local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, 20000)
  result.request_error = err
  for _, resp in pairs(responses or {}) do
    result.error = resp.err and resp.err.message or vim.NIL
    result.items = resp.result and (resp.result.items or resp.result) or {}
  end

  -- The plugin's path, as :SecureComplete runs it, in normal mode with
  -- the cursor on the last character of the line.
  local text = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1]
  vim.api.nvim_win_set_cursor(0, { line + 1, #text - 1 })
  local done = false
  sc.complete({
    select = function(items, _, on_choice)
      on_choice(items[1])
    end,
    on_done = function(e)
      result.accept_error = e and (e.message or tostring(e)) or vim.NIL
      done = true
    end,
  })
  result.completed = vim.wait(20000, function()
    return done
  end, 20)
  result.buffer = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  result.cursor = vim.api.nvim_win_get_cursor(0)

  -- The accepted code is checked in the background: its finding arrives
  -- as a diagnostic of the buffer.
  result.diagnostics = {}
  vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if type(d.code) == 'string' and d.code:match('^CWE%-') then
        return true
      end
    end
    return false
  end, 50)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, { code = d.code or vim.NIL, source = d.source or vim.NIL, lnum = d.lnum, message = d.message })
  end
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local ok, e = pcall(run)
    if not ok then
      result.lua_error = tostring(e)
    end
    finish()
  end,
})
