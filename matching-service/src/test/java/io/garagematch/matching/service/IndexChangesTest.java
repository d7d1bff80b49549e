package io.garagematch.matching.service;

import static io.garagematch.matching.service.IndexChanges.ERASED;
import static io.garagematch.matching.service.IndexChanges.needPut;
import static io.garagematch.matching.service.IndexChanges.needRemoved;
import static io.garagematch.matching.service.IndexChanges.startupPut;
import static io.garagematch.matching.service.IndexChanges.startupRemoved;
import static org.assertj.core.api.Assertions.assertThat;

import io.garagematch.contracts.taxonomy.FundingStage;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import io.garagematch.matching.domain.Matcher;
import io.garagematch.matching.domain.Need;
import io.garagematch.matching.domain.Startup;
import io.garagematch.matching.domain.Thesaurus;
import io.garagematch.matching.domain.Weights;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Committing threads run their after-commit work in any order: per row, the index keeps the change
 * of the later commit (the higher version), whichever is applied first.
 */
class IndexChangesTest {

  static Matcher matcher;
  static IndexChanges changes;

  @BeforeAll
  static void start() throws Exception {
    matcher = new Matcher(Thesaurus.load(null));
    changes =
        new IndexChanges(
            null,
            new MatcherHolder(null, null, Optional.empty(), Optional.empty()) {
              @Override
              public Matcher matcher() {
                return matcher;
              }
            },
            null);
  }

  @AfterAll
  static void close() {
    matcher.close();
  }

  static Startup startup(String id, int trl) {
    return new Startup(
        id,
        Language.EN,
        "Ionic Forge",
        "Solid-state battery cells for electric vehicles.",
        "All-solid-state cells at 420 Wh/kg.",
        List.of("solid-state battery"),
        Set.of(InnovationField.ELECTRIFICATION),
        trl,
        FundingStage.SEED,
        "DE");
  }

  static Need need(String id, String title) {
    return new Need(
        id,
        Language.EN,
        title,
        "Solid-state cells above 400 Wh/kg.",
        List.of("solid-state battery"),
        Set.of(InnovationField.ELECTRIFICATION),
        4,
        null,
        null,
        null,
        null);
  }

  @Test
  void aLaterVersionAppliedBeforeAnEarlierOneStaysInTheIndex() {
    changes.apply(List.of(startupPut(startup("s-late", 6), 2)));
    changes.apply(List.of(startupPut(startup("s-late", 5), 1)));

    assertThat(matcher.startup("s-late")).isEqualTo(startup("s-late", 6));
  }

  @Test
  void changesAppliedInCommitOrderEachReplaceTheLast() {
    changes.apply(List.of(startupPut(startup("s-ordered", 5), 1)));
    changes.apply(List.of(startupPut(startup("s-ordered", 6), 2)));
    changes.apply(List.of(startupRemoved("s-ordered", 3)));
    changes.apply(List.of(startupPut(startup("s-ordered", 7), 4)));

    assertThat(matcher.startup("s-ordered")).isEqualTo(startup("s-ordered", 7));
  }

  @Test
  void anErasureIsNotUndoneByAnEarlierChangeAppliedAfterIt() {
    changes.apply(List.of(startupPut(startup("s-erased", 5), 1)));
    changes.apply(List.of(startupRemoved("s-erased", ERASED)));
    changes.apply(List.of(startupPut(startup("s-erased", 6), 2)));

    assertThat(matcher.startup("s-erased")).isNull();
  }

  @Test
  void aClosedNeedIsNotReopenedByItsOpeningAppliedLate() {
    changes.apply(List.of(needRemoved("n-closed", 2)));
    changes.apply(List.of(needPut(need("n-closed", "Solid-state cells"), 1)));

    assertThat(matcher.need("n-closed")).isNull();
  }

  static Need weighed(Need n, Weights w) {
    return new Need(
        n.id(),
        n.language(),
        n.title(),
        n.problemStatement(),
        n.keywords(),
        n.innovationFields(),
        n.minTrl(),
        n.maxTrl(),
        n.fundingStages(),
        n.regions(),
        w);
  }

  @Test
  void aPromotionReweighsANeedAtTheSameVersionAndALaterVersionOutranksIt() {
    Weights learned = new Weights("bu-x-learned-1", 0, 1, 0, 0, 0, 0);
    Need plain = need("n-weighed", "Solid-state cells");
    changes.apply(List.of(needPut(plain, IndexChanges.needOrder(3, 0))));
    changes.apply(List.of(needPut(weighed(plain, learned), IndexChanges.needOrder(3, 1))));

    assertThat(matcher.need("n-weighed").weights()).isEqualTo(learned);

    // the re-weighing of version 3 arriving after version 4 (already with the learned weights)
    Need updated = weighed(need("n-weighed", "Solid-state cells, updated"), learned);
    changes.apply(List.of(needPut(updated, IndexChanges.needOrder(4, 1))));
    changes.apply(List.of(needPut(plain, IndexChanges.needOrder(3, 1))));

    assertThat(matcher.need("n-weighed")).isEqualTo(updated);
  }
}
