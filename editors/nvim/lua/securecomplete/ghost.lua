-- Ghost text for Neovim 0.7 to 0.11: as you type in insert mode, asks the
-- server's textDocument/inlineCompletion (after a debounce) and draws the
-- first candidate after the cursor with extmarks (virt_text on the cursor
-- line, virt_lines below), dimmed. Typing the candidate's next characters
-- keeps it shown without a new request. Keys (insert mode, configurable in
-- setup's `ghost` table): accept <M-l>, next <M-]>, previous <M-[>,
-- dismiss <C-]>. Accepting inserts the candidate and runs its accept
-- command, so the server records it.

local M = {}

local ns = vim.api.nvim_create_namespace('securecomplete.ghost')

M.defaults = {
  enabled = true,
  debounce = 75, -- ms after the last keystroke before asking
  hl = 'SecureCompleteGhost',
  keys = { accept = '<M-l>', next = '<M-]>', prev = '<M-[>', dismiss = '<C-]>' },
}

-- state[bufnr] = {
--   items = { {text=..., command=...}, ... }, index = 1,
--   row = 0-based line, col = byte column where the ghost text starts,
--   typed = bytes typed through since the answer, pending = request id
-- }
local state = {}
local timers = {}
-- Counts for tests and :SecureCompleteStatus: requests sent, answers
-- shown, characters typed through without a request.
M.stats = { requests = 0, shown = 0, typed_through = 0 }

local function has(v)
  return vim.fn.has('nvim-' .. v) == 1
end

local function utf16_col(line, col)
  if has('0.11') then
    return vim.str_utfindex(line, 'utf-16', col, false)
  end
  local _, u16 = vim.str_utfindex(line, col)
  return u16
end

local function byte_col(line, u16)
  if has('0.11') then
    return vim.str_byteindex(line, 'utf-16', u16, false)
  end
  return vim.str_byteindex(line, u16, true)
end

local function request(client, method, params, handler, bufnr)
  if has('0.11') then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

local function cancel(client, id)
  if not id then
    return
  end
  if has('0.11') then
    client:cancel_request(id)
  else
    client.cancel_request(id)
  end
end

-- current returns the shown candidate's remaining text (after what was
-- typed through), or nil.
local function current(bufnr)
  local s = state[bufnr]
  if not s or not s.items[s.index] then
    return nil
  end
  return s.items[s.index].text:sub(#s.typed + 1), s
end

local function clear_marks(bufnr)
  if vim.api.nvim_buf_is_valid(bufnr) then
    vim.api.nvim_buf_clear_namespace(bufnr, ns, 0, -1)
  end
end

-- draw shows the current candidate at the cursor: its first line as
-- virt_text (overlaid at the end of the line, after the line's text when
-- text follows the cursor; inline on 0.10+), the rest as virt_lines.
local function draw(bufnr)
  clear_marks(bufnr)
  local text, s = current(bufnr)
  if not text or text == '' then
    return
  end
  local lines = vim.split(text, '\n', { plain = true })
  local line = vim.api.nvim_buf_get_lines(bufnr, s.row, s.row + 1, false)[1] or ''
  local col = math.min(s.col + #s.typed, #line)
  local opts = { virt_text = { { lines[1], M.config.hl } }, hl_mode = 'combine' }
  if has('0.10') then
    opts.virt_text_pos = 'inline'
  elseif col >= #line then
    opts.virt_text_pos = 'overlay'
  else
    opts.virt_text_pos = 'eol'
  end
  if #lines > 1 then
    opts.virt_lines = {}
    for i = 2, #lines do
      table.insert(opts.virt_lines, { { lines[i], M.config.hl } })
    end
  end
  vim.api.nvim_buf_set_extmark(bufnr, ns, s.row, col, opts)
end

-- dismiss hides the ghost text and forgets the candidates.
function M.dismiss(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local s = state[bufnr]
  if s and s.pending and s.client then
    cancel(s.client, s.pending)
  end
  state[bufnr] = nil
  clear_marks(bufnr)
end

-- visible returns the text shown as ghost text in bufnr, or nil.
function M.visible(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local text = current(bufnr)
  if text and text ~= '' then
    return text
  end
  return nil
end

-- ask sends textDocument/inlineCompletion at the cursor.
function M.ask(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = require('securecomplete').client(bufnr)
  if not client or vim.api.nvim_get_current_buf() ~= bufnr then
    return
  end
  M.dismiss(bufnr)
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  row = row - 1
  local line = vim.api.nvim_buf_get_lines(bufnr, row, row + 1, false)[1] or ''
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = row, character = utf16_col(line, col) },
    context = { triggerKind = 2 },
  }
  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  local s = { items = {}, index = 1, row = row, col = col, typed = '', client = client }
  state[bufnr] = s
  M.stats.requests = M.stats.requests + 1
  local ok, id = request(client, 'textDocument/inlineCompletion', params, function(err, result)
    if state[bufnr] ~= s then
      return -- superseded
    end
    s.pending = nil
    if err or not result then
      return
    end
    if vim.api.nvim_buf_get_changedtick(bufnr) ~= tick or vim.api.nvim_get_mode().mode:sub(1, 1) ~= 'i' then
      return -- the buffer moved on while the model thought
    end
    for _, item in ipairs(result.items or result) do
      local text = type(item.insertText) == 'table' and item.insertText.value or item.insertText
      -- An item whose range starts before the cursor repeats the text
      -- there: show only what follows the cursor.
      if item.range and item.range.start.line == row then
        local start = byte_col(line, item.range.start.character)
        local before = line:sub(start + 1, col)
        if start < col and text:sub(1, #before) == before then
          text = text:sub(#before + 1)
        end
      end
      if text ~= '' then
        table.insert(s.items, { text = text, command = item.command })
      end
    end
    if #s.items > 0 then
      M.stats.shown = M.stats.shown + 1
      draw(bufnr)
    end
  end, bufnr)
  if ok then
    s.pending = id
  end
end

local function schedule(bufnr)
  local t = timers[bufnr]
  if t then
    t:stop()
  else
    t = vim.loop.new_timer()
    timers[bufnr] = t
  end
  t:start(M.config.debounce, 0, vim.schedule_wrap(function()
    if vim.api.nvim_buf_is_valid(bufnr) and vim.api.nvim_get_mode().mode:sub(1, 1) == 'i' then
      M.ask(bufnr)
    end
  end))
end

-- on_char (InsertCharPre): a character that continues the shown candidate
-- is typed through; any other hides it.
local function on_char(bufnr)
  local text, s = current(bufnr)
  local ch = vim.v.char
  if text and ch ~= '' and text:sub(1, #ch) == ch then
    s.typed = s.typed .. ch
    s.through = true
    M.stats.typed_through = M.stats.typed_through + 1
    return
  end
  if s then
    M.dismiss(bufnr)
  end
end

-- on_moved (CursorMovedI): redraw a typed-through candidate; ask again
-- elsewhere, after the debounce.
local function on_moved(bufnr)
  local text, s = current(bufnr)
  if s and not s.pending then
    local row, col = unpack(vim.api.nvim_win_get_cursor(0))
    if row - 1 == s.row and col == s.col + #s.typed and text ~= '' then
      if s.through then
        s.through = false
        draw(bufnr)
      end
      return
    end
  end
  schedule(bufnr)
end

-- cycle shows the next (step 1) or previous (-1) candidate.
function M.cycle(step, bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local s = state[bufnr]
  if not s or #s.items == 0 then
    return false
  end
  -- only candidates that agree with what was typed through
  for _ = 1, #s.items do
    s.index = (s.index - 1 + step) % #s.items + 1
    if s.items[s.index].text:sub(1, #s.typed) == s.typed then
      break
    end
  end
  draw(bufnr)
  return true
end

-- accept inserts the shown candidate at the cursor, moves the cursor
-- after it and runs its accept command. It returns false when nothing is
-- shown.
function M.accept(bufnr, on_done)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local text, s = current(bufnr)
  if not text or text == '' then
    return false
  end
  local item = s.items[s.index]
  local client = s.client
  M.dismiss(bufnr)
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  local lines = vim.split(text, '\n', { plain = true })
  vim.api.nvim_buf_set_text(bufnr, row - 1, col, row - 1, col, lines)
  local last = row - 1 + #lines - 1
  local endcol = #lines == 1 and col + #lines[1] or #lines[#lines]
  vim.api.nvim_win_set_cursor(0, { last + 1, endcol })
  if item.command and client then
    request(client, 'workspace/executeCommand', {
      command = item.command.command,
      arguments = item.command.arguments,
    }, function(err)
      if err then
        vim.notify('securecomplete: accept: ' .. (err.message or tostring(err)), vim.log.levels.WARN)
      end
      if on_done then
        on_done(err)
      end
    end, bufnr)
  elseif on_done then
    on_done(nil)
  end
  return true
end

local function feed(key)
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(key, true, false, true), 'n', false)
end

local mapped = false

-- setup_keys maps the keys once, in insert mode; without ghost text each
-- key does what it did before.
local function setup_keys()
  if mapped then
    return
  end
  mapped = true
  local k = M.config.keys
  local function map(key, fn)
    if key and key ~= '' then
      vim.keymap.set('i', key, function()
        if not fn() then
          feed(key)
        end
      end, { desc = 'securecomplete ghost text' })
    end
  end
  map(k.accept, function()
    return M.accept()
  end)
  map(k.next, function()
    return M.cycle(1)
  end)
  map(k.prev, function()
    return M.cycle(-1)
  end)
  map(k.dismiss, function()
    if M.visible() then
      M.dismiss()
      return true
    end
    return false
  end)
end

-- builtin says whether Neovim's own inline completion (0.12+) is used.
function M.builtin()
  return vim.lsp.inline_completion ~= nil and vim.lsp.inline_completion.enable ~= nil
end

-- attach turns ghost text on in bufnr.
function M.attach(bufnr, client_id)
  if not M.config.enabled then
    return
  end
  if M.builtin() then
    vim.lsp.inline_completion.enable(true, { bufnr = bufnr, client_id = client_id })
    if not mapped then
      mapped = true
      vim.keymap.set('i', M.config.keys.accept, function()
        if not vim.lsp.inline_completion.get() then
          feed(M.config.keys.accept)
        end
      end, { desc = 'securecomplete: accept the inline completion' })
      vim.keymap.set('i', M.config.keys.next, function()
        vim.lsp.inline_completion.select({ count = 1 })
      end)
      vim.keymap.set('i', M.config.keys.prev, function()
        vim.lsp.inline_completion.select({ count = -1 })
      end)
    end
    return
  end
  setup_keys()
  local group = vim.api.nvim_create_augroup('securecomplete.ghost.' .. bufnr, { clear = true })
  vim.api.nvim_create_autocmd('InsertCharPre', {
    group = group,
    buffer = bufnr,
    callback = function()
      on_char(bufnr)
    end,
  })
  vim.api.nvim_create_autocmd('CursorMovedI', {
    group = group,
    buffer = bufnr,
    callback = function()
      on_moved(bufnr)
    end,
  })
  vim.api.nvim_create_autocmd({ 'InsertLeave', 'BufLeave' }, {
    group = group,
    buffer = bufnr,
    callback = function()
      M.dismiss(bufnr)
    end,
  })
  vim.api.nvim_create_autocmd('BufWipeout', {
    group = group,
    buffer = bufnr,
    callback = function()
      state[bufnr] = nil
      if timers[bufnr] then
        timers[bufnr]:close()
        timers[bufnr] = nil
      end
    end,
  })
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend('force', vim.deepcopy(M.defaults), opts or {})
  vim.api.nvim_set_hl(0, M.config.hl, { link = 'Comment', default = true })
end

M.config = vim.deepcopy(M.defaults)

return M
