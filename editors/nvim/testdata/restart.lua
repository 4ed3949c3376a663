-- Driven by restart_test.go: nvim --headless --clean -u restart.lua FILE.
-- The server command ($SC_CMD) exits on its own at first; the plugin must
-- start it again with backoff, or give up past its limit. Writes what it
-- saw to $SC_OUT as JSON.
vim.opt.runtimepath:prepend(os.getenv('SC_PLUGIN'))
local result = { notes = {} }
vim.notify = function(msg)
  table.insert(result.notes, msg)
end
local sc = require('securecomplete')
sc.setup({ cmd = { 'sh', '-c', os.getenv('SC_CMD') }, restart = { base_ms = 50, max = tonumber(os.getenv('SC_MAX')) } })
local buf -- the C file named on the command line, opened after this script

local function finish()
  local f = assert(io.open(os.getenv('SC_OUT'), 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

local deadline = vim.loop.now() + 20000
local function tick()
  buf = buf or vim.api.nvim_get_current_buf()
  for _, n in ipairs(result.notes) do
    if n:find('not started again', 1, true) then
      result.gave_up = true
      return finish()
    end
  end
  if sc.client(buf) then
    local ok, res = pcall(vim.lsp.buf_request_sync, buf, 'workspace/executeCommand', { command = 'securecomplete.status' }, 1000)
    if ok and res then
      for _, r in pairs(res) do
        if r.result then
          result.answered = true
          return finish()
        end
      end
    end
  end
  if vim.loop.now() > deadline then
    result.timed_out = true
    return finish()
  end
  vim.defer_fn(tick, 50)
end
vim.defer_fn(tick, 50)
