package io.garagematch.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeysetQueryTest {

  private static final Instant AT = Instant.parse("2026-01-31T08:00:00Z");
  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

  @Test
  void theFirstPageWithoutFiltersIsOnlyTheOrder() {
    KeysetQuery q = KeysetQuery.oldestFirst("updatedAt").after(null, null);

    assertThat(q.query()).isEqualTo("order by updatedAt, id");
    assertThat(q.parameters()).isEmpty();
  }

  @Test
  void filtersNotGivenAreLeftOutAndTheRestJoinedBeforeThePosition() {
    KeysetQuery q =
        KeysetQuery.oldestFirst("updatedAt")
            .where("partnerId = :partner", "partner", "p-1")
            .whereGiven("status = :status", "status", null)
            .whereGiven("businessUnit in :units", "units", "BU")
            .after(AT, ID);

    assertThat(q.query())
        .isEqualTo(
            "partnerId = :partner and businessUnit in :units and (updatedAt > :positionTime or"
                + " (updatedAt = :positionTime and id > :positionId)) order by updatedAt, id");
    assertThat(q.parameters())
        .containsOnlyKeys("partner", "units", "positionTime", "positionId")
        .containsEntry("positionTime", AT)
        .containsEntry("positionId", ID);
  }

  @Test
  void newestFirstReadsBeforeThePositionInDescendingOrder() {
    KeysetQuery q = KeysetQuery.newestFirst("createdAt").where("readAt is null").after(AT, ID);

    assertThat(q.query())
        .isEqualTo(
            "readAt is null and (createdAt < :positionTime or (createdAt = :positionTime and id"
                + " < :positionId)) order by createdAt desc, id desc");
  }
}
