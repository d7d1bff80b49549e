package io.garagematch.notifications.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.garagematch.notifications.domain.Channel;
import io.garagematch.notifications.domain.Delivery;
import io.garagematch.notifications.domain.ExpertSpec;
import java.util.UUID;

/**
 * A claimed notification with everything its delivery needs, read in the claiming transaction: for
 * e-mail the expert, for a webhook its URL and secret; {@code claim} is its delivery as claimed,
 * whose lease says until when it may still be attempted.
 */
record Job(
    UUID id,
    Channel channel,
    UUID recipientId,
    boolean digest,
    int attempts,
    ObjectNode payload,
    ExpertSpec expert,
    String url,
    String secret,
    Delivery claim) {}
