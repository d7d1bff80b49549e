package io.garagematch.matching.domain.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.garagematch.matching.domain.MatchStatus;
import io.garagematch.matching.domain.Weights;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Replaying decisions against weights, and when learned weights may replace the current ones. */
class ReplayTest {

  final WeightLearner learner = new WeightLearner();

  static DecisionSample scored(double text, boolean accepted) {
    return new DecisionSample(0, text, 0, 0, 0, 0, accepted);
  }

  static final Weights TEXT_ONLY = new Weights("text-only", 0, 1, 0, 0, 0, 0);

  @Test
  void aucIsTheShareOfAcceptedRejectedPairsWonByTheAcceptedTiesCountingHalf() {
    List<DecisionSample> samples =
        List.of(scored(0.9, true), scored(0.5, true), scored(0.5, false), scored(0.1, false));

    Replay.Figures f = Replay.of(samples, TEXT_ONLY);

    // pairs: (0.9,0.5) won, (0.9,0.1) won, (0.5,0.5) tie, (0.5,0.1) won: 3.5 of 4
    assertThat(f.auc()).isEqualTo(0.875);
    assertThat(f.decisions()).isEqualTo(4);
    assertThat(f.accepted()).isEqualTo(2);
    assertThat(f.rejected()).isEqualTo(2);
  }

  @Test
  void precisionAtKCountsTheAcceptedAmongTheKBestTiesAcrossTheCutInProportion() {
    List<DecisionSample> samples =
        List.of(scored(0.9, true), scored(0.5, true), scored(0.5, false), scored(0.1, false));

    // k = 2: 0.9 (accepted), then one of the two tied at 0.5 (half accepted)
    assertThat(Replay.of(samples, TEXT_ONLY).precisionAtK()).isEqualTo(0.75);
  }

  @Test
  void withoutAPairThereIsNoAucAndWithoutAnAcceptanceNoPrecision() {
    Replay.Figures f = Replay.of(List.of(scored(0.3, false), scored(0.4, false)), TEXT_ONLY);

    assertThat(f.auc()).isNull();
    assertThat(f.precisionAtK()).isNull();
  }

  /** Weights that count the concepts most, as a unit's weights in force might. */
  static final Weights CONCEPTS_FIRST =
      new Weights("concepts-first", 0.1, 0.2, 0.5, 0.1, 0.05, 0.05);

  @Test
  void learnedWeightsBeatTheCurrentOnesOutOfSampleWhenTheTextDecides() {
    List<DecisionSample> samples = Decisions.textDecides(60, 11);

    Replay.Comparison c = Replay.compare(samples, CONCEPTS_FIRST, learner, "bu-x-learned-2");

    assertThat(c.current().auc()).isLessThan(0.5);
    assertThat(c.learnedFigures().auc()).isGreaterThan(0.95);
    assertThat(c.learnedFigures().precisionAtK()).isGreaterThan(c.current().precisionAtK());
    assertThat(c.learned().weights().text()).isGreaterThan(0.5);
    assertThat(c.learned().weights().version()).isEqualTo("bu-x-learned-2");
    assertThat(c.promotable()).isTrue();
    assertThat(c.reason()).contains("better").contains("concepts-first");
  }

  @Test
  void learnedWeightsBeatTheDefaultsWhenWhatTheyCountLeastDecides() {
    String follows = Decisions.leastWeighed(Weights.DEFAULT);
    String against = Decisions.mostWeighed(Weights.DEFAULT);
    List<DecisionSample> samples = Decisions.decidedBy(follows, against, 50, 17);

    Replay.Comparison c = Replay.compare(samples, Weights.DEFAULT, learner, "bu-x-learned-1");

    assertThat(c.learnedFigures().auc()).isGreaterThan(c.current().auc());
    assertThat(c.promotable()).isTrue();
    Weights learned = c.learned().weights();
    assertThat(Decisions.mostWeighed(learned)).isEqualTo(follows);
    assertThat(Decisions.weightOf(learned, against)).isZero();
  }

  @Test
  void outOfSampleFiguresComeFromFoldsByIndexAndAreRepeatable() {
    List<DecisionSample> samples = Decisions.textDecides(37, 12);

    Replay.Figures once = Replay.outOfSample(samples, learner, Weights.DEFAULT);

    assertThat(Replay.outOfSample(samples, learner, Weights.DEFAULT)).isEqualTo(once);
    assertThat(once.decisions()).isEqualTo(37);
  }

  @Test
  void eachFoldIsScoredByWeightsLearnedWithoutIt() {
    // fold 0 (indexes 0, 5, 10, ...) is labelled against the text, the other folds with it:
    // learned without fold 0, the weights rank fold 0 backwards, and the pooled figures show it
    List<DecisionSample> clean = Decisions.textDecides(60, 13);
    List<DecisionSample> samples =
        IntStream.range(0, clean.size())
            .mapToObj(i -> i % Replay.FOLDS == 0 ? Decisions.flipped(clean.get(i)) : clean.get(i))
            .toList();

    Weights inSample = learner.learn(samples, Weights.DEFAULT, "v").weights();

    assertThat(Replay.outOfSample(samples, learner, Weights.DEFAULT).auc())
        .isLessThan(Replay.of(samples, inSample).auc());
  }

  @Test
  void learnedWeightsThatDoNotBeatTheCurrentOnesAreNotPromotable() {
    List<DecisionSample> samples = Decisions.everythingDecides(40, 14);

    Replay.Comparison c = Replay.compare(samples, Weights.DEFAULT, learner, "bu-x-learned-1");

    assertThat(c.current().auc()).isEqualTo(1.0);
    assertThat(c.learned()).isNotNull();
    assertThat(c.promotable()).isFalse();
    assertThat(c.reason()).contains("do not rank the decisions better");
  }

  @Test
  void fewerThanThirtyDecisionsAreNotEnoughToLearn() {
    List<DecisionSample> samples = Decisions.textDecides(29, 15);

    Replay.Comparison c = Replay.compare(samples, Weights.DEFAULT, learner, "bu-x-learned-1");

    assertThat(c.promotable()).isFalse();
    assertThat(c.learned()).isNull();
    assertThat(c.learnedFigures()).isNull();
    assertThat(c.current().decisions()).isEqualTo(29);
    assertThat(c.reason()).contains("29 decisions").contains("at least 30").contains("1 more");
  }

  @Test
  void decisionsOfOneKindOnlyAreNotEnoughToLearn() {
    List<DecisionSample> accepted =
        Decisions.textDecides(40, 16).stream().filter(DecisionSample::accepted).toList();
    List<DecisionSample> twice = new ArrayList<>(accepted);
    twice.addAll(accepted);

    Replay.Comparison c = Replay.compare(twice, Weights.DEFAULT, learner, "v");

    assertThat(c.promotable()).isFalse();
    assertThat(c.learned()).isNull();
    assertThat(c.reason()).contains("both kinds");
  }

  @ParameterizedTest
  @EnumSource(MatchStatus.class)
  void acceptedPilotsAndOrdersCountAcceptedRejectedCountsRejectedTheRestIsNoDecision(
      MatchStatus status) {
    Optional<Boolean> expected =
        switch (status) {
          case ACCEPTED, PILOT_STARTED, PILOT_GO, PILOT_NO_GO, PURCHASE_ORDER_ISSUED ->
              Optional.of(true);
          case REJECTED -> Optional.of(false);
          case PROPOSED, SHORTLISTED, WITHDRAWN -> Optional.empty();
        };

    assertThat(DecisionSample.label(status)).isEqualTo(expected);
  }

  @Test
  void aSampleTakesItsValuesFromTheBreakdownMissingComponentsCountingZero() {
    DecisionSample s = DecisionSample.of(Map.of("text", 0.8, "trl", 1.0, "geo", 1.5), true);

    assertThat(s).isEqualTo(new DecisionSample(0, 0.8, 0, 1.0, 0, 1.0, true));
    Weights d = Weights.DEFAULT;
    assertThat(s.scoreWith(d)).isCloseTo(d.text() * 0.8 + d.trl() + d.geo(), within(1e-12));
  }

  @Test
  void aHigherAucWithAWorseTopOfTheListDoesNotBeatTheWeightsInForce() {
    Replay.Figures current = new Replay.Figures(228, 65, 163, 0.8265, 0.6615);

    assertThat(Replay.beats(new Replay.Figures(228, 65, 163, 0.8294, 0.6000), current)).isFalse();
    assertThat(Replay.beats(new Replay.Figures(228, 65, 163, 0.8294, 0.6615), current)).isTrue();
    assertThat(Replay.beats(new Replay.Figures(228, 65, 163, 0.8265, 0.7000), current)).isFalse();
  }
}
