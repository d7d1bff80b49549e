package io.garagematch.matching.service;

import io.garagematch.matching.domain.Dictionaries;
import io.garagematch.matching.domain.Matcher;
import io.garagematch.matching.domain.Thesaurus;
import io.garagematch.matching.repository.NeedRepository;
import io.garagematch.matching.repository.StartupRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's matcher. Its indexes are derived state: rebuilt from the database (open needs,
 * active startups) at start, then kept fresh by every committed change ({@link IndexChanges}).
 */
@ApplicationScoped
public class MatcherHolder {

  private static final Logger LOG = Logger.getLogger(MatcherHolder.class);

  private final NeedRepository needs;
  private final StartupRepository startups;
  private final Optional<Path> extraThesaurus;
  private final Optional<Path> dictionaries;
  private Matcher matcher;

  public MatcherHolder(
      NeedRepository needs,
      StartupRepository startups,
      @ConfigProperty(name = "garagematch.matching.thesaurus-dir") Optional<Path> extraThesaurus,
      @ConfigProperty(name = "garagematch.matching.dictionaries-dir") Optional<Path> dictionaries) {
    this.needs = needs;
    this.startups = startups;
    this.extraThesaurus = extraThesaurus;
    this.dictionaries = dictionaries;
  }

  @Transactional
  void rebuild(@Observes StartupEvent event, WeightsInForce weights) throws IOException {
    long start = System.nanoTime();
    matcher =
        new Matcher(
            Thesaurus.load(extraThesaurus.orElse(null)),
            dictionaries.map(Dictionaries::load).orElseGet(Dictionaries::shipped));
    matcher.putStartups(startups.active().stream().map(s -> s.profile.toStartup()).toList());
    matcher.putNeeds(weights.needs(needs.open()));
    LOG.infof(
        "matcher ready: %d concepts, %d startups, %d open needs in %d ms",
        matcher.thesaurus().size(),
        matcher.startupCount(),
        matcher.needCount(),
        (System.nanoTime() - start) / 1_000_000);
  }

  void close(@Observes ShutdownEvent event) {
    if (matcher != null) {
      matcher.close();
    }
  }

  public Matcher matcher() {
    return matcher;
  }
}
