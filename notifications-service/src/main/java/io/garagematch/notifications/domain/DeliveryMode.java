package io.garagematch.notifications.domain;

/** When an expert's e-mails go out: at once, or gathered into one digest a day. */
public enum DeliveryMode {
  IMMEDIATE,
  DAILY_DIGEST
}
