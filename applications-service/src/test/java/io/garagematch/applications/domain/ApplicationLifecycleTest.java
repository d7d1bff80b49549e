package io.garagematch.applications.domain;

import static io.garagematch.contracts.application.ApplicationStatus.SUBMITTED;
import static io.garagematch.contracts.application.ApplicationStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.garagematch.applications.domain.ApplicationLifecycle.Refusal;
import io.garagematch.applications.domain.ApplicationLifecycle.Refused;
import org.junit.jupiter.api.Test;

class ApplicationLifecycleTest {

  @Test
  void aSubmittedApplicationIsUpdatedWithdrawnAndErased() {
    assertThat(ApplicationLifecycle.update(SUBMITTED, false)).isEqualTo(Change.UPDATED);
    assertThat(ApplicationLifecycle.withdraw(SUBMITTED, false)).contains(Change.WITHDRAWN);
    assertThat(ApplicationLifecycle.erase(false)).contains(Change.ERASED);
  }

  @Test
  void onlyAWithdrawalChangesTheStatus() {
    assertThat(ApplicationLifecycle.statusAfter(SUBMITTED, Change.WITHDRAWN)).isEqualTo(WITHDRAWN);
    assertThat(ApplicationLifecycle.statusAfter(SUBMITTED, Change.UPDATED)).isEqualTo(SUBMITTED);
    assertThat(ApplicationLifecycle.statusAfter(WITHDRAWN, Change.ERASED)).isEqualTo(WITHDRAWN);
  }

  @Test
  void aWithdrawnApplicationTakesNoUpdateAndWithdrawingAgainChangesNothing() {
    assertThatThrownBy(() -> ApplicationLifecycle.update(WITHDRAWN, false))
        .isInstanceOf(Refused.class)
        .extracting(e -> ((Refused) e).refusal())
        .isEqualTo(Refusal.WITHDRAWN);
    assertThat(ApplicationLifecycle.withdraw(WITHDRAWN, false)).isEmpty();
    assertThat(ApplicationLifecycle.withdraw(WITHDRAWN, true)).isEmpty();
    assertThat(ApplicationLifecycle.erase(false)).contains(Change.ERASED);
  }

  @Test
  void anErasedApplicationTakesNoChangeAndErasingAgainChangesNothing() {
    for (Runnable change :
        new Runnable[] {
          () -> ApplicationLifecycle.update(SUBMITTED, true),
          () -> ApplicationLifecycle.withdraw(SUBMITTED, true),
          () -> ApplicationLifecycle.requireNotErased(true)
        }) {
      assertThatThrownBy(change::run)
          .isInstanceOf(Refused.class)
          .extracting(e -> ((Refused) e).refusal())
          .isEqualTo(Refusal.ERASED);
    }
    assertThat(ApplicationLifecycle.erase(true)).isEmpty();
  }
}
