package io.garagematch.notifications.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InFlightTest {

  final InFlight inFlight = new InFlight(8);

  @Test
  void theRoomIsWhatTheMaximumLeavesAndEachReleaseGivesItBack() {
    assertThat(inFlight.free()).isEqualTo(8);

    inFlight.take(5);
    assertThat(inFlight.count()).isEqualTo(5);
    assertThat(inFlight.free()).isEqualTo(3);
    inFlight.take(3);
    assertThat(inFlight.free()).as("full").isZero();

    inFlight.release(1);
    assertThat(inFlight.free()).isEqualTo(1);
    inFlight.release(7);
    assertThat(inFlight.count()).isZero();
    assertThat(inFlight.free()).isEqualTo(8);
    assertThat(inFlight.peak()).as("the most at once").isEqualTo(8);
  }

  @Test
  void neverMoreThanTheMaximumNorLessThanNone() {
    inFlight.take(6);

    assertThatThrownBy(() -> inFlight.take(3)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> inFlight.release(7)).isInstanceOf(IllegalStateException.class);
    assertThat(inFlight.count()).as("a refused change changes nothing").isEqualTo(6);
    assertThatThrownBy(() -> new InFlight(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void releasesFromManyThreadsWhileOneTakesKeepTheCountExactAndWithinTheMaximum() throws Exception {
    int rounds = 20_000;
    ExecutorService releasers = Executors.newFixedThreadPool(4);
    CountDownLatch released = new CountDownLatch(rounds);
    try {
      for (int taken = 0; taken < rounds; ) {
        int room = inFlight.free();
        if (room == 0) {
          Thread.onSpinWait();
          continue;
        }
        int n = Math.min(room, rounds - taken);
        inFlight.take(n);
        taken += n;
        for (int i = 0; i < n; i++) {
          releasers.execute(
              () -> {
                inFlight.release(1);
                released.countDown();
              });
        }
      }
      assertThat(released.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      releasers.shutdownNow();
    }

    assertThat(inFlight.count()).isZero();
    assertThat(inFlight.peak()).isEqualTo(8);
  }
}
