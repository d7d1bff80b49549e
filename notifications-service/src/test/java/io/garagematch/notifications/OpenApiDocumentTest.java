package io.garagematch.notifications;

import io.garagematch.platform.testing.OpenApiDocumentContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiDocumentTest extends OpenApiDocumentContract {

  OpenApiDocumentTest() {
    super("notifications-service");
  }
}
