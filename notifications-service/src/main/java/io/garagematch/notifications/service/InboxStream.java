package io.garagematch.notifications.service;

import io.garagematch.platform.problem.Problem;
import io.garagematch.platform.problem.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * New inbox items as they are committed, for the Server-Sent-Events streams of the experts
 * connected to this instance.
 *
 * <p>Each open stream has its own buffer of at most {@code bufferSize} items, filled from the
 * moment the stream is opened and drained as fast as its client reads; an item goes only to its
 * expert's streams. So a slow client, or many clients, never make another miss an item. A stream
 * whose buffer overflows ends once its client has read what the buffer held (the client reconnects
 * and reads what it missed from the inbox); the others go on. An expert may hold {@code
 * maxStreamsPerExpert} streams at once; a further one is refused with {@code 429 too-many-streams}.
 * A stream frees its place when it ends, is cancelled or overflows.
 */
public final class InboxStream {

  private static final Logger LOG = Logger.getLogger(InboxStream.class);

  private final int maxStreamsPerExpert;
  private final int bufferSize;
  private final Map<UUID, Set<OpenStream>> streams = new ConcurrentHashMap<>();

  public InboxStream(int maxStreamsPerExpert, int bufferSize) {
    if (maxStreamsPerExpert < 1 || bufferSize < 1) {
      throw new IllegalArgumentException(
          "an expert needs at least one stream, a stream a buffer of at least one item");
    }
    this.maxStreamsPerExpert = maxStreamsPerExpert;
    this.bufferSize = bufferSize;
  }

  /**
   * Opens a stream of the expert's items from now on.
   *
   * @throws ProblemException {@code 429 too-many-streams} when the expert holds the most streams
   */
  public synchronized Multi<InboxItem> open(UUID expertId) {
    Set<OpenStream> mine = streams.computeIfAbsent(expertId, id -> ConcurrentHashMap.newKeySet());
    if (mine.size() >= maxStreamsPerExpert) {
      throw new ProblemException(
          Problem.of(
              429,
              "too-many-streams",
              "Too many open streams",
              "expert "
                  + expertId
                  + " already has "
                  + maxStreamsPerExpert
                  + " open inbox streams; close one first"));
    }
    OpenStream stream = new OpenStream(expertId);
    mine.add(stream);
    return stream.items();
  }

  /**
   * Hands the item to each open stream of its expert; a failing stream does not stop the others.
   */
  void publish(InboxItem item) {
    for (OpenStream stream : streams.getOrDefault(item.expertId(), Set.of())) {
      try {
        stream.buffer.onNext(item);
      } catch (RuntimeException e) {
        LOG.warnf(
            e, "inbox item %s not handed to a stream of expert %s", item.id(), item.expertId());
      }
    }
  }

  /** The streams the expert has open on this instance. */
  int openStreams(UUID expertId) {
    return streams.getOrDefault(expertId, Set.of()).size();
  }

  private synchronized void close(OpenStream stream) {
    Set<OpenStream> mine = streams.get(stream.expertId);
    if (mine != null && mine.remove(stream) && mine.isEmpty()) {
      streams.remove(stream.expertId);
    }
  }

  /** One client's stream: a bounded buffer that frees its place when the stream terminates. */
  private final class OpenStream {

    final UUID expertId;
    // onNext is synchronized: publishers on several threads are safe
    final UnicastProcessor<InboxItem> buffer;

    OpenStream(UUID expertId) {
      this.expertId = expertId;
      this.buffer =
          UnicastProcessor.create(new ArrayBlockingQueue<>(bufferSize), () -> close(this));
    }

    /** The items, ended without an error when the buffer overflowed. */
    Multi<InboxItem> items() {
      return buffer
          .onFailure(BackPressureFailure.class)
          .invoke(
              () ->
                  LOG.infof(
                      "inbox stream of expert %s ended: more than %d items were waiting for"
                          + " the client",
                      expertId, bufferSize))
          .onFailure(BackPressureFailure.class)
          .recoverWithCompletion();
    }
  }
}
