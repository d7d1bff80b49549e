package io.garagematch.notifications.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.garagematch.platform.problem.ProblemException;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InboxStreamTest {

  static final UUID ALICE = UUID.randomUUID();
  static final UUID BOB = UUID.randomUUID();

  final InboxStream inbox = new InboxStream(2, 5);

  static InboxItem item(UUID expertId) {
    return new InboxItem(
        UUID.randomUUID(),
        "match.proposed",
        expertId,
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        0.7,
        "need",
        "startup",
        "PROPOSED",
        false,
        Instant.now());
  }

  /** A client that reads as fast as items come. */
  static AssertSubscriber<InboxItem> fast() {
    return AssertSubscriber.create(Long.MAX_VALUE);
  }

  /** A client that has not read anything yet. */
  static AssertSubscriber<InboxItem> stalled() {
    return AssertSubscriber.create(0);
  }

  @Test
  void aStalledStreamDoesNotStopAFastOneOfTheSameExpert() {
    AssertSubscriber<InboxItem> slow = inbox.open(ALICE).subscribe().withSubscriber(stalled());
    AssertSubscriber<InboxItem> quick = inbox.open(ALICE).subscribe().withSubscriber(fast());

    IntStream.range(0, 5).forEach(i -> inbox.publish(item(ALICE)));

    assertThat(quick.getItems()).hasSize(5);
    assertThat(slow.getItems()).isEmpty();
    slow.request(5);
    assertThat(slow.getItems()).isEqualTo(quick.getItems());
  }

  @Test
  void eachStreamGetsOnlyItsExpertsItems() {
    AssertSubscriber<InboxItem> alice = inbox.open(ALICE).subscribe().withSubscriber(fast());
    AssertSubscriber<InboxItem> bob = inbox.open(BOB).subscribe().withSubscriber(fast());

    inbox.publish(item(ALICE));
    inbox.publish(item(BOB));
    inbox.publish(item(ALICE));

    assertThat(alice.getItems()).extracting(InboxItem::expertId).containsExactly(ALICE, ALICE);
    assertThat(bob.getItems()).extracting(InboxItem::expertId).containsExactly(BOB);
  }

  @Test
  void itemsPublishedBeforeTheClientSubscribesWaitInTheBuffer() {
    var opened = inbox.open(ALICE);
    inbox.publish(item(ALICE));

    assertThat(opened.subscribe().withSubscriber(fast()).getItems()).hasSize(1);
  }

  @Test
  void aStreamWhoseBufferOverflowsEndsAfterItsItemsWhileTheOthersGoOn() {
    AssertSubscriber<InboxItem> slow = inbox.open(ALICE).subscribe().withSubscriber(stalled());
    AssertSubscriber<InboxItem> quick = inbox.open(ALICE).subscribe().withSubscriber(fast());

    IntStream.range(0, 6).forEach(i -> inbox.publish(item(ALICE)));

    assertThat(inbox.openStreams(ALICE)).as("the overflowed stream freed its place").isEqualTo(1);
    slow.request(10);
    slow.assertCompleted();
    assertThat(slow.getItems()).hasSize(5);
    inbox.publish(item(ALICE));
    assertThat(quick.getItems()).hasSize(7);
    quick.assertNotTerminated();
  }

  @Test
  void aCancelledStreamIsRemovedAndFreesItsPlace() {
    AssertSubscriber<InboxItem> first = inbox.open(ALICE).subscribe().withSubscriber(fast());
    inbox.open(ALICE).subscribe().withSubscriber(fast());

    first.cancel();
    inbox.publish(item(ALICE));

    assertThat(inbox.openStreams(ALICE)).isEqualTo(1);
    assertThat(first.getItems()).isEmpty();
    assertThat(inbox.open(ALICE)).isNotNull();
  }

  @Test
  void theStreamBeyondTheCapIsRefusedWith429WhileAnotherExpertStillGetsOne() {
    inbox.open(ALICE).subscribe().withSubscriber(fast());
    inbox.open(ALICE).subscribe().withSubscriber(fast());

    assertThatThrownBy(() -> inbox.open(ALICE))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(429);
              assertThat(e.problem().type()).isEqualTo("urn:garagematch:problem:too-many-streams");
            });
    assertThat(inbox.open(BOB)).isNotNull();
    assertThat(inbox.openStreams(ALICE)).isEqualTo(2);
  }
}
