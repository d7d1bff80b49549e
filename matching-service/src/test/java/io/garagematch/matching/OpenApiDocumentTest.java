package io.garagematch.matching;

import io.garagematch.platform.testing.OpenApiDocumentContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiDocumentTest extends OpenApiDocumentContract {

  OpenApiDocumentTest() {
    super("matching-service");
  }
}
