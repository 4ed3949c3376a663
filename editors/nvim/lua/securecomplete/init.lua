-- securecomplete for Neovim: starts `securecomplete lsp` for C and C++
-- buffers, one server per workspace root, and offers :SecureComplete,
-- which asks the server, lets you pick a candidate, inserts it and tells
-- the server it was accepted.
--
-- Works on Neovim 0.7 (Debian 12), which has vim.lsp.start_client and
-- vim.lsp.buf_attach_client but no vim.lsp.start, and on later versions,
-- where vim.lsp.start is used.
--
--   require('securecomplete').setup({
--     cmd = { 'securecomplete', 'lsp' },      -- the server command
--     init_options = { completion = { model = 'gptj-ft' } },  -- securecomplete.toml keys
--   })

local M = {}

local defaults = {
  cmd = { 'securecomplete', 'lsp' },
  filetypes = { 'c', 'cpp' },
  -- The first of these found above the file marks the workspace root,
  -- whose securecomplete.toml the server reads.
  root_markers = { 'securecomplete.toml', '.git', 'compile_commands.json' },
  -- initializationOptions: the keys of securecomplete.toml, as a table.
  init_options = nil,
  -- Sent with workspace/didChangeConfiguration (same keys).
  settings = nil,
  -- Set 'omnifunc' to the LSP omnifunc in attached buffers (<C-x><C-o>).
  omnifunc = true,
  -- Ghost text (see ghost.lua): { enabled, debounce, hl, keys = { accept,
  -- next, prev, dismiss } }; false turns it off.
  ghost = {},
  -- A server that exits on its own (a crash) is started again after
  -- base_ms, then twice as long each time; after max exits within five
  -- minutes it is left stopped, with one message.
  restart = { base_ms = 1000, max = 5 },
}

M.config = vim.deepcopy(defaults)

local name = 'securecomplete'
local clients = {} -- root -> client id, for Neovim 0.7
local crashes = {} -- root -> times (ms) the server exited unasked, the last five minutes
local stopping = false -- Neovim is quitting: exits are expected

local text = require('securecomplete.text')
local has = text.has

local function notify(msg, level)
  vim.notify('securecomplete: ' .. msg, level or vim.log.levels.INFO)
end

-- find_root returns the folder holding the nearest root marker above the
-- buffer's file, else the file's folder.
local function find_root(bufnr)
  local file = vim.api.nvim_buf_get_name(bufnr)
  local dir = file ~= '' and vim.fn.fnamemodify(file, ':p:h') or vim.fn.getcwd()
  for _, marker in ipairs(M.config.root_markers) do
    local found = vim.fn.findfile(marker, dir .. ';')
    if found ~= '' then
      return vim.fn.fnamemodify(found, ':p:h')
    end
    found = vim.fn.finddir(marker, dir .. ';')
    if found ~= '' then
      return vim.fn.fnamemodify(found, ':p:h:h') -- ':p' ends a folder with '/'
    end
  end
  return dir
end

-- client returns the securecomplete client attached to bufnr, if any.
function M.client(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr, name = name })[1]
  end
  for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if c.name == name then
      return c
    end
  end
  return nil
end

-- attach starts the server for the buffer's workspace root (or reuses
-- the running one) and attaches the buffer to it. It returns the client id.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.fn.executable(M.config.cmd[1]) ~= 1 then
    notify(M.config.cmd[1] .. ' is not an executable: install securecomplete or set cmd in setup()', vim.log.levels.ERROR)
    return nil
  end
  local root = find_root(bufnr)
  local config = {
    name = name,
    cmd = M.config.cmd,
    root_dir = root,
    init_options = M.config.init_options,
    settings = M.config.settings,
    handlers = {
      ['securecomplete/status'] = function(_, params)
        M.last_status = params
        vim.cmd('redrawstatus')
      end,
    },
  }
  config.on_exit = function(code, signal)
    if (code == 0 and signal == 0) or stopping then
      return -- asked to stop (shutdown and exit), or Neovim is quitting
    end
    vim.schedule(function()
      M.restart_after_crash(root, code, signal)
    end)
  end
  local id
  if vim.lsp.start then
    id = vim.lsp.start(config, { bufnr = bufnr })
  else
    id = clients[root]
    if id == nil or vim.lsp.get_client_by_id(id) == nil then
      id = vim.lsp.start_client(config)
      clients[root] = id
    end
    if id then
      vim.lsp.buf_attach_client(bufnr, id)
    end
  end
  if id and M.config.omnifunc then
    vim.bo[bufnr].omnifunc = 'v:lua.vim.lsp.omnifunc'
  end
  if id and M.config.ghost ~= false then
    require('securecomplete.ghost').attach(bufnr, id)
  end
  return id
end

-- restart_after_crash starts the server of root again after a crash,
-- with backoff, and reattaches that root's C/C++ buffers; past the limit
-- it says once that it gave up.
function M.restart_after_crash(root, code, signal)
  local now = vim.loop.now()
  local recent = {}
  for _, t in ipairs(crashes[root] or {}) do
    if now - t < 300000 then
      table.insert(recent, t)
    end
  end
  table.insert(recent, now)
  crashes[root] = recent
  clients[root] = nil
  local how = signal ~= 0 and ('signal ' .. signal) or ('status ' .. code)
  local opts = M.config.restart
  if opts == false or #recent > ((opts or {}).max or 5) then
    notify(string.format('the server exited (%s) %d times in 5 minutes and is not started again; reopen the file (:e) once it is fixed', how, #recent), vim.log.levels.ERROR)
    return
  end
  local wait = ((opts or {}).base_ms or 1000) * 2 ^ (#recent - 1)
  local after = wait < 1000 and string.format('%d ms', wait) or string.format('%g s', wait / 1000)
  notify(string.format('the server exited (%s); starting it again in %s', how, after), vim.log.levels.WARN)
  vim.defer_fn(function()
    if stopping then
      return
    end
    for _, buf in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) and find_root(buf) == root then
        M.attach(buf)
      end
    end
  end, wait)
end

local function request(client, method, params, handler, bufnr)
  if has('0.11') then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

local utf16_col, byte_col = text.utf16_col, text.byte_col

-- cursor_position is where a completion goes: the cursor in insert mode,
-- after the character under the cursor otherwise (as `a` appends).
local function cursor_position(bufnr)
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  local line = vim.api.nvim_buf_get_lines(bufnr, row - 1, row, false)[1] or ''
  local mode = vim.api.nvim_get_mode().mode
  if mode:sub(1, 1) ~= 'i' and col < #line then
    local b = line:byte(col + 1)
    col = col + ((b >= 0xF0 and 4) or (b >= 0xE0 and 3) or (b >= 0xC0 and 2) or 1)
  end
  return { line = row - 1, character = utf16_col(line, math.min(col, #line)) }
end

-- complete asks the server for candidates at the cursor, lets the user
-- choose one (vim.ui.select), inserts it and runs its accept command.
-- opts.select replaces vim.ui.select; opts.on_done(err) is called at the
-- end.
function M.complete(opts)
  opts = opts or {}
  local done = opts.on_done or function(err)
    if err then
      notify(err.message or tostring(err), vim.log.levels.ERROR)
    end
  end
  local bufnr = vim.api.nvim_get_current_buf()
  local client = M.client(bufnr)
  if not client then
    done({ message = 'no securecomplete server is attached to this buffer' })
    return
  end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = cursor_position(bufnr),
  }
  request(client, 'textDocument/completion', params, function(err, result)
    if err then
      done(err)
      return
    end
    local items = result and (result.items or result) or {}
    if #items == 0 then
      notify('no completion here')
      done(nil)
      return
    end
    local select = opts.select or vim.ui.select
    select(items, {
      prompt = 'securecomplete',
      format_item = function(item)
        return item.label
      end,
    }, function(item)
      if not item then
        done(nil)
        return
      end
      local edit = item.textEdit
      vim.lsp.util.apply_text_edits({ edit }, bufnr, 'utf-16')
      local lines = vim.split(edit.newText, '\n', { plain = true })
      local row = edit.range.start.line + #lines - 1
      local col = #lines[#lines]
      if #lines == 1 then
        local line = vim.api.nvim_buf_get_lines(bufnr, row, row + 1, false)[1] or ''
        col = byte_col(line, edit.range.start.character) + col
      end
      vim.api.nvim_win_set_cursor(0, { row + 1, col })
      if item.command then
        request(client, 'workspace/executeCommand', {
          command = item.command.command,
          arguments = item.command.arguments,
        }, function(cerr)
          done(cerr)
        end, bufnr)
      else
        done(nil)
      end
    end)
  end, bufnr)
end

-- server_has says whether the attached server runs the command.
local function server_has(client, command)
  local caps = client and client.server_capabilities or {}
  local p = caps.executeCommandProvider
  return p ~= nil and vim.tbl_contains(p.commands or {}, command)
end

-- run_command runs a server command of the security loop or A/B mode, or
-- says it is not available from this server. on_result(result) gets the
-- answer.
function M.run_command(command, args, on_result)
  local bufnr = vim.api.nvim_get_current_buf()
  local client = M.client(bufnr)
  if not client then
    notify('no securecomplete server is attached to this buffer', vim.log.levels.WARN)
    return false
  end
  if not server_has(client, command) then
    notify(command .. ' is not available from this server (update the securecomplete binary)', vim.log.levels.WARN)
    return false
  end
  request(client, 'workspace/executeCommand', { command = command, arguments = args }, function(err, result)
    if err then
      notify(command .. ': ' .. (err.message or tostring(err)), vim.log.levels.ERROR)
    elseif on_result then
      on_result(result)
    end
  end, bufnr)
  return true
end

-- model_names lists the configured models: setup's init_options and the
-- workspace's securecomplete.toml.
function M.model_names()
  local names, seen = {}, {}
  local function add(n)
    if n and not seen[n] then
      seen[n] = true
      table.insert(names, n)
    end
  end
  local opts = M.config.init_options or {}
  for _, m in ipairs(opts.models or {}) do
    add(m.name)
  end
  local toml = find_root(vim.api.nvim_get_current_buf()) .. '/securecomplete.toml'
  if vim.fn.filereadable(toml) == 1 then
    for _, l in ipairs(vim.fn.readfile(toml)) do
      add(l:match('^%s*name%s*=%s*"([^"]+)"'))
    end
  end
  return names
end

-- configured_model is [completion] model from the setup or the workspace
-- file, for the status line before the server sends its status.
local function configured_model()
  local opts = M.config.init_options or {}
  if opts.completion and opts.completion.model then
    return opts.completion.model
  end
  local toml = find_root(vim.api.nvim_get_current_buf()) .. '/securecomplete.toml'
  if vim.fn.filereadable(toml) == 1 then
    local section
    for _, l in ipairs(vim.fn.readfile(toml)) do
      l = l:gsub('#.*$', '')
      section = l:match('^%s*%[%s*([^%]]-)%s*%]%s*$') or section
      local m = l:match('^%s*model%s*=%s*"([^"]*)"')
      if m and section == 'completion' then
        return m
      end
    end
  end
  return nil
end

-- statusline is a short state for 'statusline': the model (or A/B), its
-- health, the background checks running.
function M.statusline()
  if not M.client(0) then
    return ''
  end
  local s = M.last_status
  if not s then
    return 'sc: ' .. (configured_model() or 'default model') .. ' ready'
  end
  local ab = s.ab == true or (type(s.ab) == 'table' and s.ab.enabled == true)
  local out = 'sc: ' .. (ab and 'A/B' or (s.model or configured_model() or '?'))
  if s.training then
    out = out .. ' training'
  elseif s.healthy == false then
    out = out .. ' down'
  else
    out = out .. ' ready'
  end
  local jobs = s.jobs or {}
  local n = (jobs.running or s.running or 0) + (jobs.pending or s.pending or 0)
  if n > 0 then
    out = out .. ' checks:' .. n
  end
  return out
end

local function define_commands()
  vim.api.nvim_create_user_command('SecureCompleteModel', function(a)
    M.run_command('securecomplete.selectModel', { { name = a.args } }, function()
      notify('model ' .. a.args .. ' answers now')
    end)
  end, {
    nargs = 1,
    complete = function(lead)
      return vim.tbl_filter(function(n)
        return n:sub(1, #lead) == lead
      end, M.model_names())
    end,
    desc = 'securecomplete: switch the answering model',
  })
  vim.api.nvim_create_user_command('SecureCompleteAB', function()
    M.run_command('securecomplete.toggleAB', {}, function(r)
      if type(r) == 'table' and r.enabled ~= nil then
        notify('A/B mode ' .. (r.enabled and 'on' or 'off'))
      end
    end)
  end, { desc = 'securecomplete: toggle A/B mode' })
  vim.api.nvim_create_user_command('SecureCompleteAnalyze', function()
    M.run_command('securecomplete.analyzeFile', { { uri = vim.uri_from_bufnr(0) } })
  end, { desc = 'securecomplete: analyze the current file' })
  vim.api.nvim_create_user_command('SecureCompleteReport', function()
    M.run_command('securecomplete.abReport', { { format = 'md' } }, function(r)
      local text = type(r) == 'string' and r or (type(r) == 'table' and (r.markdown or r.text)) or vim.inspect(r)
      vim.cmd('new')
      local b = vim.api.nvim_get_current_buf()
      vim.bo[b].buftype = 'nofile'
      vim.bo[b].bufhidden = 'wipe'
      vim.bo[b].filetype = 'markdown'
      vim.api.nvim_buf_set_lines(b, 0, -1, false, vim.split(text, '\n', { plain = true }))
    end)
  end, { desc = 'securecomplete: the A/B report in a scratch buffer' })
  vim.api.nvim_create_user_command('SecureCompleteStatus', function()
    local client = M.client(0)
    local lines = { M.statusline() ~= '' and M.statusline() or 'securecomplete: no server attached to this buffer' }
    local g = require('securecomplete.ghost').stats
    table.insert(lines, string.format('ghost text: %d requests, %d shown, %d characters typed through', g.requests, g.shown, g.typed_through))
    if client and not server_has(client, 'securecomplete.status') then
      table.insert(lines, 'securecomplete.status is not available from this server')
    end
    if client and server_has(client, 'securecomplete.status') then
      M.run_command('securecomplete.status', {}, function(r)
        M.last_status = r
        notify(table.concat(lines, '\n') .. '\n' .. vim.inspect(r))
      end)
      return
    end
    notify(table.concat(lines, '\n'))
  end, { desc = 'securecomplete: the server state' })
end

-- setup starts the server for C and C++ buffers as they open and defines
-- :SecureComplete.
function M.setup(opts)
  M.config = vim.deepcopy(defaults)
  for k, v in pairs(opts or {}) do
    M.config[k] = v
  end
  local group = vim.api.nvim_create_augroup('securecomplete', { clear = true })
  vim.api.nvim_create_autocmd('VimLeavePre', {
    group = group,
    callback = function()
      stopping = true
    end,
  })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args)
      M.attach(args.buf)
    end,
  })
  vim.api.nvim_create_user_command('SecureComplete', function()
    M.complete()
  end, { desc = 'Complete at the cursor with securecomplete' })
  define_commands()
  if M.config.ghost ~= false then
    require('securecomplete.ghost').setup(M.config.ghost)
  end
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) then
      M.attach(buf)
    end
  end
end

return M
