-- Runs inside a headless Neovim (0.7 or later) with the file to check as the current buffer:
--   nvim --headless --clean -n -i NONE -c "luafile test/nvim/lsp-check.lua" FILE
-- scripts/nvim-test.mjs drives it and compares what it writes with the command-line checker.
-- Starts `node dist/server.js --stdio` as Neovim's own LSP client, waits until the server has
-- published diagnostics and gone quiet, then asks for hovers and code actions, and writes
-- everything as JSON. Environment:
--   EKS_LENS_SERVER  path of server.js                 EKS_LENS_NODE  node binary (default: node)
--   EKS_LENS_OUT     where to write the JSON result
--   EKS_LENS_HOVER   JSON list of strings: hover on the middle of the first occurrence of each
--   EKS_LENS_SETTINGS  JSON object: the eksLens settings, sent as the README shows (on_init)
--   EKS_LENS_APPLY   optional: apply the first code action whose title starts with this, wait for
--                    the new diagnostics (written as `after`) and save the file
local server = os.getenv('EKS_LENS_SERVER') or 'dist/server.js'
local node = os.getenv('EKS_LENS_NODE') or 'node'
local out_path = os.getenv('EKS_LENS_OUT') or 'nvim-lsp-result.json'
local hover_targets = vim.fn.json_decode(os.getenv('EKS_LENS_HOVER') or '[]')
local apply_prefix = os.getenv('EKS_LENS_APPLY')
local settings = vim.fn.json_decode(os.getenv('EKS_LENS_SETTINGS') or '{}')

local bufnr = vim.api.nvim_get_current_buf()
local fname = vim.api.nvim_buf_get_name(bufnr)
local result = { nvim = tostring(vim.version().major .. '.' .. vim.version().minor .. '.' .. vim.version().patch), filetype = vim.bo[bufnr].filetype }

local function finish(code)
  local f = io.open(out_path, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(code == 0 and 'qall!' or ('cquit ' .. code))
end

-- A request answered by every attached client; a timeout or an error response fails the run
-- (0.7 calls the error field `error`, later versions `err`).
local function request(buf, method, params)
  local responses, timeout = vim.lsp.buf_request_sync(buf, method, params, 120000)
  if not responses then error(method .. ': ' .. tostring(timeout)) end
  for _, r in pairs(responses) do
    local e = r.err or r.error
    if e then error(method .. ': ' .. (e.message or vim.inspect(e))) end
  end
  return responses
end

local publications, last_publication = 0, 0
local config = {
  name = 'eks-lens',
  cmd = { node, server, '--stdio' },
  root_dir = vim.fn.fnamemodify(fname, ':p:h'),
  -- Neovim 0.7 does not offer workspace/configuration, so the settings are pushed once started.
  settings = { eksLens = settings },
  on_init = function(client)
    client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
  end,
  handlers = {
    -- Neovim's own handler fills vim.diagnostic; counting lets the script know the server spoke.
    ['textDocument/publishDiagnostics'] = function(err, res, ctx, cfg)
      vim.lsp.diagnostic.on_publish_diagnostics(err, res, ctx, cfg)
      publications = publications + 1
      last_publication = vim.loop.now()
    end,
  },
}

local function wait_for_diagnostics(after)
  if not vim.wait(180000, function() return publications > after end, 20) then error('no diagnostics published within 180 s') end
  -- A workspace scan may publish again; wait until the server has been quiet for 750 ms.
  vim.wait(60000, function() return vim.loop.now() - last_publication >= 750 end, 50)
end

local function diagnostics_of(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, {
      code = d.code or lsp.code, severity = d.severity, message = d.message, source = d.source,
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    })
  end
  return list
end

local ok, err = pcall(function()
  local client_id
  if vim.lsp.start then -- Neovim 0.8+: starts the client and attaches the current buffer
    client_id = vim.lsp.start(config)
  else -- Neovim 0.7 (Debian 12)
    client_id = vim.lsp.start_client(config)
    if client_id then vim.lsp.buf_attach_client(bufnr, client_id) end
  end
  if not client_id then error('the language client did not start') end

  wait_for_diagnostics(0)
  result.publications = publications

  local uri = vim.uri_from_bufnr(bufnr)
  result.diagnostics = diagnostics_of(bufnr)
  result.actions = {}
  local to_apply
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    -- The code actions Neovim's vim.lsp.buf.code_action() would list for this diagnostic. The LSP
    -- form is rebuilt the way Neovim does it (0.7 keeps only code, codeDescription and data in
    -- user_data.lsp); columns are bytes, which the ASCII fixtures make equal to UTF-16 units.
    local range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } }
    local as_lsp = vim.tbl_extend('keep', { range = range, severity = d.severity, message = d.message, source = d.source, code = d.code }, lsp)
    local params = { textDocument = { uri = uri }, range = range, context = { diagnostics = { as_lsp } } }
    local titles = {}
    for _, r in pairs(request(bufnr, 'textDocument/codeAction', params)) do
      for _, action in ipairs(r.result or {}) do
        table.insert(titles, action.title)
        if apply_prefix and not to_apply and action.title:sub(1, #apply_prefix) == apply_prefix then to_apply = action end
      end
    end
    table.insert(result.actions, { code = d.code or lsp.code, lnum = d.lnum, titles = titles })
  end

  result.hovers = {}
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for _, target in ipairs(hover_targets) do
    local entry = { target = target, text = vim.NIL }
    for i, line in ipairs(lines) do
      local col = line:find(target, 1, true)
      if col then
        local params = { textDocument = { uri = uri }, position = { line = i - 1, character = col - 1 + math.floor(#target / 2) } }
        for _, r in pairs(request(bufnr, 'textDocument/hover', params)) do
          local c = r.result and r.result.contents
          if c then entry.text = type(c) == 'table' and (c.value or vim.inspect(c)) or c end
        end
        break
      end
    end
    table.insert(result.hovers, entry)
  end

  if apply_prefix then
    if not to_apply then error('no code action starting with "' .. apply_prefix .. '"') end
    if not to_apply.edit then error('"' .. to_apply.title .. '" carries no edit') end
    result.applied = to_apply.title
    local before = publications
    -- What vim.lsp.buf.code_action() does with an edit; the buffer change goes to the server as didChange.
    vim.lsp.util.apply_workspace_edit(to_apply.edit, 'utf-16')
    wait_for_diagnostics(before)
    result.after = diagnostics_of(bufnr)
    vim.cmd('silent write')
  end

  vim.lsp.stop_client(client_id)
  vim.wait(30000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end)

if not ok then
  result.error = tostring(err)
  finish(1)
else
  finish(0)
end
