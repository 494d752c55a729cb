-- Grants the lease of one key unless an unexpired one is held. Expiry is judged by the caller's clock (ARGV[1]),
-- not Redis's; the PEXPIRE only clears a dead holder's lease from Redis a little after it lapsed.
-- KEYS[1] lease hash {token, fence, expires}   KEYS[2] fence counter (never expires)
-- ARGV[1] now, epoch nanoseconds, 20 digits   ARGV[2] expiry (now + ttl), same form
-- ARGV[3] new token   ARGV[4] Redis expiry of the lease key, milliseconds
-- Returns the new lease's fence, or nil if the lease is held
local expires = redis.call('HGET', KEYS[1], 'expires')
if expires and expires > ARGV[1] then
  return false
end
local fence = redis.call('INCR', KEYS[2])
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'token', ARGV[3], 'fence', fence, 'expires', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return fence
