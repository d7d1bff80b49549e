package io.garagematch.matching.domain;

import io.garagematch.platform.taxonomy.InnovationField;
import io.garagematch.platform.taxonomy.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The matcher: keeps every active startup and open need analysed and indexed (Lucene, BM25), and
 * scores pairs exactly and explainably with {@link PairScorer}. Ranking retrieves candidates
 * through the index and scores only those, never every pair.
 *
 * <p>Plain Java: no framework. Writes are serialised; reads run in parallel.
 */
public final class Matcher implements AutoCloseable {

  static final String ID = "id";
  static final String CONCEPT = "concept";
  private static final int MAX_QUERY_TERMS = 48;

  private final Thesaurus thesaurus;
  private final TextAnalysis analysis;
  private final ConceptTagger tagger;
  private final Side startups;
  private final Side needs;
  private final Map<String, AnalysedStartup> startupProfiles = new ConcurrentHashMap<>();
  private final Map<String, AnalysedNeed> needProfiles = new ConcurrentHashMap<>();

  public Matcher(Thesaurus thesaurus) {
    this.thesaurus = thesaurus;
    this.analysis = new TextAnalysis(ConceptTagger.germanWordParts(thesaurus));
    this.tagger = new ConceptTagger(thesaurus, analysis);
    this.startups = new Side(analysis);
    this.needs = new Side(analysis);
  }

  public Thesaurus thesaurus() {
    return thesaurus;
  }

  /** A startup's analysed text: term frequencies for BM25 and the concepts found. */
  record AnalysedStartup(
      Startup startup,
      Map<String, Integer> termFreqs,
      int length,
      Map<String, Set<String>> concepts,
      Set<InnovationField> revealedFields) {}

  /**
   * A need's analysed text: weighted query terms per language (its own words in its language, its
   * concepts' terms in the others) and its concepts with their weight.
   */
  record AnalysedNeed(
      Need need,
      Map<Language, Map<String, Double>> queryTerms,
      Map<String, Set<String>> concepts,
      Map<String, Double> conceptBoost) {}

  public synchronized void putStartup(Startup s) {
    startups.put(s.id(), index(s));
    startups.refresh();
  }

  /** Puts many startups with one index refresh: for the rebuild at start. */
  public synchronized void putStartups(java.util.Collection<Startup> all) {
    for (Startup s : all) {
      startups.put(s.id(), index(s));
    }
    startups.refresh();
  }

  /** Puts many needs with one index refresh: for the rebuild at start. */
  public synchronized void putNeeds(java.util.Collection<Need> all) {
    for (Need n : all) {
      needs.put(n.id(), index(n));
    }
    needs.refresh();
  }

  private Document index(Startup s) {
    String text = s.text();
    List<String> tokens = analysis.indexTokens(s.language(), text);
    Map<String, Integer> tf = new HashMap<>();
    tokens.forEach(t -> tf.merge(t, 1, Integer::sum));
    Map<String, Set<String>> concepts = tagger.tag(s.language(), text);
    Set<InnovationField> revealed = java.util.EnumSet.noneOf(InnovationField.class);
    concepts.keySet().forEach(c -> revealed.addAll(thesaurus.concept(c).fields()));
    startupProfiles.put(s.id(), new AnalysedStartup(s, tf, tokens.size(), concepts, revealed));
    Document doc = new Document();
    doc.add(new StringField(ID, s.id(), Field.Store.NO));
    doc.add(
        new org.apache.lucene.document.BinaryDocValuesField(
            ID, new org.apache.lucene.util.BytesRef(s.id())));
    doc.add(new TextField(field(s.language()), text, Field.Store.NO));
    concepts.keySet().forEach(c -> doc.add(new StringField(CONCEPT, c, Field.Store.NO)));
    return doc;
  }

  public synchronized void removeStartup(String id) {
    startupProfiles.remove(id);
    startups.remove(id);
    startups.refresh();
  }

  public synchronized void putNeed(Need n) {
    needs.put(n.id(), index(n));
    needs.refresh();
  }

  private Document index(Need n) {
    AnalysedNeed analysed = analyse(n);
    needProfiles.put(n.id(), analysed);
    Document doc = new Document();
    doc.add(new StringField(ID, n.id(), Field.Store.NO));
    doc.add(
        new org.apache.lucene.document.BinaryDocValuesField(
            ID, new org.apache.lucene.util.BytesRef(n.id())));
    doc.add(new TextField(field(n.language()), needText(n), Field.Store.NO));
    analysed.concepts().keySet().forEach(c -> doc.add(new StringField(CONCEPT, c, Field.Store.NO)));
    return doc;
  }

  public synchronized void removeNeed(String id) {
    needProfiles.remove(id);
    needs.remove(id);
    needs.refresh();
  }

  /** The startup as last put, or null. */
  public Startup startup(String id) {
    AnalysedStartup s = startupProfiles.get(id);
    return s == null ? null : s.startup();
  }

  public int startupCount() {
    return startupProfiles.size();
  }

  public int needCount() {
    return needProfiles.size();
  }

  /**
   * The startups that pass the need's hard filters, best first, at most {@code limit}: candidates
   * come from the index (shared words or concepts), then each is scored exactly.
   */
  public List<MatchResult> rankStartups(Need need, int limit) {
    AnalysedNeed n =
        needProfiles.containsKey(need.id()) && needProfiles.get(need.id()).need().equals(need)
            ? needProfiles.get(need.id())
            : analyse(need);
    List<String> candidates = startups.search(startupQuery(n), Math.max(100, limit * 3));
    return startups.withReader(
        reader -> {
          List<AnalysedStartup> found =
              candidates.stream()
                  .map(startupProfiles::get)
                  .filter(java.util.Objects::nonNull)
                  .toList();
          return best(new PairScorer(thesaurus, stats(reader)), List.of(n), found, limit);
        });
  }

  /** The open needs this startup passes and touches, best first (candidates from the index). */
  public List<MatchResult> rankNeeds(Startup startup, int limit) {
    AnalysedStartup s = startupProfiles.get(startup.id());
    if (s == null || !s.startup().equals(startup)) {
      throw new IllegalArgumentException("put the startup into the matcher before ranking it");
    }
    List<String> candidates = needs.search(needQuery(s), Math.max(100, limit * 3));
    return startups.withReader(
        reader -> {
          List<AnalysedNeed> found =
              candidates.stream()
                  .map(needProfiles::get)
                  .filter(java.util.Objects::nonNull)
                  .toList();
          return best(new PairScorer(thesaurus, stats(reader)), found, List.of(s), limit);
        });
  }

  /** Scores one pair exactly (both must be in the matcher); the reference for brute force. */
  public MatchResult score(String needId, String startupId) {
    AnalysedNeed n = needProfiles.get(needId);
    AnalysedStartup s = startupProfiles.get(startupId);
    if (n == null || s == null) {
      throw new IllegalArgumentException("unknown need or startup");
    }
    return startups.withReader(reader -> new PairScorer(thesaurus, stats(reader)).score(n, s));
  }

  /** Every startup against {@code need}, pair by pair, without the index: for comparison only. */
  public List<MatchResult> rankStartupsBruteForce(Need need, int limit) {
    return explainEvery(List.of(analyse(need)), List.copyOf(startupProfiles.values()), limit);
  }

  /**
   * Every open need against {@code startup}, pair by pair, without the index: for comparison only.
   */
  public List<MatchResult> rankNeedsBruteForce(String startupId, int limit) {
    return explainEvery(
        List.copyOf(needProfiles.values()), List.of(startupProfiles.get(startupId)), limit);
  }

  /**
   * Scores and explains every pair, then keeps the best passing ones: the brute-force reference.
   */
  private List<MatchResult> explainEvery(
      List<AnalysedNeed> needs, List<AnalysedStartup> candidates, int limit) {
    return startups.withReader(
        reader -> {
          PairScorer scorer = new PairScorer(thesaurus, stats(reader));
          return needs.stream()
              .flatMap(n -> candidates.stream().map(s -> scorer.score(n, s)))
              .filter(MatchResult::passed)
              .sorted(BEST_FIRST)
              .limit(limit)
              .toList();
        });
  }

  /**
   * Scores every pair quickly (no evidence), keeps those passing the hard filters, and explains
   * only the best {@code limit}: the same scores, a fraction of the work.
   */
  private static List<MatchResult> best(
      PairScorer scorer, List<AnalysedNeed> needs, List<AnalysedStartup> startups, int limit) {
    record Quick(AnalysedNeed need, AnalysedStartup startup, double score) {}
    List<Quick> quick = new ArrayList<>();
    for (AnalysedNeed n : needs) {
      for (AnalysedStartup s : startups) {
        if (PairScorer.passes(n.need(), s.startup())) {
          quick.add(new Quick(n, s, scorer.quickScore(n, s)));
        }
      }
    }
    return quick.stream()
        .sorted(
            Comparator.comparingDouble(Quick::score)
                .reversed()
                .thenComparing(q -> q.startup().startup().id())
                .thenComparing(q -> q.need().need().id()))
        .limit(limit)
        .map(q -> scorer.score(q.need(), q.startup()))
        .sorted(BEST_FIRST)
        .toList();
  }

  static final Comparator<MatchResult> BEST_FIRST =
      Comparator.comparingDouble(MatchResult::score)
          .reversed()
          .thenComparing(MatchResult::startupId);

  private AnalysedNeed analyse(Need n) {
    Map<String, Double> own = new LinkedHashMap<>();
    addTerms(own, analysis.indexTokens(n.language(), n.title()), 1.5);
    addTerms(own, analysis.indexTokens(n.language(), n.problemStatement()), 1.0);
    for (String k : n.keywords()) {
      addTerms(own, analysis.indexTokens(n.language(), k), 2.0);
    }
    Map<String, Set<String>> concepts = tagger.tag(n.language(), needText(n));
    Set<String> prominent = new LinkedHashSet<>(tagger.tag(n.language(), n.title()).keySet());
    for (String k : n.keywords()) {
      prominent.addAll(tagger.tag(n.language(), k).keySet());
    }
    Map<String, Double> boost = new LinkedHashMap<>();
    concepts.keySet().forEach(c -> boost.put(c, prominent.contains(c) ? 1.5 : 1.0));
    Map<Language, Map<String, Double>> query = new EnumMap<>(Language.class);
    query.put(n.language(), own);
    for (Language other : Language.values()) {
      if (other == n.language()) {
        continue;
      }
      Map<String, Double> translated = new LinkedHashMap<>();
      for (String c : concepts.keySet()) {
        for (String term : thesaurus.concept(c).terms().getOrDefault(other, List.of())) {
          addTerms(translated, analysis.indexTokens(other, term), boost.get(c));
        }
      }
      query.put(other, translated);
    }
    return new AnalysedNeed(n, query, concepts, boost);
  }

  private static void addTerms(Map<String, Double> terms, List<String> tokens, double weight) {
    for (String t : tokens) {
      terms.merge(t, weight, (a, b) -> Math.min(3.0, Math.max(a, b) + 0.5 * Math.min(a, b)));
    }
  }

  private static String needText(Need n) {
    return String.join(
        "\n",
        n.title(),
        n.problemStatement() == null ? "" : n.problemStatement(),
        String.join("; ", n.keywords()));
  }

  static String field(Language language) {
    return "text_" + language.name().toLowerCase(java.util.Locale.ROOT);
  }

  private Query startupQuery(AnalysedNeed n) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    n.queryTerms()
        .forEach(
            (language, terms) ->
                terms.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(MAX_QUERY_TERMS)
                    .forEach(
                        t ->
                            q.add(
                                new BoostQuery(
                                    new TermQuery(new Term(field(language), t.getKey())),
                                    t.getValue().floatValue()),
                                BooleanClause.Occur.SHOULD)));
    n.concepts().keySet().stream()
        .limit(MAX_QUERY_TERMS)
        .forEach(
            c ->
                q.add(
                    new BoostQuery(new TermQuery(new Term(CONCEPT, c)), 3f),
                    BooleanClause.Occur.SHOULD));
    return q.build();
  }

  private Query needQuery(AnalysedStartup s) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    s.termFreqs().entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(MAX_QUERY_TERMS)
        .forEach(
            t ->
                q.add(
                    new TermQuery(new Term(field(s.startup().language()), t.getKey())),
                    BooleanClause.Occur.SHOULD));
    s.concepts().keySet().stream()
        .limit(MAX_QUERY_TERMS)
        .forEach(
            c ->
                q.add(
                    new BoostQuery(new TermQuery(new Term(CONCEPT, c)), 3f),
                    BooleanClause.Occur.SHOULD));
    return q.build();
  }

  @Override
  public void close() {
    startups.close();
    needs.close();
    analysis.close();
  }

  /**
   * idf values by field and term, shared by all rankings: looking them up in the index for every
   * pair costs more than the scoring itself. Cleared when the number of startups has moved by more
   * than 1% since they were computed, so they stay within a hair of the exact value.
   */
  private final IdfCache idfCache = new IdfCache();

  private CorpusStats stats(IndexReader reader) {
    return new CorpusStats(reader, idfCache.current(reader.numDocs()));
  }

  private static final class IdfCache {
    private Map<String, Double> values = new ConcurrentHashMap<>();
    private long docs = -1;

    synchronized Map<String, Double> current(long numDocs) {
      if (Math.abs(numDocs - docs) > Math.max(10, docs / 100)) {
        values = new ConcurrentHashMap<>();
        docs = numDocs;
      }
      return values;
    }
  }

  /** Corpus statistics of the startups' text fields, for BM25 and concept rarity. */
  static final class CorpusStats {
    private final IndexReader reader;
    private final Map<String, Double> idf;

    CorpusStats(IndexReader reader, Map<String, Double> idf) {
      this.reader = reader;
      this.idf = idf;
    }

    /** A value derived from the statistics, computed once per cache generation. */
    double cached(String key, java.util.function.DoubleSupplier compute) {
      Double value = idf.get(key);
      if (value == null) {
        value = compute.getAsDouble(); // may itself look up cached values: not inside compute()
        idf.putIfAbsent(key, value);
      }
      return value;
    }

    int docCount(String field) {
      try {
        return reader.getDocCount(field);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    double averageLength(String field) {
      return cached(
          "avgdl\u0000" + field,
          () -> {
            try {
              int docs = reader.getDocCount(field);
              return docs == 0 ? 1 : (double) reader.getSumTotalTermFreq(field) / docs;
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }

    /** Lucene's BM25 idf: ln(1 + (N − df + 0.5) / (df + 0.5)), N the documents of the field. */
    double idf(String field, String term) {
      return cached(
          field + '\u0000' + term,
          () -> {
            try {
              long n = Math.max(1, reader.getDocCount(field));
              long df = reader.docFreq(new Term(field, term));
              return Math.log(1 + (n - df + 0.5) / (df + 0.5));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }

    /** How rare a concept is among startups, as a BM25-style idf over all startups. */
    double conceptIdf(String concept) {
      return cached(
          CONCEPT + '\u0000' + concept,
          () -> {
            try {
              long n = Math.max(1, reader.numDocs());
              long df = reader.docFreq(new Term(CONCEPT, concept));
              return Math.log(1 + (n - df + 0.5) / (df + 0.5));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }

  /** One Lucene index (startups or needs) kept fresh for near-real-time search. */
  private static final class Side implements AutoCloseable {
    private final IndexWriter writer;
    private final SearcherManager searchers;

    Side(TextAnalysis analysis) {
      Map<String, Analyzer> perField = new HashMap<>();
      for (Language l : Language.values()) {
        perField.put(field(l), analysis.indexAnalyzer(l));
      }
      try {
        writer =
            new IndexWriter(
                new ByteBuffersDirectory(),
                new IndexWriterConfig(
                    new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField)));
        searchers = new SearcherManager(writer, null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void put(String id, Document doc) {
      try {
        writer.updateDocument(new Term(ID, id), doc);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void remove(String id) {
      try {
        writer.deleteDocuments(new Term(ID, id));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Makes the changes so far visible to searches. */
    void refresh() {
      try {
        searchers.maybeRefreshBlocking();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The ids of the best {@code n} hits, read from doc values (no stored-field decompression). */
    List<String> search(Query query, int n) {
      return withSearcher(
          searcher -> {
            ScoreDoc[] hits = searcher.search(query, n).scoreDocs;
            Arrays.sort(hits, Comparator.comparingInt(h -> h.doc));
            List<org.apache.lucene.index.LeafReaderContext> leaves =
                searcher.getIndexReader().leaves();
            List<String> ids = new ArrayList<>(hits.length);
            int leaf = -1;
            org.apache.lucene.index.BinaryDocValues values = null;
            for (ScoreDoc hit : hits) {
              int index = org.apache.lucene.index.ReaderUtil.subIndex(hit.doc, leaves);
              if (index != leaf) {
                leaf = index;
                values = leaves.get(leaf).reader().getBinaryDocValues(ID);
              }
              if (values != null && values.advanceExact(hit.doc - leaves.get(leaf).docBase)) {
                ids.add(values.binaryValue().utf8ToString());
              }
            }
            return ids;
          });
    }

    <T> T withReader(ReaderFunction<T> f) {
      return withSearcher(searcher -> f.apply(searcher.getIndexReader()));
    }

    private <T> T withSearcher(SearcherFunction<T> f) {
      try {
        IndexSearcher searcher = searchers.acquire();
        try {
          return f.apply(searcher);
        } finally {
          searchers.release(searcher);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        searchers.close();
        writer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @FunctionalInterface
  interface ReaderFunction<T> {
    T apply(IndexReader reader) throws IOException;
  }

  @FunctionalInterface
  interface SearcherFunction<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  /** Fields related to each other earn partial credit in the fields component. */
  static final Map<InnovationField, Set<InnovationField>> RELATED_FIELDS = relatedFields();

  private static Map<InnovationField, Set<InnovationField>> relatedFields() {
    Map<InnovationField, Set<InnovationField>> m = new EnumMap<>(InnovationField.class);
    relate(m, InnovationField.AUTOMATED_DRIVING, InnovationField.ARTIFICIAL_INTELLIGENCE);
    relate(m, InnovationField.AUTOMATED_DRIVING, InnovationField.NEXT_GEN_VEHICLES);
    relate(m, InnovationField.SMART_CONNECTIVITY, InnovationField.IOT);
    relate(m, InnovationField.SMART_CONNECTIVITY, InnovationField.NEXT_GEN_VEHICLES);
    relate(m, InnovationField.CLOUD_COMPUTING, InnovationField.DIGITALIZATION);
    relate(m, InnovationField.CLOUD_COMPUTING, InnovationField.ARTIFICIAL_INTELLIGENCE);
    relate(m, InnovationField.DIGITAL_RETAIL, InnovationField.DIGITALIZATION);
    relate(m, InnovationField.ELECTRIFICATION, InnovationField.SUSTAINABILITY);
    relate(m, InnovationField.ELECTRIFICATION, InnovationField.NEXT_GEN_VEHICLES);
    relate(m, InnovationField.MANUFACTURING, InnovationField.SUPPLY_CHAIN);
    relate(m, InnovationField.MANUFACTURING, InnovationField.IOT);
    relate(m, InnovationField.SUPPLY_CHAIN, InnovationField.SUSTAINABILITY);
    relate(m, InnovationField.DIGITALIZATION, InnovationField.ARTIFICIAL_INTELLIGENCE);
    return m;
  }

  private static void relate(
      Map<InnovationField, Set<InnovationField>> m, InnovationField a, InnovationField b) {
    m.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(b);
    m.computeIfAbsent(b, k -> new LinkedHashSet<>()).add(a);
  }
}
