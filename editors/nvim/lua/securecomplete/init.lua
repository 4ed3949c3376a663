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
}

M.config = vim.deepcopy(defaults)

local name = 'securecomplete'
local clients = {} -- root -> client id, for Neovim 0.7

local function has(version)
  return vim.fn.has('nvim-' .. version) == 1
end

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
  }
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
  return id
end

local function request(client, method, params, handler, bufnr)
  if has('0.11') then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

-- utf16_col and byte_col convert a column of one line.
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

-- setup starts the server for C and C++ buffers as they open and defines
-- :SecureComplete.
function M.setup(opts)
  M.config = vim.deepcopy(defaults)
  for k, v in pairs(opts or {}) do
    M.config[k] = v
  end
  local group = vim.api.nvim_create_augroup('securecomplete', { clear = true })
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
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) then
      M.attach(buf)
    end
  end
end

return M
