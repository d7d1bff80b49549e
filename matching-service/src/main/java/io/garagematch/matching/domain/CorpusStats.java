package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * Corpus statistics of the startups' index, for BM25 and concept rarity: idf by field and term,
 * average lengths, and each need's query weighted by idf. Looking them up in the index for every
 * pair costs more than the scoring itself, so they are cached in a {@link Cache} shared by all
 * rankings.
 */
final class CorpusStats {

  /**
   * The cached statistics, one generation at a time. A new generation starts when the number of
   * startups has moved by more than 5% (at least 50) since it began: an idf then differs from the
   * exact one by at most ln(1.05) ≈ 0.05 (about 1% of a typical idf of 3 to 7). Each generation
   * looks up every need's terms in the index again, which under a stream of new startups was a
   * fifth of the service's CPU when generations were 1% apart (docs/performance.md).
   */
  static final class Cache {
    private Generation generation = new Generation();
    private long docs = -1;

    /** The statistics of the startups {@code reader} holds. */
    CorpusStats of(IndexReader reader) {
      return new CorpusStats(reader, current(reader.numDocs()));
    }

    private synchronized Generation current(long numDocs) {
      if (Math.abs(numDocs - docs) > Math.max(50, docs / 20)) {
        generation = new Generation();
        docs = numDocs;
      }
      return generation;
    }
  }

  /** One generation of cached statistics: values by field, then by term. */
  private static final class Generation {
    final Map<String, Map<String, Double>> idf = new ConcurrentHashMap<>();
    final Map<String, Double> averageLength = new ConcurrentHashMap<>();
  }

  /**
   * A need's query weighted by idf (weight × idf per term and language) and its best possible text
   * score per language, kept with the need for one generation.
   */
  static final class WeightedQuery {
    private record Values(Object generation, double[] bound, List<Map<String, Double>> weighted) {}

    private volatile Values values = new Values(null, null, null);
  }

  private final IndexReader reader;
  private final Generation cache;

  private CorpusStats(IndexReader reader, Generation cache) {
    this.reader = reader;
    this.cache = cache;
  }

  /** Lucene's BM25 idf: ln(1 + (N − df + 0.5) / (df + 0.5)), N the documents of the field. */
  static double idf(long docs, long df) {
    return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
  }

  double averageLength(String field) {
    Double value = cache.averageLength.get(field);
    if (value == null) {
      try {
        int docs = reader.getDocCount(field);
        value = docs == 0 ? 1 : (double) reader.getSumTotalTermFreq(field) / docs;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      cache.averageLength.put(field, value);
    }
    return value;
  }

  /** The BM25 idf of {@code term} in {@code field}, over the documents that have the field. */
  double idf(String field, String term) {
    Map<String, Double> byTerm = cache.idf.computeIfAbsent(field, f -> new ConcurrentHashMap<>());
    Double value = byTerm.get(term);
    if (value == null) {
      try {
        long n =
            Math.max(
                1,
                SearchIndex.CONCEPT.equals(field) ? reader.numDocs() : reader.getDocCount(field));
        value = idf(n, reader.docFreq(new Term(field, term)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      byTerm.put(term, value);
    }
    return value;
  }

  /** How rare a concept is among startups, as a BM25-style idf over all startups. */
  double conceptIdf(String concept) {
    return idf(SearchIndex.CONCEPT, concept);
  }

  /**
   * The best text score the need's query can reach in each language (Σ weight × idf), indexed by
   * {@link Language#ordinal()}.
   */
  double[] textBound(AnalysedNeed need) {
    return queryValues(need).bound();
  }

  /** The need's query terms in {@code language}, each with its weight × idf. */
  Map<String, Double> weightedQuery(AnalysedNeed need, Language language) {
    return queryValues(need).weighted().get(language.ordinal());
  }

  private WeightedQuery.Values queryValues(AnalysedNeed need) {
    WeightedQuery.Values cached = need.weightedQuery().values;
    if (cached.generation() == cache) {
      return cached;
    }
    double[] bound = new double[Language.values().length];
    List<Map<String, Double>> weighted = new ArrayList<>();
    for (Language language : Language.values()) {
      String field = SearchIndex.field(language);
      Map<String, Double> terms = new HashMap<>();
      for (Map.Entry<String, Double> q :
          need.queryTerms().getOrDefault(language, Map.of()).entrySet()) {
        double w = q.getValue() * idf(field, q.getKey());
        terms.put(q.getKey(), w);
        bound[language.ordinal()] += w;
      }
      weighted.add(terms);
    }
    WeightedQuery.Values values = new WeightedQuery.Values(cache, bound, weighted);
    need.weightedQuery().values = values;
    return values;
  }
}
