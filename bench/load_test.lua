-- wrk script for bench/load_test.sh: counts answers that are not 2xx (wrk
-- counts non-2xx/3xx itself; this also catches 3xx) and prints the total as
-- "non-2xx: N" once the run is over.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then bad = bad + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("bad") end
  io.write(string.format("non-2xx: %d\n", total))
end
