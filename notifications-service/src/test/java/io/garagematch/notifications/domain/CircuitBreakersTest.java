package io.garagematch.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakersTest {

  final Instant t0 = Instant.parse("2026-11-22T00:00:00Z");
  final CircuitBreakers breakers = new CircuitBreakers(3, Duration.ofSeconds(60));

  @Test
  void opensAfterFailuresInARowThenLetsOneTrialThrough() {
    breakers.failure("a", t0);
    breakers.failure("a", t0);
    assertThat(breakers.acquire("a", t0)).isNull();
    breakers.failure("a", t0);
    assertThat(breakers.acquire("a", t0.plusSeconds(1))).isEqualTo(t0.plusSeconds(60));
    assertThat(breakers.acquire("b", t0.plusSeconds(1))).as("other endpoints unaffected").isNull();
    Instant later = t0.plusSeconds(61);
    assertThat(breakers.acquire("a", later)).as("the trial").isNull();
    assertThat(breakers.acquire("a", later))
        .as("others wait for the trial")
        .isEqualTo(later.plusSeconds(60));
    breakers.success("a");
    assertThat(breakers.acquire("a", later)).isNull();
  }

  @Test
  void aSuccessResetsTheCount() {
    breakers.failure("a", t0);
    breakers.failure("a", t0);
    breakers.success("a");
    breakers.failure("a", t0);
    breakers.failure("a", t0);
    assertThat(breakers.acquire("a", t0)).isNull();
  }
}
