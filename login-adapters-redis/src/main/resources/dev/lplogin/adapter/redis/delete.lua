-- Compare-and-delete of one session. The fence counter stays: fences never go backwards.
-- KEYS[1] session hash   ARGV[1] expected version
-- Returns 1 if deleted, 0 if nothing was stored or its version differed
local version = redis.call('HGET', KEYS[1], 'version')
if version and tonumber(version) == tonumber(ARGV[1]) then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
