package io.garagematch.matching.domain.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.garagematch.matching.domain.Weights;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The learner without a database: which weights a history of decisions gives. */
class WeightLearnerTest {

  final WeightLearner learner = new WeightLearner();

  @Test
  void aComponentThatSeparatesTheDecisionsGetsMostOfTheWeight() {
    WeightLearner.Model m =
        learner.learn(Decisions.textDecides(60, 1), Weights.DEFAULT, "bu-test-learned-1");

    assertThat(m.fellBack()).isFalse();
    assertThat(m.weights().version()).isEqualTo("bu-test-learned-1");
    assertThat(m.weights().text()).isGreaterThan(0.5);
    assertThat(m.weights().text())
        .isGreaterThan(m.weights().fields() + m.weights().trl() + m.weights().stage());
    // concepts made acceptance less likely: a negative coefficient, so no weight
    assertThat(m.coefficients().get("concepts")).isNegative();
    assertThat(m.weights().concepts()).isZero();
    assertThat(m.coefficients().get("text")).isGreaterThan(0);
  }

  @Test
  void learnedWeightsAreNonNegativeAndSumToOne() {
    Weights w = learner.learn(Decisions.textDecides(45, 2), Weights.DEFAULT, "v").weights();

    assertThat(List.of(w.fields(), w.text(), w.concepts(), w.trl(), w.stage(), w.geo()))
        .allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
    assertThat(w.fields() + w.text() + w.concepts() + w.trl() + w.stage() + w.geo())
        .isCloseTo(1.0, within(1e-9));
  }

  @Test
  void theSameDecisionsAlwaysGiveTheSameModel() {
    List<DecisionSample> samples = Decisions.textDecides(50, 3);

    assertThat(learner.learn(samples, Weights.DEFAULT, "v"))
        .isEqualTo(learner.learn(new ArrayList<>(samples), Weights.DEFAULT, "v"));
  }

  @Test
  void whenNoComponentMakesAcceptanceMoreLikelyTheCurrentWeightsStay() {
    // every component of a rejected match is higher than those of an accepted one
    List<DecisionSample> backwards =
        Decisions.everythingDecides(40, 4).stream().map(Decisions::flipped).toList();

    WeightLearner.Model m = learner.learn(backwards, Weights.DEFAULT, "v");

    assertThat(m.fellBack()).isTrue();
    assertThat(m.weights()).isEqualTo(Weights.DEFAULT);
    assertThat(m.coefficients().values()).allSatisfy(c -> assertThat(c).isNegative());
  }

  @Test
  void coefficientsMapToWeightsInProportionRoundedToFourDecimals() {
    Weights w = WeightLearner.toWeights(new double[] {1, 2, -3, 0, 0, 0}, "v");

    assertThat(w).isEqualTo(new Weights("v", 0.3333, 0.6667, 0, 0, 0, 0));
    assertThat(WeightLearner.toWeights(new double[] {-1, 0, 0, 0, 0, 0}, "v")).isNull();
  }
}
