-- wrk script: POST /api/v1/applications with a distinct startup per request.
-- TOKEN (a partner bearer token) comes from the environment; see docs/performance.md.
local token = os.getenv("TOKEN")
local counter = 0
local run = tostring(os.time())
local threads = 0

-- each wrk thread has its own Lua state: give each a number so their startups differ
setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

request = function()
  counter = counter + 1
  local id = run .. "-" .. tostring(tid) .. "-" .. tostring(counter)
  local body = '{"name":"Load Test ' .. id .. '","website":"https://lt-' .. id .. '.example.de",'
    .. '"country":"DE","city":"Munich","language":"de","pitch":"Festkörperbatterien für Elektrofahrzeuge",'
    .. '"technologies":["Festkörperbatterie","Batteriemanagementsystem"],"innovationFields":["ELECTRIFICATION"],'
    .. '"trl":5,"fundingStage":"SEED","contact":{"name":"Anna Weber","email":"anna@lt-' .. id .. '.example.de"}}'
  return wrk.format(nil, "/api/v1/applications", nil, body)
end

done = function(summary, latency, requests)
  io.write(string.format("requests: %d, errors: non-2xx %d, socket %d\n", summary.requests,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("latency p50 %.1f ms, p99 %.1f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
