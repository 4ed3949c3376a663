-- Driven by ghost_test.go: nvim --headless --clean -u ghost.lua FILE.
-- Types into the C file through the typeahead (as a user would, so that
-- InsertCharPre, CursorMovedI and the plugin's insert-mode keys run),
-- reads the ghost-text extmarks, cycles, accepts with the accept key, and
-- writes what it saw to $SC_OUT as JSON. Steps run one after the other
-- from timers, so that Neovim reads the keys between them.

local result = { notes = {} }
local ns = vim.api.nvim_create_namespace('securecomplete.ghost')

local function finish()
  local f = assert(io.open(os.getenv('SC_OUT'), 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

vim.notify = function(msg)
  table.insert(result.notes, msg)
end

vim.opt.runtimepath:prepend(os.getenv('SC_PLUGIN'))
local sc = require('securecomplete')
local ghost = require('securecomplete.ghost')
sc.setup({ cmd = { 'sh', '-c', 'exec "$SC_BIN" --log-level debug lsp 2>>"$SC_LOG"' } })

local bufnr

-- marks returns the ghost text extmarks: the virt_text and virt_lines texts.
local function marks()
  local out = {}
  for _, m in ipairs(vim.api.nvim_buf_get_extmarks(bufnr, ns, 0, -1, { details = true })) do
    local d = m[4]
    local e = { row = m[2], col = m[3], text = '', lines = {} }
    for _, chunk in ipairs(d.virt_text or {}) do
      e.text = e.text .. chunk[1]
      e.hl = chunk[2]
    end
    for _, l in ipairs(d.virt_lines or {}) do
      local s = ''
      for _, chunk in ipairs(l) do
        s = s .. chunk[1]
      end
      table.insert(e.lines, s)
    end
    table.insert(out, e)
  end
  return out
end

local function keys(k)
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(k, true, false, true), 't', false)
end

-- wait polls cond every 20 ms, then runs next (with false on timeout).
local function wait(cond, ms, next)
  local deadline = vim.loop.now() + ms
  local function tick()
    local ok, v = pcall(cond)
    if ok and v then
      next(true)
    elseif vim.loop.now() > deadline then
      next(false)
    else
      vim.defer_fn(tick, 20)
    end
  end
  tick()
end

local function guard(f)
  return function(...)
    local ok, e = pcall(f, ...)
    if not ok then
      result.lua_error = tostring(e)
      finish()
    end
  end
end

local line = tonumber(os.getenv('SC_LINE')) -- 1-based

local steps
steps = {
  function()
    bufnr = vim.api.nvim_get_current_buf()
    wait(function()
      local c = sc.client(bufnr)
      return c ~= nil and c.initialized == true
    end, 20000, guard(function(ok)
      result.initialized = ok
      if not ok then
        return finish()
      end
      result.statusline = sc.statusline()
      vim.api.nvim_win_set_cursor(0, { line, 0 })
      keys('A' .. os.getenv('SC_FIRST'))
      steps[2]()
    end))
  end,
  function()
    wait(function()
      return #marks() > 0
    end, 20000, guard(function(ok)
      result.first = { shown = ok, marks = marks(), visible = ghost.visible(), requests = ghost.stats.requests }
      keys(os.getenv('SC_REST'))
      vim.defer_fn(guard(steps[3]), 500)
    end))
  end,
  function()
    result.typed = { marks = marks(), visible = ghost.visible(), requests = ghost.stats.requests, typed_through = ghost.stats.typed_through,
      line = vim.api.nvim_buf_get_lines(bufnr, line - 1, line, false)[1] }
    keys('<M-]>')
    vim.defer_fn(guard(function()
      result.cycled = { marks = marks(), visible = ghost.visible() }
      keys('<M-[>')
      vim.defer_fn(guard(steps[4]), 100)
    end), 100)
  end,
  function()
    result.back = ghost.visible()
    keys('<M-l>')
    wait(function()
      return ghost.visible() == nil and vim.api.nvim_buf_get_lines(bufnr, line - 1, line, false)[1] ~= result.typed.line
    end, 5000, guard(function()
      result.accepted = { buffer = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), marks = marks(), cursor = vim.api.nvim_win_get_cursor(0) }
      keys('<Esc>')
      vim.defer_fn(guard(steps[5]), 300)
    end))
  end,
  function()
    result.mode = vim.api.nvim_get_mode().mode
    result.model_names = vim.fn.getcompletion('SecureCompleteModel ', 'cmdline')
    -- Switch to the second configured model; the next request goes to it.
    vim.cmd('SecureCompleteModel ' .. (result.model_names[2] or 'x'))
    vim.defer_fn(guard(steps[6]), 300)
  end,
  function()
    local params = vim.lsp.util.make_position_params(0, 'utf-16')
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, 10000)
    result.after_switch = {}
    for _, resp in pairs(responses or {}) do
      local items = resp.result and (resp.result.items or resp.result) or {}
      for _, it in ipairs(items) do
        table.insert(result.after_switch, it.detail or '')
      end
    end
    vim.cmd('SecureCompleteAB')
    vim.cmd('SecureCompleteStatus')
    vim.defer_fn(guard(finish), 300)
  end,
}

vim.api.nvim_create_autocmd('VimEnter', {
  callback = guard(function()
    steps[1]()
  end),
})
