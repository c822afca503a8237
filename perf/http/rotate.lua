-- POST /api/token/refresh/ under rotation with blacklisting: every token works once, so each thread keeps a queue
-- of live refresh tokens (one session per line of tokens-<thread>.txt), spends one per request and queues the
-- successor from the answer. The queue must hold at least as many sessions as the thread has connections.
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  queue = {}
  for line in io.lines(os.getenv("TOKEN_DIR") .. "/tokens-" .. id .. ".txt") do
    table.insert(queue, line)
  end
end

function request()
  local token = table.remove(queue, 1) or "exhausted"
  return wrk.format("POST", "/api/token/refresh/",
    {["Content-Type"] = "application/x-www-form-urlencoded"}, "refresh=" .. token)
end

function response(status, headers, body)
  local successor = body:match('"refresh":"([^"]+)"')
  if successor then
    table.insert(queue, successor)
  end
end
