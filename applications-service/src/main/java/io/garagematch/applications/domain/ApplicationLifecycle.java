package io.garagematch.applications.domain;

import io.garagematch.contracts.application.ApplicationStatus;
import java.util.Optional;

/**
 * The rules of an application's life, in one place: a submitted application can be updated,
 * withdrawn and erased; a withdrawn one takes no update; an erased one takes no change at all.
 * Withdrawing or erasing twice changes nothing. Each method answers the change to make (each change
 * is a new version and an event), or none, or refuses with a {@link Refused}.
 */
public final class ApplicationLifecycle {

  private ApplicationLifecycle() {}

  /** Why a change was refused. */
  public enum Refusal {
    /** An erased application takes no further change. */
    ERASED,
    /** A withdrawn application takes no update. */
    WITHDRAWN
  }

  /** A change the application's state does not allow. */
  public static final class Refused extends RuntimeException {
    private final Refusal refusal;

    public Refused(Refusal refusal) {
      super("the application is " + refusal.name().toLowerCase(java.util.Locale.ROOT));
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  /** Refuses any change of an erased application. */
  public static void requireNotErased(boolean erased) {
    if (erased) {
      throw new Refused(Refusal.ERASED);
    }
  }

  /** The change an update of a profile makes. */
  public static Change update(ApplicationStatus status, boolean erased) {
    requireNotErased(erased);
    if (status == ApplicationStatus.WITHDRAWN) {
      throw new Refused(Refusal.WITHDRAWN);
    }
    return Change.UPDATED;
  }

  /** The change a withdrawal makes; none when it is withdrawn already (even if erased). */
  public static Optional<Change> withdraw(ApplicationStatus status, boolean erased) {
    if (status == ApplicationStatus.WITHDRAWN) {
      return Optional.empty();
    }
    requireNotErased(erased);
    return Optional.of(Change.WITHDRAWN);
  }

  /** The change an erasure makes; none when it is erased already. */
  public static Optional<Change> erase(boolean erased) {
    return erased ? Optional.empty() : Optional.of(Change.ERASED);
  }

  /** The status after {@code change}: only a withdrawal changes it. */
  public static ApplicationStatus statusAfter(ApplicationStatus status, Change change) {
    return change == Change.WITHDRAWN ? ApplicationStatus.WITHDRAWN : status;
  }
}
