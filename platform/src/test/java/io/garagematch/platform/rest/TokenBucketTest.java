package io.garagematch.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void aBurstIsServedThenTheRateAndTheWaitIsSaid() {
    TokenBucket bucket = new TokenBucket(2, 3, 0);
    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).as("half a second until the next token").isEqualTo(SECOND / 2);
    assertThat(bucket.take(SECOND / 2)).isZero();
    assertThat(bucket.take(SECOND / 2)).isPositive();
  }

  @Test
  void aQuietClientsBucketFillsUpToItsBurstOnly() {
    TokenBucket bucket = new TokenBucket(10, 2, 0);
    bucket.take(0);
    assertThat(bucket.full(0)).isFalse();
    assertThat(bucket.full(SECOND)).isTrue();
    assertThat(bucket.take(60 * SECOND)).isZero();
    assertThat(bucket.take(60 * SECOND)).isZero();
    assertThat(bucket.take(60 * SECOND)).as("never more than the burst").isPositive();
  }
}
