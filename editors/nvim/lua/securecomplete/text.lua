-- securecomplete.text: what the plugin's modules share about Neovim
-- versions and columns. The server counts columns in UTF-16 code units
-- (LSP's default); Neovim's buffers are bytes.
local M = {}

-- has tells whether this Neovim is at least version v ('0.11').
function M.has(v)
  return vim.fn.has('nvim-' .. v) == 1
end

-- utf16_col converts a byte column of line to UTF-16 code units.
function M.utf16_col(line, col)
  if M.has('0.11') then
    return vim.str_utfindex(line, 'utf-16', col, false)
  end
  local _, u16 = vim.str_utfindex(line, col)
  return u16
end

-- byte_col converts a UTF-16 column of line to bytes.
function M.byte_col(line, u16)
  if M.has('0.11') then
    return vim.str_byteindex(line, 'utf-16', u16, false)
  end
  return vim.str_byteindex(line, u16, true)
end

return M
