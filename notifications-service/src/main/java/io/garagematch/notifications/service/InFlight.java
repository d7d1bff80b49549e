package io.garagematch.notifications.service;

/**
 * The notifications an instance holds claimed, from the claim until the outcome of their attempt is
 * recorded (or they are let go), counted against a maximum: the dispatcher claims no more than
 * {@link #free} at a time, so a backlog of any size stays in the database, not in memory. One
 * thread takes places (the dispatcher's), any thread gives them back.
 */
public final class InFlight {

  private final int max;
  private int count;
  private int peak;

  public InFlight(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("at least one notification must be allowed in flight");
    }
    this.max = max;
  }

  public int max() {
    return max;
  }

  /** How many more may be claimed now. */
  public synchronized int free() {
    return max - count;
  }

  /** Holds {@code n} more: at most {@link #free}. */
  public synchronized void take(int n) {
    if (n < 0 || n > max - count) {
      throw new IllegalStateException(n + " more in flight, with room for " + (max - count));
    }
    count += n;
    peak = Math.max(peak, count);
  }

  /** Gives back the places of {@code n} that are done with. */
  public synchronized void release(int n) {
    if (n < 0 || n > count) {
      throw new IllegalStateException(n + " released, with " + count + " in flight");
    }
    count -= n;
  }

  /** How many are in flight now. */
  public synchronized int count() {
    return count;
  }

  /** The most that were ever in flight at once. */
  public synchronized int peak() {
    return peak;
  }
}
