package io.garagematch.applications;

import io.garagematch.platform.testing.FoundationContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FoundationTest extends FoundationContract {

  FoundationTest() {
    super("partner", "acme-incubator", "expert", "/garagematch/applications-service");
  }
}
