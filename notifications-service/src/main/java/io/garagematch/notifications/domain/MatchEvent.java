package io.garagematch.notifications.domain;

import io.garagematch.contracts.match.MatchData;
import java.time.Instant;

/**
 * A {@code match.*} event as routing takes it: its CloudEvent attributes, its kind (as
 * subscriptions name it) and its data (MatchContract).
 */
public record MatchEvent(String id, EventType type, String source, Instant time, MatchData data) {}
