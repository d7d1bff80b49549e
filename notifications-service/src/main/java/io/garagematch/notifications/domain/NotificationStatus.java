package io.garagematch.notifications.domain;

/**
 * A notification's delivery state: PENDING (not tried yet, or waiting for its time), SENT, FAILED
 * (the last attempt failed; another is scheduled), DEAD (attempts exhausted; replayable).
 */
public enum NotificationStatus {
  PENDING,
  SENT,
  FAILED,
  DEAD
}
