package dev.lplogin.adapter.redis;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.SessionKey;

/**
 * Hears that another process replaced the stored session of a key with a new login, so that {@code previousBearer} —
 * the bearer this process last saw stored — is dead (LivePerson keeps one session per user). The core's
 * {@code LoginUseCase::invalidate} has exactly this shape: {@code store.onSessionReplaced(core::invalidate)} makes
 * the core drop that bearer and pick up the new session on its next use.
 *
 * <p>Called on a background thread, never while the store holds a lock; must not block for long. A stored session
 * that was only refreshed (same bearer) is no news: the core's keep-alive re-reads the store anyway.
 */
@FunctionalInterface
public interface ReplacedSessionListener {

    void replaced(SessionKey key, Secret previousBearer);
}
