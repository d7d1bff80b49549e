package io.garagematch.contracts.match;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The data of every {@code match.*} event (docs/events/match.schema.json): the match with what a
 * consumer needs to act on it without calling back — the partner that submitted the startup, the
 * need and startup in brief, the owning expert, the running pilot, and for {@code match.decided}
 * the decision. Unknown fields are ignored, so that the producer may add some.
 *
 * @param startup null once the startup was erased: nothing of its identity goes out then
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MatchData(
    UUID id,
    UUID needId,
    UUID applicationId,
    String partnerId,
    String businessUnit,
    String status,
    int version,
    double score,
    String weightsVersion,
    List<Component> breakdown,
    List<HardCheck> hardChecks,
    NeedBrief need,
    StartupBrief startup,
    UUID ownerExpertId,
    Pilot pilot,
    Decision decision,
    Instant createdAt,
    Instant updatedAt) {

  public MatchData {
    breakdown = breakdown == null ? List.of() : breakdown;
    hardChecks = hardChecks == null ? List.of() : hardChecks;
  }

  /** Whether a consumer can act on it: the match, its pair, its unit and its state. */
  @JsonIgnore
  public boolean isComplete() {
    return id != null
        && needId != null
        && applicationId != null
        && businessUnit != null
        && status != null;
  }

  /** One component of the score, with its evidence (docs/matching.md). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Component(
      String component,
      double raw,
      double weight,
      double contribution,
      Map<String, Object> evidence) {}

  /** One hard filter and whether the pair passed it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record HardCheck(String rule, boolean passed, String detail) {}

  /** The need in brief. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NeedBrief(String title, Language language, Set<InnovationField> innovationFields) {
    public NeedBrief {
      innovationFields = innovationFields == null ? Set.of() : innovationFields;
    }
  }

  /** The startup in brief (never contact data). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record StartupBrief(String name, Language language, String country, String pitch) {}

  /** An amount in an ISO 4217 currency. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Money(BigDecimal amount, String currency) {}

  /** The pilot in force: criteria, budget, dates and its owner. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Pilot(
      List<String> successCriteria,
      Money budget,
      LocalDate startDate,
      LocalDate plannedEndDate,
      LocalDate goNoGoDate,
      UUID ownerExpertId,
      String extensionReason) {}

  /** The purchase order that followed a GO. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PurchaseOrder(String number, String supplierNumber, Money amount, LocalDate date) {}

  /** A financing institution the startup was introduced to. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Financing(String institution, String kind, LocalDate date) {}

  /** The decision a {@code match.decided} reports, as recorded in the match's history. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Decision(
      UUID id,
      String decision,
      String fromStatus,
      String toStatus,
      String reasonCode,
      String note,
      String decidedBy,
      Instant decidedAt,
      Pilot pilot,
      PurchaseOrder purchaseOrder,
      Financing financing,
      UUID reverts,
      UUID revertedBy) {}
}
