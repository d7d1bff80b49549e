package io.garagematch.notifications.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A {@code match.*} event as routing needs it: the CloudEvent attributes and the part of its data
 * (docs/events/match.schema.json) that decides recipients and fills the messages. Unknown fields
 * are ignored, so that producers may add some.
 */
public record MatchEvent(String id, EventType type, String source, Instant time, Data data) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Data(
      UUID id,
      UUID needId,
      UUID applicationId,
      String partnerId,
      String businessUnit,
      String status,
      double score,
      List<Component> breakdown,
      NeedBrief need,
      StartupBrief startup,
      UUID ownerExpertId,
      PilotBrief pilot) {

    /** Whether the routing can work with it ({@code startup} is null once it was erased). */
    public boolean isComplete() {
      return id != null
          && needId != null
          && applicationId != null
          && businessUnit != null
          && need != null;
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Component(
      String component,
      double raw,
      double weight,
      double contribution,
      Map<String, Object> evidence) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NeedBrief(String title, Language language, Set<InnovationField> innovationFields) {
    public NeedBrief {
      innovationFields = innovationFields == null ? Set.of() : innovationFields;
    }
  }

  /** The running pilot in brief: who owns it and when its outcome is due. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PilotBrief(UUID ownerExpertId, java.time.LocalDate goNoGoDate) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record StartupBrief(String name, Language language, String country, String pitch) {}
}
