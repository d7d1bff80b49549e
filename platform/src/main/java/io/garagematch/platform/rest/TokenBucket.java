package io.garagematch.platform.rest;

/**
 * A token bucket: {@code burst} requests at once, then {@code ratePerSecond} a second. Plain and
 * thread-safe; time is passed in, so tests need no clock.
 */
public final class TokenBucket {

  private final double ratePerNano;
  private final double burst;
  private double tokens;
  private long last;

  public TokenBucket(double ratePerSecond, double burst, long nowNanos) {
    this.ratePerNano = ratePerSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.last = nowNanos;
  }

  /** Takes one token: 0 when allowed, else how many nanoseconds until one is there. */
  public synchronized long take(long nowNanos) {
    refill(nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) / ratePerNano);
  }

  /** Whether the bucket is full again (its client has been quiet), so it can be forgotten. */
  public synchronized boolean full(long nowNanos) {
    refill(nowNanos);
    return tokens >= burst;
  }

  private void refill(long nowNanos) {
    if (nowNanos > last) {
      tokens = Math.min(burst, tokens + (nowNanos - last) * ratePerNano);
      last = nowNanos;
    }
  }
}
