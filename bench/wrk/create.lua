-- POST /api/v1/tenants with a name no other request of the run uses: <BENCH_NAME_PREFIX>-<thread>-<n>.
-- Pass -H "Content-Type: application/json" and the Authorization header on the wrk command line.
dofile(os.getenv("BENCH_LUA_DIR") .. "/status.lua")

local prefix = os.getenv("BENCH_NAME_PREFIX") or "bench"
local n = 0

function request()
  n = n + 1
  local name = string.format("%s-%d-%d", prefix, id, n)
  local body = string.format(
    '{"name":"%s","displayName":"Bench tenant %s","email":"%s@example.com","team":"bench","labels":{"tier":"gold"}}',
    name, name, name)
  return wrk.format("POST", "/api/v1/tenants", nil, body)
end
