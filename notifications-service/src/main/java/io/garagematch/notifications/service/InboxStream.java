package io.garagematch.notifications.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.SerializedProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * New inbox items as they are committed, for the Server-Sent-Events stream of each expert. Items
 * reach the clients connected to this instance; a client that reconnects reads what it missed from
 * the inbox itself.
 */
@ApplicationScoped
public class InboxStream {

  private final SerializedProcessor<InboxItem, InboxItem> items =
      BroadcastProcessor.<InboxItem>create().serialized();

  void publish(InboxItem item) {
    items.onNext(item);
  }

  /** The items of one expert from now on. */
  public Multi<InboxItem> of(UUID expertId) {
    return Multi.createFrom().publisher(items).filter(i -> i.expertId().equals(expertId));
  }
}
