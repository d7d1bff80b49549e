package io.garagematch.notifications;

import io.garagematch.platform.testing.ArchitectureContract;

/** The layering rules of {@link ArchitectureContract} hold for this service. */
class ArchitectureTest extends ArchitectureContract {
  ArchitectureTest() {
    super("io.garagematch.notifications");
  }
}
