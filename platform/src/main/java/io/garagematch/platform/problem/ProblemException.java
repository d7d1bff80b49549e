package io.garagematch.platform.problem;

/** A failure the caller can act on; mapped to its {@link Problem} as is. */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ProblemException notFound(String what) {
    return new ProblemException(
        Problem.of(404, "not-found", "Not found", what + " does not exist"));
  }
}
