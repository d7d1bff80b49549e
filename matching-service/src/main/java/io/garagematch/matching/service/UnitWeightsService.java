package io.garagematch.matching.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.matching.domain.MatchResult;
import io.garagematch.matching.domain.MatchStatus;
import io.garagematch.matching.domain.learning.DecisionSample;
import io.garagematch.matching.domain.learning.Replay;
import io.garagematch.matching.domain.learning.WeightLearner;
import io.garagematch.matching.repository.MatchEntity;
import io.garagematch.matching.repository.MatchRepository;
import io.garagematch.matching.repository.NeedRepository;
import io.garagematch.matching.repository.UnitWeightsEntity;
import io.garagematch.matching.repository.UnitWeightsRepository;
import io.garagematch.platform.problem.Problem;
import io.garagematch.platform.problem.ProblemException;
import io.garagematch.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Weights that learn from a business unit's decisions (ADR 0022): the weights in force, the replay
 * of the unit's decisions against them and against weights learned from them, and the promotion of
 * learned weights that rank the decisions better. A promotion re-scores the unit's open needs that
 * have no weights of their own, as a need update does, so changed matches go out as events. Callers
 * act for the unit ({@link UnitAccess}), else 403 {@code business-unit-not-yours}.
 */
@ApplicationScoped
public class UnitWeightsService {

  private static final Logger LOG = Logger.getLogger(UnitWeightsService.class);

  /** The statuses that are a decision of the unit. */
  static final Set<MatchStatus> DECIDED = decided();

  private final UnitAccess access;
  private final WeightsInForce inForce;
  private final UnitWeightsRepository versions;
  private final MatchRepository matches;
  private final NeedRepository needs;
  private final NeedService needService;
  private final ObjectMapper json;
  private final WeightLearner learner = new WeightLearner();

  public UnitWeightsService(
      UnitAccess access,
      WeightsInForce inForce,
      UnitWeightsRepository versions,
      MatchRepository matches,
      NeedRepository needs,
      NeedService needService,
      ObjectMapper json) {
    this.access = access;
    this.inForce = inForce;
    this.versions = versions;
    this.matches = matches;
    this.needs = needs;
    this.needService = needService;
    this.json = json;
  }

  public UnitWeightsView inForce(String businessUnit) {
    access.requireBusinessUnit(businessUnit);
    return UnitWeightsView.of(inForce.of(businessUnit));
  }

  public ReplayView replay(String businessUnit) {
    access.requireBusinessUnit(businessUnit);
    WeightsInForce.UnitWeights current = inForce.of(businessUnit);
    String next = learnedVersion(businessUnit, versions.lastGeneration(businessUnit) + 1);
    return ReplayView.of(businessUnit, current.weights(), compare(businessUnit, current, next));
  }

  /**
   * Replays the unit's decisions and promotes the learned weights if they rank them better; else
   * 409 {@code weights-not-promotable} with the figures. One promotion of a unit at a time. The
   * promotion commits first; then each open need of the unit without weights of its own is
   * re-scored in a transaction of its own, reading its matches afresh, so a decision taken
   * meanwhile is never written over and a large unit never holds one long transaction.
   */
  public PromotionView promote(Caller caller, String businessUnit) {
    access.requireBusinessUnit(businessUnit);
    Promoted p = QuarkusTransaction.requiringNew().call(() -> record(caller, businessUnit));
    int rescored = 0;
    for (UUID needId : p.openNeeds()) {
      if (QuarkusTransaction.requiringNew().call(() -> needService.reweigh(needId))) {
        rescored++;
      }
    }
    LOG.infof(
        "weights %s promoted for %s by %s (AUC %s against %s for %s); %d open needs re-scored",
        p.view().version(),
        businessUnit,
        p.view().promotedBy(),
        p.view().replay().learned().auc(),
        p.view().replay().current().auc(),
        p.previous(),
        rescored);
    return p.view().withNeedsRescored(rescored);
  }

  /** A promotion as committed: what it answers, the weights it replaced, the needs to re-score. */
  private record Promoted(PromotionView view, String previous, List<UUID> openNeeds) {}

  private Promoted record(Caller caller, String businessUnit) {
    versions.lockUnit(businessUnit);
    WeightsInForce.UnitWeights current = inForce.of(businessUnit);
    int generation = versions.lastGeneration(businessUnit) + 1;
    Replay.Comparison c = compare(businessUnit, current, learnedVersion(businessUnit, generation));
    ReplayView replay = ReplayView.of(businessUnit, current.weights(), c);
    if (!c.promotable()) {
      throw notPromotable(replay);
    }
    Instant now = MatchService.now();
    UnitWeightsEntity v = new UnitWeightsEntity();
    v.id = UUID.randomUUID();
    v.businessUnit = businessUnit;
    v.generation = generation;
    v.setWeights(c.learned().weights());
    v.replay = json.convertValue(replay, new TypeReference<Map<String, Object>>() {});
    v.createdBy = caller.subject();
    v.createdAt = now;
    v.promotedAt = now;
    versions.persist(v);
    PromotionView view =
        new PromotionView(
            businessUnit,
            v.version,
            ComponentValues.of(v.weights()),
            v.promotedAt,
            v.createdBy,
            replay,
            0);
    return new Promoted(view, current.weights().version(), needs.openIds(businessUnit));
  }

  private Replay.Comparison compare(
      String businessUnit, WeightsInForce.UnitWeights current, String learnedVersion) {
    List<DecisionSample> samples =
        matches.ofBusinessUnit(businessUnit, DECIDED).stream()
            .map(UnitWeightsService::sample)
            .toList();
    return Replay.compare(samples, current.weights(), learner, learnedVersion);
  }

  /** A decided match as the learner sees it: its stored breakdown's values and its label. */
  static DecisionSample sample(MatchEntity m) {
    Map<String, Double> values = new HashMap<>();
    if (m.breakdown != null) {
      for (MatchResult.ComponentScore c : m.breakdown) {
        values.put(c.component(), c.raw());
      }
    }
    return DecisionSample.of(values, DecisionSample.label(m.status).orElseThrow());
  }

  /**
   * {@code bu-<slug>-learned-<generation>}: the slug is the unit's name in lower-case ASCII letters
   * and digits, other characters as hyphens, at most 40 characters ({@code unit-<hash of the name>}
   * if none is left).
   */
  static String learnedVersion(String businessUnit, int generation) {
    String slug =
        Normalizer.normalize(businessUnit, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-");
    if (slug.length() > 40) {
      slug = slug.substring(0, 40);
    }
    slug = slug.replaceAll("^-+|-+$", "");
    // a name without Latin letters ("动力总成") is told apart from another by its hash
    String name =
        slug.isEmpty() ? "unit-" + Integer.toHexString(businessUnit.hashCode() & 0x7fffffff) : slug;
    return "bu-" + name + "-learned-" + generation;
  }

  private static ProblemException notPromotable(ReplayView replay) {
    Problem p =
        Problem.of(
                409,
                "weights-not-promotable",
                "The learned weights are not promoted",
                replay.reason())
            .with("businessUnit", replay.businessUnit())
            .with("decisions", replay.decisions())
            .with("accepted", replay.accepted())
            .with("rejected", replay.rejected())
            .with("current", replay.current());
    if (replay.learned() != null) {
      p = p.with("learned", replay.learned());
    }
    return new ProblemException(p);
  }

  private static Set<MatchStatus> decided() {
    Set<MatchStatus> s = EnumSet.noneOf(MatchStatus.class);
    s.addAll(DecisionSample.ACCEPTED);
    s.addAll(DecisionSample.REJECTED);
    return s;
  }
}
