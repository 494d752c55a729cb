-- Gives a lease up if it is still the key's grant (same token and fence); another holder's lease stays.
-- KEYS[1] lease hash   ARGV[1] token   ARGV[2] fence
-- Returns 1 if released, 0 otherwise
local lease = redis.call('HMGET', KEYS[1], 'token', 'fence')
if lease[1] == ARGV[1] and lease[2] == ARGV[2] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
