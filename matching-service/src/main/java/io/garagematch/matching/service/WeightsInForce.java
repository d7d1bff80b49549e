package io.garagematch.matching.service;

import io.garagematch.matching.domain.Need;
import io.garagematch.matching.domain.Weights;
import io.garagematch.matching.repository.NeedEntity;
import io.garagematch.matching.repository.UnitWeightsEntity;
import io.garagematch.matching.repository.UnitWeightsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The weights each need is scored with: its own ({@code NeedSpec.weights}) when it has them, else
 * its business unit's latest promoted weights, else {@link Weights#DEFAULT}. Every place that turns
 * a stored need into the matcher's {@link Need} asks here, so both directions of matching, the
 * index and the explanations agree.
 */
@ApplicationScoped
public class WeightsInForce {

  private final UnitWeightsRepository versions;

  public WeightsInForce(UnitWeightsRepository versions) {
    this.versions = versions;
  }

  /**
   * A unit's weights in force.
   *
   * @param generation how many versions the unit had when these were promoted (0: the defaults); it
   *     grows with every promotion
   * @param since when they were promoted (null: the defaults, never promoted)
   */
  public record UnitWeights(
      String businessUnit, Weights weights, int generation, Instant since, String promotedBy) {

    static UnitWeights defaults(String businessUnit) {
      return new UnitWeights(businessUnit, Weights.DEFAULT, 0, null, null);
    }

    static UnitWeights of(UnitWeightsEntity e) {
      return new UnitWeights(e.businessUnit, e.weights(), e.generation, e.promotedAt, e.createdBy);
    }
  }

  public UnitWeights of(String businessUnit) {
    return versions
        .inForce(businessUnit)
        .map(UnitWeights::of)
        .orElseGet(() -> UnitWeights.defaults(businessUnit));
  }

  /**
   * Holds off a promotion of the unit's weights until the caller's transaction ends: a need opened
   * or moved into the unit is then scored with the weights a promotion committing at the same
   * moment installs, or seen by its re-scoring, never neither.
   */
  public void holdForScoring(String businessUnit) {
    versions.lockUnitShared(businessUnit);
  }

  /** The matcher's view of the need, with the weights in force for it. */
  public Need need(NeedEntity n) {
    String id = n.id.toString();
    return n.spec.weights() != null
        ? n.spec.toNeed(id)
        : n.spec.toNeed(id, of(n.businessUnit).weights());
  }

  /** The matcher's view of the need, {@code unit} being its unit's weights in force. */
  public Need need(NeedEntity n, UnitWeights unit) {
    return n.spec.toNeed(n.id.toString(), unit.weights());
  }

  /** The matcher's view of many needs, the units' weights read once. */
  public List<Need> needs(List<NeedEntity> needs) {
    Map<String, UnitWeights> units =
        versions.allInForce().stream()
            .map(UnitWeights::of)
            .collect(Collectors.toMap(UnitWeights::businessUnit, Function.identity()));
    return needs.stream()
        .map(n -> need(n, units.getOrDefault(n.businessUnit, UnitWeights.defaults(n.businessUnit))))
        .toList();
  }
}
