package io.garagematch.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.garagematch.platform.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  record Item(Instant at, UUID id) {}

  record ItemPage(List<Item> items, String nextCursor) {}

  private static PageRequest paging(int limit, String cursor) {
    PageRequest paging = new PageRequest();
    paging.limit = limit;
    paging.cursor = cursor;
    return paging;
  }

  private static List<Item> items(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> new Item(Instant.EPOCH.plusSeconds(i), UUID.randomUUID()))
        .toList();
  }

  @Test
  void readsOneMoreThanThePageHolds() {
    assertThat(paging(50, null).fetchSize()).isEqualTo(51);
  }

  @Test
  void aFullerReadGivesTheCursorAfterTheLastItemOfThePage() {
    List<Item> fetched = items(3);

    ItemPage page = paging(2, null).page(fetched, i -> new Cursor(i.at(), i.id()), ItemPage::new);

    assertThat(page.items()).containsExactly(fetched.get(0), fetched.get(1));
    assertThat(paging(2, page.nextCursor()).after())
        .isEqualTo(new Cursor(fetched.get(1).at(), fetched.get(1).id()));
  }

  @Test
  void theLastPageHasNoCursor() {
    ItemPage page = paging(2, null).page(items(2), i -> new Cursor(i.at(), i.id()), ItemPage::new);

    assertThat(page.items()).hasSize(2);
    assertThat(page.nextCursor()).isNull();
  }

  @Test
  void theFirstPageStartsAtTheBeginningAndAForeignCursorIsRefused() {
    assertThat(paging(50, null).after()).isNull();
    assertThatThrownBy(() -> paging(50, "not-a-cursor").after())
        .isInstanceOf(ProblemException.class)
        .extracting(e -> ((ProblemException) e).problem().violations().get(0).field())
        .isEqualTo("cursor");
  }
}
