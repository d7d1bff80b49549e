package io.garagematch.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

class SearchIndexTest {

  @Test
  void anEntryIsFoundByItsConceptsAndItsWords() {
    try (ScoringFixture fixture = new ScoringFixture()) {
      SearchIndex<AnalysedStartup> index = fixture.startups();

      assertThat(ids(index, new Term(SearchIndex.CONCEPT, "solid-state-battery")))
          .containsExactly("en-ssb");
      assertThat(ids(index, new Term(SearchIndex.field(ScoringFixture.LIDAR.language()), "lidar")))
          .containsExactly("de-lidar");
    }
  }

  @Test
  void aRemovedEntryIsGoneAtOnceAndFromSearchesAfterTheRefresh() {
    try (ScoringFixture fixture = new ScoringFixture()) {
      SearchIndex<AnalysedStartup> index = fixture.startups();
      int indexed = index.size();

      index.remove("de-lidar");

      assertThat(index.get("de-lidar")).isNull();
      assertThat(index.size()).isEqualTo(indexed - 1);
      assertThat(index.withReader(IndexReader::numDocs)).isEqualTo(indexed);
      index.refresh();
      assertThat(index.withReader(IndexReader::numDocs)).isEqualTo(indexed - 1);
    }
  }

  private static List<String> ids(SearchIndex<AnalysedStartup> index, Term term) {
    return index.withSearcher(
        searcher ->
            index.find(searcher, new TermQuery(term), 10).stream()
                .map(AnalysedStartup::id)
                .toList());
  }
}
