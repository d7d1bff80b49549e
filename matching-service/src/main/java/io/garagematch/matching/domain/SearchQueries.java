package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.Language;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The queries that retrieve candidates: a need as a query on the startups, a startup as a query on
 * the needs. They only select; exact scoring of the candidates still counts every term.
 */
final class SearchQueries {

  private static final int MAX_QUERY_TERMS = 32;
  private static final int PRUNE_FROM_DOCS = 1_000;
  private static final double COMMON_SHARE = 0.10;

  private SearchQueries() {}

  /** How many candidates a ranking of at most {@code limit} retrieves. */
  static int candidates(int limit) {
    return Math.max(100, limit * 3);
  }

  /** The need as a query on the startups: per language its most selective terms, its concepts. */
  static Query forStartups(AnalysedNeed n, IndexReader startups) throws IOException {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    for (Map.Entry<Language, Map<String, Double>> terms : n.queryTerms().entrySet()) {
      addSelective(q, startups, SearchIndex.field(terms.getKey()), terms.getValue());
    }
    addConcepts(q, n.concepts().keySet());
    return q.build();
  }

  /**
   * The startup as a query on the needs: its most selective terms (tf × idf; no stop words) among
   * the needs' own words in its language and among the other needs' terms translated into it, its
   * concepts.
   */
  static Query forNeeds(AnalysedStartup s, IndexReader needs) throws IOException {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    Map<String, Double> terms = new HashMap<>();
    Language language = s.startup().language();
    s.termFreqs()
        .forEach(
            (term, tf) -> {
              if (!StopWords.in(language, term)) {
                terms.put(term, 1 + Math.log(tf));
              }
            });
    addSelective(q, needs, SearchIndex.field(language), terms);
    addSelective(q, needs, SearchIndex.translatedField(language), terms);
    addConcepts(q, s.concepts().keySet());
    return q.build();
  }

  /**
   * Adds the {@link #MAX_QUERY_TERMS} terms with the highest weight × idf. In a large index (at
   * least {@link #PRUNE_FROM_DOCS} documents) terms found in more than {@link #COMMON_SHARE} of the
   * documents are left out: they select nothing and dominate the search time.
   */
  private static void addSelective(
      BooleanQuery.Builder q, IndexReader reader, String field, Map<String, Double> weighted)
      throws IOException {
    long docs = reader.getDocCount(field);
    record Weighted(String term, double weight, double value) {}
    List<Weighted> ranked = new ArrayList<>(weighted.size());
    for (Map.Entry<String, Double> t : weighted.entrySet()) {
      int df = reader.docFreq(new Term(field, t.getKey()));
      if (df == 0 || (docs >= PRUNE_FROM_DOCS && df > COMMON_SHARE * docs)) {
        continue;
      }
      ranked.add(new Weighted(t.getKey(), t.getValue(), t.getValue() * CorpusStats.idf(docs, df)));
    }
    ranked.sort(Comparator.comparingDouble(Weighted::value).reversed());
    for (Weighted t : ranked.subList(0, Math.min(MAX_QUERY_TERMS, ranked.size()))) {
      q.add(
          new BoostQuery(new TermQuery(new Term(field, t.term())), (float) t.weight()),
          BooleanClause.Occur.SHOULD);
    }
  }

  private static void addConcepts(BooleanQuery.Builder q, Set<String> concepts) {
    concepts.stream()
        .limit(MAX_QUERY_TERMS)
        .forEach(
            c ->
                q.add(
                    new BoostQuery(new TermQuery(new Term(SearchIndex.CONCEPT, c)), 3f),
                    BooleanClause.Occur.SHOULD));
  }
}
