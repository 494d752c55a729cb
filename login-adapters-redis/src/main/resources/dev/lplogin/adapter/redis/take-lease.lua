-- Grants the lease of one key unless an unexpired one is held. Expiry is judged by the caller's clock (ARGV[1]),
-- not Redis's; the PEXPIRE only clears a dead holder's lease from Redis a little after it lapsed.
-- The new fence is one more than the last, and at least the caller's time in microseconds: a failover that loses the
-- last grants (replication is asynchronous) restarts the counter low, but a grant made after the lost ones still gets
-- a larger fence than theirs, so a holder whose grant was lost cannot save over the newer holder's session.
-- KEYS[1] lease hash {token, fence, expires}   KEYS[2] fence counter (never expires)
-- ARGV[1] now, epoch nanoseconds, 20 digits   ARGV[2] expiry (now + ttl), same form
-- ARGV[3] new token   ARGV[4] Redis expiry of the lease key, milliseconds
-- Returns the new lease's fence, or nil if the lease is held
local expires = redis.call('HGET', KEYS[1], 'expires')
if expires and expires > ARGV[1] then
  return false
end
-- microseconds since the epoch (17 digits, < 2^53 until the year 2255: exact in Lua's doubles)
local micros = tonumber(string.sub(ARGV[1], 1, 17))
local fence = math.max(tonumber(redis.call('GET', KEYS[2]) or '0') + 1, micros)
local text = string.format('%d', fence)
redis.call('SET', KEYS[2], text)
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'token', ARGV[3], 'fence', text, 'expires', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return fence
