-- Driven by screenshot_test.go: an interactive Neovim in tmux, set up as a
-- user's init.lua would be (line numbers, a statusline with the plugin's
-- status), so that the capture shows the plugin as people see it.
vim.opt.runtimepath:prepend(os.getenv('SC_PLUGIN'))
vim.opt.swapfile = false
vim.opt.number = true
vim.opt.laststatus = 2
vim.opt.statusline = ' %f %= %{v:lua.require("securecomplete").statusline()} '
require('securecomplete').setup({ cmd = { 'sh', '-c', 'exec "$SC_BIN" --log-level debug lsp 2>>"$SC_LOG"' } })
