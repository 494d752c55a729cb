/**
 * A driven adapter for {@code TokenStore} on Redis ({@code RedisTokenStore}): compare-and-set saves, fenced leases
 * and notices in Lua scripts, for fleets of processes on many hosts that must share one session per user.
 */
package dev.lplogin.adapter.redis;
