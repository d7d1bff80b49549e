package io.garagematch.notifications.domain;

/**
 * A notification's delivery state: PENDING (not tried yet, or waiting for its time), SENT, FAILED
 * (the last attempt failed; another is scheduled), DEAD (attempts exhausted; replayable). How
 * claims, attempts and open circuit breakers move it on: {@link Delivery}.
 */
public enum NotificationStatus {
  PENDING,
  SENT,
  FAILED,
  DEAD
}
