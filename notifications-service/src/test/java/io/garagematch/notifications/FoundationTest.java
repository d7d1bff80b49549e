package io.garagematch.notifications;

import io.garagematch.platform.testing.FoundationContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FoundationTest extends FoundationContract {

  FoundationTest() {
    super("expert", "expert-42", "auditor", "/garagematch/notifications-service");
  }
}
