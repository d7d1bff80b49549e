package io.garagematch.infra.bench;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/** An open-model schedule: {@code rate} actions a second, each at its intended time. */
final class Pace {

  private Pace() {}

  /**
   * Calls {@code action} with each intended send time ({@link System#nanoTime()}), {@code rate}
   * times a second for {@code seconds}, never waiting for an action's outcome; returns the rate it
   * achieved.
   */
  static double run(int rate, int seconds, LongConsumer action) {
    long period = 1_000_000_000L / rate;
    long start = System.nanoTime() + 10_000_000L;
    int total = rate * seconds;
    for (int i = 0; i < total; i++) {
      long intended = start + i * period;
      long wait = intended - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      action.accept(intended);
    }
    return total / ((System.nanoTime() - start) / 1e9);
  }
}
