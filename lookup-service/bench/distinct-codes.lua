-- wrk script: every request scans a different existing GTIN, drawn at random from the file given after "--",
-- so the answers are mostly not in lookup-service's memory and each costs its database query.
-- Arguments after "--": the GTIN file, a seed, and optionally a pause in ms before each request of a connection
-- (wrk has no rate cap: N connections pausing P ms offer about N * 1000 / P requests per second).
local codes = {}
local pause = 0

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then codes[#codes + 1] = line end
  end
  math.randomseed(os.time() + (tonumber(args[2]) or 0))
  pause = tonumber(args[3]) or 0
end

function delay()
  return pause
end

function request()
  return wrk.format("GET", "/api/v1/lookup?code=" .. codes[math.random(#codes)])
end
