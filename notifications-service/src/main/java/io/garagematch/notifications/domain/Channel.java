package io.garagematch.notifications.domain;

/** How a notification reaches its recipient. */
public enum Channel {
  EMAIL,
  WEBHOOK,
  IN_APP
}
