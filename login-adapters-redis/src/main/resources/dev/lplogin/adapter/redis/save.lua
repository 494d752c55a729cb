-- Compare-and-set save of one session, optionally fenced by a lease; publishes a notice when it saves.
-- KEYS[1] session hash {version, record}   KEYS[2] fence counter
-- ARGV[1] expected version   ARGV[2] record   ARGV[3] fence of the caller's lease, 0 for an unfenced save
-- ARGV[4] notice channel     ARGV[5] notice prefix ("1 <store instance> <key hash>"; the version is appended)
-- ARGV[6] how long the session key lives, in milliseconds (a while after the session's hard deadline)
-- Returns {"saved", new version} | {"conflict" or "fenced", current version or nil, current record or nil}
local fence = tonumber(ARGV[3])
if fence > 0 then
  -- checked first: a lease granted after the caller's means the caller was superseded, whatever the version
  local last = tonumber(redis.call('GET', KEYS[2]) or '0')
  if last > fence then
    local current = redis.call('HMGET', KEYS[1], 'version', 'record')
    return {'fenced', current[1], current[2]}
  end
end
local current = redis.call('HMGET', KEYS[1], 'version', 'record')
if tonumber(current[1] or '0') ~= tonumber(ARGV[1]) then
  return {'conflict', current[1], current[2]}
end
local version = tonumber(ARGV[1]) + 1
redis.call('HSET', KEYS[1], 'version', version, 'record', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[6])
redis.call('PUBLISH', ARGV[4], ARGV[5] .. ' ' .. version)
return {'saved', tostring(version)}
