package io.garagematch.notifications.domain;

import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;

/**
 * A daily span of local time in which no e-mail is sent (e.g. 22:00–07:00, across midnight). Start
 * inclusive, end exclusive; equal start and end mean no quiet hours.
 */
public record QuietHours(@NotNull LocalTime start, @NotNull LocalTime end) {

  public boolean contains(LocalTime t) {
    if (start.equals(end)) {
      return false;
    }
    return start.isBefore(end)
        ? !t.isBefore(start) && t.isBefore(end)
        : !t.isBefore(start) || t.isBefore(end);
  }
}
