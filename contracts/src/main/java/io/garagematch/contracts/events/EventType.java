package io.garagematch.contracts.events;

import java.util.Objects;

/**
 * One kind of event: the topic it travels on, its CloudEvents type and the record of its data. The
 * producer's contract class (e.g. {@code MatchContract}) declares its kinds as constants; this is
 * the one place a CloudEvents type is written, as {@code io.garagematch.<aggregate>.<change>.v1}.
 *
 * @param topic the Kafka topic
 * @param aggregate what changed: {@code application}, {@code match}, ...
 * @param change how: {@code submitted}, {@code pilot-overdue}, ...
 * @param dataType the record its data is read into and written from
 * @param <T> the data's type
 */
public record EventType<T>(String topic, String aggregate, String change, Class<T> dataType) {

  private static final String PREFIX = "io.garagematch.";
  private static final String VERSION = ".v1";

  public EventType {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(aggregate, "aggregate");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(dataType, "dataType");
  }

  /**
   * The short name, as subscriptions and the schemas in docs/events name it: {@code
   * match.proposed}.
   */
  public String name() {
    return aggregate + "." + change;
  }

  /** The CloudEvents type ({@code ce_type}): {@code io.garagematch.match.proposed.v1}. */
  public String type() {
    return PREFIX + name() + VERSION;
  }

  /** Whether {@code ceType} is this kind's CloudEvents type. */
  public boolean is(String ceType) {
    return type().equals(ceType);
  }

  @Override
  public String toString() {
    return type();
  }
}
