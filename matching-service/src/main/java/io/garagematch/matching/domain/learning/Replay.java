package io.garagematch.matching.domain.learning;

import io.garagematch.matching.domain.Weights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Replays a unit's decisions against weights: how well would they have ranked what the unit
 * accepted above what it rejected?
 *
 * <ul>
 *   <li>{@code auc}: of all (accepted, rejected) pairs, the share where the accepted match scores
 *       higher, a tie counting half; null without a pair.
 *   <li>{@code precisionAtK}: with k the number accepted, the share of accepted among the k best
 *       scored; matches tied across the cut count in proportion to the places left, so the order of
 *       ties never matters. Null when nothing was accepted.
 * </ul>
 *
 * Weights learned from the same decisions are judged out of sample ({@link #outOfSample}): five
 * folds by index (sample {@code i} is in fold {@code i mod 5}); each fold is scored by the weights
 * learned from the other four, and the held-out scores are pooled. Learned weights may replace the
 * current ones ({@link #compare}) only from {@value #MIN_DECISIONS} decisions on, with both kinds
 * among them, and only when their out-of-sample AUC is higher than the current weights' AUC.
 */
public final class Replay {

  /** The fewest decisions a promotion rests on. */
  public static final int MIN_DECISIONS = 30;

  public static final int FOLDS = 5;

  private Replay() {}

  /** How well one way of scoring ranks the decisions. */
  public record Figures(
      int decisions, int accepted, int rejected, Double auc, Double precisionAtK) {}

  /**
   * The current weights and the learned ones side by side.
   *
   * @param learned the model fitted on all decisions (the weights a promotion installs); null when
   *     there are too few decisions or only one kind
   * @param learnedFigures the learned weights' figures, out of sample; null with {@code learned}
   */
  public record Comparison(
      Figures current,
      WeightLearner.Model learned,
      Figures learnedFigures,
      boolean promotable,
      String reason) {}

  /** The figures of {@code weights} on the samples (in sample: nothing is learned here). */
  public static Figures of(List<DecisionSample> samples, Weights weights) {
    double[] scores = new double[samples.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = samples.get(i).scoreWith(weights);
    }
    return ofScores(samples, scores);
  }

  /**
   * The figures of weights learned by {@code learner}, each fold scored by the weights learned
   * without it.
   */
  public static Figures outOfSample(
      List<DecisionSample> samples, WeightLearner learner, Weights current) {
    double[] scores = new double[samples.size()];
    for (int fold = 0; fold < FOLDS; fold++) {
      List<DecisionSample> training = new ArrayList<>();
      List<Integer> heldOut = new ArrayList<>();
      for (int i = 0; i < samples.size(); i++) {
        if (i % FOLDS == fold) {
          heldOut.add(i);
        } else {
          training.add(samples.get(i));
        }
      }
      if (heldOut.isEmpty()) {
        continue;
      }
      Weights w = learner.learn(training, current, "fold-" + (fold + 1)).weights();
      for (int i : heldOut) {
        scores[i] = samples.get(i).scoreWith(w);
      }
    }
    return ofScores(samples, scores);
  }

  /**
   * Current against learned. {@code learnedVersion} names the learned weights, should they be
   * promoted.
   */
  public static Comparison compare(
      List<DecisionSample> samples, Weights current, WeightLearner learner, String learnedVersion) {
    Figures now = of(samples, current);
    if (now.decisions() < MIN_DECISIONS) {
      return new Comparison(
          now,
          null,
          null,
          false,
          String.format(
              Locale.ROOT,
              "%d decisions so far: learning needs at least %d, %d more",
              now.decisions(),
              MIN_DECISIONS,
              MIN_DECISIONS - now.decisions()));
    }
    if (now.accepted() == 0 || now.rejected() == 0) {
      return new Comparison(
          now,
          null,
          null,
          false,
          String.format(
              Locale.ROOT,
              "%d accepted and %d rejected: learning needs decisions of both kinds",
              now.accepted(),
              now.rejected()));
    }
    WeightLearner.Model model = learner.learn(samples, current, learnedVersion);
    Figures learned = outOfSample(samples, learner, current);
    // a model with no positive coefficient fell back to the current weights: nothing to promote
    boolean better = !model.fellBack() && beats(learned, now);
    String reason =
        String.format(
            Locale.ROOT,
            better
                ? "the learned weights rank the decisions better: AUC %.4f and precision@k %.4f out"
                    + " of sample against %.4f and %.4f for %s"
                : "the learned weights do not rank the decisions better: AUC %.4f and precision@k"
                    + " %.4f out of sample against %.4f and %.4f for %s",
            learned.auc(),
            learned.precisionAtK(),
            now.auc(),
            now.precisionAtK(),
            current.version());
    return new Comparison(now, model, learned, better, reason);
  }

  /**
   * Whether {@code learned} ranks better than {@code current}: a higher AUC (better ordered
   * overall) and no lower precision@k (no fewer accepted ones among the first k). A higher AUC
   * bought with a worse top of the list is not better for the experts, who read the top.
   */
  static boolean beats(Figures learned, Figures current) {
    return learned.auc() > current.auc() + 1e-12
        && learned.precisionAtK() >= current.precisionAtK() - 1e-12;
  }

  /** The figures of given scores, one per sample. */
  static Figures ofScores(List<DecisionSample> samples, double[] scores) {
    int n = samples.size();
    int accepted = (int) samples.stream().filter(DecisionSample::accepted).count();
    int rejected = n - accepted;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    return new Figures(
        n,
        accepted,
        rejected,
        auc(samples, scores, order, accepted, rejected),
        precisionAtK(samples, scores, order, accepted));
  }

  /** Pairs won by accepted matches, walking the scores from best to worst, ties counting half. */
  private static Double auc(
      List<DecisionSample> samples, double[] scores, Integer[] order, int accepted, int rejected) {
    if (accepted == 0 || rejected == 0) {
      return null;
    }
    double wins = 0;
    int rejectedBelow = rejected;
    for (int start = 0; start < order.length; ) {
      int end = tieEnd(scores, order, start);
      int acceptedHere = 0;
      int rejectedHere = 0;
      for (int i = start; i < end; i++) {
        if (samples.get(order[i]).accepted()) {
          acceptedHere++;
        } else {
          rejectedHere++;
        }
      }
      rejectedBelow -= rejectedHere;
      wins += acceptedHere * (rejectedBelow + 0.5 * rejectedHere);
      start = end;
    }
    return wins / ((double) accepted * rejected);
  }

  private static Double precisionAtK(
      List<DecisionSample> samples, double[] scores, Integer[] order, int k) {
    if (k == 0) {
      return null;
    }
    double hits = 0;
    int places = k;
    for (int start = 0; start < order.length && places > 0; ) {
      int end = tieEnd(scores, order, start);
      int size = end - start;
      int acceptedHere = 0;
      for (int i = start; i < end; i++) {
        acceptedHere += samples.get(order[i]).accepted() ? 1 : 0;
      }
      int taken = Math.min(places, size);
      hits += acceptedHere * (double) taken / size;
      places -= taken;
      start = end;
    }
    return hits / k;
  }

  /** The end (exclusive) of the run of equal scores that starts at {@code start}. */
  private static int tieEnd(double[] scores, Integer[] order, int start) {
    int end = start + 1;
    while (end < order.length && scores[order[end]] == scores[order[start]]) {
      end++;
    }
    return end;
  }
}
