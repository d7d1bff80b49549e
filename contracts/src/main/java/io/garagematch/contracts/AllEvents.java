package io.garagematch.contracts;

import io.garagematch.contracts.application.ApplicationContract;
import io.garagematch.contracts.erasure.ErasureContract;
import io.garagematch.contracts.events.EventType;
import io.garagematch.contracts.expert.ExpertContract;
import io.garagematch.contracts.match.MatchContract;
import io.garagematch.contracts.need.NeedContract;
import java.util.List;
import java.util.stream.Stream;

/** Every kind of event the suite publishes, from all producers' contracts. */
public final class AllEvents {

  public static final List<EventType<?>> ALL =
      Stream.of(
              ApplicationContract.ALL,
              MatchContract.ALL,
              NeedContract.ALL,
              ExpertContract.ALL,
              List.<EventType<?>>of(ErasureContract.COMPLETED))
          .flatMap(List::stream)
          .toList();

  private AllEvents() {}

  /**
   * The kind of a short name ({@code match.proposed}) or CloudEvents type ({@code
   * io.garagematch.match.proposed.v1}).
   *
   * @throws IllegalArgumentException when no contract has it
   */
  public static EventType<?> named(String name) {
    return ALL.stream()
        .filter(k -> k.name().equals(name) || k.type().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no event is named " + name));
  }
}
