package org.botoxeligibility.server;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code jti} values of the tokens seen, each kept until its token has expired (plus the clock
 * skew), bounded in memory. A token whose issuer and {@code jti} are already held is a replay.
 * When the bound is reached, expired entries are dropped; if that frees nothing, the token is
 * refused rather than a live entry forgotten (a forgotten entry could be replayed). Thread-safe;
 * one per server.
 */
final class ReplayCache {
  private final int capacity;
  private final ConcurrentHashMap<String, Long> seen = new ConcurrentHashMap<>();
  private final Object sweeping = new Object();
  private volatile long nextSweep;

  ReplayCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
  }

  /** What became of a token's jti. */
  enum Result {
    /** First seen: kept until it expires. */
    FRESH,
    /** Seen before and not yet expired. */
    REPLAYED,
    /** The cache holds only live entries and is full. */
    FULL
  }

  /**
   * Records a token's jti.
   *
   * @param issuer the token's issuer (jti values are unique per issuer)
   * @param jti the token's jti
   * @param keepUntilMillis when the entry may be forgotten (the token's expiry plus the skew)
   * @param nowMillis the current time
   * @return whether it was fresh, replayed, or could not be recorded
   */
  Result record(String issuer, String jti, long keepUntilMillis, long nowMillis) {
    String key = issuer + '\u0000' + jti;
    if (seen.size() >= capacity || nowMillis >= nextSweep) {
      sweep(nowMillis);
      if (seen.size() >= capacity) {
        Long held = seen.get(key);
        return held != null && held > nowMillis ? Result.REPLAYED : Result.FULL;
      }
    }
    Long previous = seen.putIfAbsent(key, keepUntilMillis);
    if (previous == null) {
      return Result.FRESH;
    }
    if (previous > nowMillis) {
      return Result.REPLAYED;
    }
    // an expired entry not yet swept: the jti may be used again only once the token it
    // belonged to has expired, and this token is a new one
    return seen.replace(key, previous, keepUntilMillis) ? Result.FRESH : Result.REPLAYED;
  }

  /** Drops expired entries; at most once a second unless the cache is full. */
  private void sweep(long nowMillis) {
    synchronized (sweeping) {
      if (seen.size() < capacity && nowMillis < nextSweep) {
        return;
      }
      Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
      while (it.hasNext()) {
        if (it.next().getValue() <= nowMillis) {
          it.remove();
        }
      }
      nextSweep = nowMillis + 1000;
    }
  }

  /** The number of entries held (expired ones not yet swept included). */
  int size() {
    return seen.size();
  }
}
