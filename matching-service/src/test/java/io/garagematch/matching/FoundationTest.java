package io.garagematch.matching;

import io.garagematch.platform.testing.FoundationContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FoundationTest extends FoundationContract {

  FoundationTest() {
    super("bu-staff", "R&D Center China – Digital Car", "partner", "/garagematch/matching-service");
  }
}
