package io.garagematch.matching.domain.learning;

import io.garagematch.matching.domain.Weights;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns a unit's weights from its decisions: a logistic regression of "accepted" on the six
 * component values, fitted by batch gradient descent with an L2 penalty on the coefficients (not on
 * the intercept), from zero, in a fixed order: the same samples always give the same model.
 *
 * <p>The weights are the coefficients with the negative ones set to 0, divided by their sum and
 * rounded to four decimals (the rounding remainder goes to the largest, so they sum to 1): a
 * component that made acceptance less likely gets no weight, since a score only adds. When no
 * coefficient is positive the current weights stay. The coefficients and the intercept are kept, so
 * a reader can see what the decisions said before the mapping.
 */
public final class WeightLearner {

  /** The L2 penalty on the mean log-loss: small, it only keeps separable data bounded. */
  public static final double DEFAULT_L2 = 0.01;

  static final int MAX_ITERATIONS = 20_000;

  /** The descent stops once no partial derivative is larger than this. */
  static final double TOLERANCE = 1e-6;

  private final double l2;

  public WeightLearner() {
    this(DEFAULT_L2);
  }

  public WeightLearner(double l2) {
    if (l2 <= 0) {
      throw new IllegalArgumentException("the L2 penalty must be positive");
    }
    this.l2 = l2;
  }

  /**
   * What was learned.
   *
   * @param coefficients the log-odds of acceptance per unit of each component's value
   * @param weights what the coefficients map to (the current weights when none is positive)
   * @param fellBack whether no coefficient was positive, so the current weights were kept
   */
  public record Model(
      Map<String, Double> coefficients, double intercept, Weights weights, boolean fellBack) {}

  /** Fits the samples; {@code version} names the weights learned. */
  public Model learn(List<DecisionSample> samples, Weights current, String version) {
    int d = DecisionSample.COMPONENTS.size();
    double[] beta = new double[d];
    double intercept = 0;
    int n = samples.size();
    if (n > 0) {
      double[][] x = new double[n][];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = samples.get(i).values();
        y[i] = samples.get(i).accepted() ? 1 : 0;
      }
      // the log-loss's gradient is Lipschitz with at most 1/4 of the largest |(1, x)|², here d + 1
      double step = 1 / (0.25 * (d + 1) + l2);
      double[] gradient = new double[d];
      for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
        Arrays.fill(gradient, 0);
        double gradientIntercept = 0;
        for (int i = 0; i < n; i++) {
          double z = intercept;
          for (int j = 0; j < d; j++) {
            z += beta[j] * x[i][j];
          }
          double residual = sigmoid(z) - y[i];
          gradientIntercept += residual;
          for (int j = 0; j < d; j++) {
            gradient[j] += residual * x[i][j];
          }
        }
        double largest = Math.abs(gradientIntercept / n);
        intercept -= step * gradientIntercept / n;
        for (int j = 0; j < d; j++) {
          gradient[j] = gradient[j] / n + l2 * beta[j];
          largest = Math.max(largest, Math.abs(gradient[j]));
          beta[j] -= step * gradient[j];
        }
        if (largest < TOLERANCE) {
          break;
        }
      }
    }
    Map<String, Double> coefficients = new LinkedHashMap<>();
    for (int j = 0; j < d; j++) {
      coefficients.put(DecisionSample.COMPONENTS.get(j), beta[j]);
    }
    Weights learned = toWeights(beta, version);
    return new Model(coefficients, intercept, learned == null ? current : learned, learned == null);
  }

  /**
   * Non-negative weights summing to 1, in proportion to the positive coefficients, rounded to four
   * decimals; null when no coefficient is positive.
   */
  static Weights toWeights(double[] coefficients, String version) {
    double sum = 0;
    for (double c : coefficients) {
      sum += Math.max(0, c);
    }
    if (!(sum > 0)) {
      return null;
    }
    double[] w = new double[coefficients.length];
    int largest = 0;
    double rounded = 0;
    for (int j = 0; j < w.length; j++) {
      w[j] = Math.round(Math.max(0, coefficients[j]) / sum * 10_000) / 10_000.0;
      rounded += w[j];
      if (w[j] > w[largest]) {
        largest = j;
      }
    }
    w[largest] = Math.round((w[largest] + 1 - rounded) * 10_000) / 10_000.0;
    return new Weights(version, w[0], w[1], w[2], w[3], w[4], w[5]);
  }

  private static double sigmoid(double z) {
    if (z >= 0) {
      return 1 / (1 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1 + e);
  }
}
