-- wrk script for the write bench (bench/write_tasks.sh): each request creates one task
-- (POST /api/v1/tasks) as the logged-in office, with the session cookie from $DH_COOKIE,
-- the CSRF token from $DH_CSRF and the lead unit from $DH_LEAD_UNIT. At the end it prints
-- one line the script reads: "write_tasks p50_us=… p99_us=… rps=… requests=… non2xx=… errors=…".
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  thread_id = id
  wrk.method = "POST"
  wrk.headers["Cookie"] = os.getenv("DH_COOKIE")
  wrk.headers["X-CSRF-Token"] = os.getenv("DH_CSRF")
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end

function request()
  counter = counter + 1
  local body = string.format('{"title":"Việc đo tải %d-%d","lead_unit_id":%s}', thread_id,
                             counter, os.getenv("DH_LEAD_UNIT"))
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
      "write_tasks p50_us=%d p99_us=%d rps=%.1f requests=%d non2xx=%d errors=%d\n",
      latency:percentile(50), latency:percentile(99), summary.requests / secs,
      summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
