-- Extends a lease if it is still the key's current, unexpired grant (same token and fence).
-- KEYS[1] lease hash   ARGV[1] now (epoch nanoseconds, 20 digits)   ARGV[2] token   ARGV[3] fence
-- ARGV[4] new expiry, same form as now   ARGV[5] new Redis expiry of the lease key, milliseconds
-- Returns 1 if renewed, 0 otherwise (expired, released, taken over)
local lease = redis.call('HMGET', KEYS[1], 'token', 'fence', 'expires')
if lease[1] ~= ARGV[2] or lease[2] ~= ARGV[3] or not lease[3] or lease[3] <= ARGV[1] then
  return 0
end
redis.call('HSET', KEYS[1], 'expires', ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1
