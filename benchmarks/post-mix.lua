-- wrk script: POSTs the complaint mix (one JSON request per line of MIX) round robin, with the shop key KEY.
-- PAUSE_MS > 0 makes every connection wait that long before each request, to offer a fixed, lower rate.
local bodies = {}
for line in io.lines(os.getenv("MIX")) do
  if #line > 0 then bodies[#bodies + 1] = line end
end
local next_body = 0
local pause = tonumber(os.getenv("PAUSE_MS") or "0")
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("KEY") }
-- BASELINE_HEADER set: the benchmarks module's baseline answers instead of deciding (same path, same filters).
if os.getenv("BASELINE_HEADER") ~= nil and os.getenv("BASELINE_HEADER") ~= "" then
  headers["X-Benchmark-Baseline"] = "1"
end

request = function()
  next_body = next_body % #bodies + 1
  return wrk.format("POST", nil, headers, bodies[next_body])
end

if pause > 0 then
  delay = function() return pause end
end
