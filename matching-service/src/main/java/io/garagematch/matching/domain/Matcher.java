package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
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
 * <p>Ranking and scoring take the need or startup as it is now: one the index does not hold in that
 * form (new, changed, not yet put) is analysed for the call, so a change can be scored before the
 * index takes it. Candidates and corpus statistics come from the index as it is.
 *
 * <p>Plain Java: no framework. Writes are serialised; reads run in parallel.
 */
public final class Matcher implements AutoCloseable {

  static final String ID = "id";
  static final String CONCEPT = "concept";
  private static final int MAX_QUERY_TERMS = 32;
  private static final int PRUNE_FROM_DOCS = 1_000;
  private static final double COMMON_SHARE = 0.10;

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

  /**
   * A startup's analysed text: term frequencies for BM25, where each term first occurs in {@link
   * Startup#text()} (for the explanation's words) and the concepts found.
   */
  record AnalysedStartup(
      Startup startup,
      Map<String, Integer> termFreqs,
      int length,
      TermSpans termSpans,
      Map<String, Set<String>> concepts,
      Set<InnovationField> revealedFields) {}

  /**
   * A need's analysed text: weighted query terms per language (its own words in its language, its
   * concepts' terms in the others; no stop words, {@link StopWords}) and its concepts with their
   * weight.
   */
  record AnalysedNeed(
      Need need,
      Map<Language, Map<String, Double>> queryTerms,
      Map<String, Set<String>> concepts,
      Map<String, Double> conceptBoost,
      TextBound textBound) {

    AnalysedNeed(
        Need need,
        Map<Language, Map<String, Double>> queryTerms,
        Map<String, Set<String>> concepts,
        Map<String, Double> conceptBoost) {
      this(need, queryTerms, concepts, conceptBoost, new TextBound());
    }
  }

  /**
   * A need's query weighted by idf (weight × idf per term and language) and its best possible text
   * score per language, cached for one statistics generation.
   */
  static final class TextBound {
    private record Values(Object generation, double[] bound, List<Map<String, Double>> weighted) {}

    private volatile Values values = new Values(null, null, null);
  }

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
    AnalysedStartup analysed = analyse(s);
    startupProfiles.put(s.id(), analysed);
    Document doc = new Document();
    doc.add(new StringField(ID, s.id(), Field.Store.NO));
    doc.add(
        new org.apache.lucene.document.BinaryDocValuesField(
            ID, new org.apache.lucene.util.BytesRef(s.id())));
    doc.add(new TextField(field(s.language()), s.text(), Field.Store.NO));
    analysed.concepts().keySet().forEach(c -> doc.add(new StringField(CONCEPT, c, Field.Store.NO)));
    return doc;
  }

  private AnalysedStartup analyse(Startup s) {
    String text = s.text();
    TextAnalysis.Spans spans = analysis.indexSpans(s.language(), text);
    List<String> tokens = spans.tokens();
    Map<String, Integer> tf = new HashMap<>();
    tokens.forEach(t -> tf.merge(t, 1, Integer::sum));
    TermSpans termSpans = TermSpans.of(tokens, spans.starts(), spans.ends());
    Map<String, Set<String>> concepts = tagger.tag(s.language(), text);
    Set<InnovationField> revealed = java.util.EnumSet.noneOf(InnovationField.class);
    concepts.keySet().forEach(c -> revealed.addAll(thesaurus.concept(c).fields()));
    return new AnalysedStartup(s, tf, tokens.size(), termSpans, concepts, revealed);
  }

  /** The startup's analysis: the indexed one if the index holds it as given, else a fresh one. */
  private AnalysedStartup profile(Startup s) {
    AnalysedStartup indexed = startupProfiles.get(s.id());
    return indexed != null && indexed.startup().equals(s) ? indexed : analyse(s);
  }

  /** The need's analysis: the indexed one if the index holds it as given, else a fresh one. */
  private AnalysedNeed profile(Need n) {
    AnalysedNeed indexed = needProfiles.get(n.id());
    return indexed != null && indexed.need().equals(n) ? indexed : analyse(n);
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

  /** The need as last put, or null. */
  public Need need(String id) {
    AnalysedNeed n = needProfiles.get(id);
    return n == null ? null : n.need();
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
    AnalysedNeed n = profile(need);
    return startups.withSearcher(
        searcher -> {
          List<AnalysedStartup> found =
              Side.ids(searcher, startupQuery(n, searcher.getIndexReader()), candidates(limit))
                  .stream()
                  .map(startupProfiles::get)
                  .filter(java.util.Objects::nonNull)
                  .toList();
          return best(
              new PairScorer(thesaurus, stats(searcher.getIndexReader())),
              List.of(n),
              found,
              limit);
        });
  }

  private static int candidates(int limit) {
    return Math.max(100, limit * 3);
  }

  /** The open needs this startup passes and touches, best first (candidates from the index). */
  public List<MatchResult> rankNeeds(Startup startup, int limit) {
    AnalysedStartup s = profile(startup);
    List<String> candidates =
        needs.withSearcher(
            searcher ->
                Side.ids(searcher, needQuery(s, searcher.getIndexReader()), candidates(limit)));
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
    return score(n, s);
  }

  /** Scores one pair exactly, each as given, whether the index holds it or not. */
  public MatchResult score(Need need, Startup startup) {
    return score(profile(need), profile(startup));
  }

  private MatchResult score(AnalysedNeed n, AnalysedStartup s) {
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
    addTerms(own, n.language(), analysis.indexTokens(n.language(), n.title()), 1.5);
    addTerms(own, n.language(), analysis.indexTokens(n.language(), n.problemStatement()), 1.0);
    for (String k : n.keywords()) {
      addTerms(own, n.language(), analysis.indexTokens(n.language(), k), 2.0);
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
          addTerms(translated, other, analysis.indexTokens(other, term), boost.get(c));
        }
      }
      query.put(other, translated);
    }
    return new AnalysedNeed(n, query, concepts, boost);
  }

  /** Adds the tokens of a text in {@code language} to the query, leaving out its stop words. */
  private static void addTerms(
      Map<String, Double> terms, Language language, List<String> tokens, double weight) {
    for (String t : tokens) {
      if (StopWords.in(language, t)) {
        continue;
      }
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

  private static final String[] FIELDS =
      Arrays.stream(Language.values())
          .map(l -> "text_" + l.name().toLowerCase(java.util.Locale.ROOT))
          .toArray(String[]::new);

  static String field(Language language) {
    return FIELDS[language.ordinal()];
  }

  /**
   * The need as a query on the startups: per language its most selective terms (weight × idf), and
   * its concepts. Exact scoring of the candidates still counts every term.
   */
  private static Query startupQuery(AnalysedNeed n, IndexReader startups) throws IOException {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    for (Map.Entry<Language, Map<String, Double>> terms : n.queryTerms().entrySet()) {
      addSelective(q, startups, field(terms.getKey()), terms.getValue());
    }
    addConcepts(q, n.concepts().keySet());
    return q.build();
  }

  /**
   * The startup as a query on the needs: its most selective terms (tf × idf; no stop words), its
   * concepts.
   */
  private static Query needQuery(AnalysedStartup s, IndexReader needs) throws IOException {
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
    addSelective(q, needs, field(language), terms);
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
      double idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
      ranked.add(new Weighted(t.getKey(), t.getValue(), t.getValue() * idf));
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
                    new BoostQuery(new TermQuery(new Term(CONCEPT, c)), 3f),
                    BooleanClause.Occur.SHOULD));
  }

  @Override
  public void close() {
    startups.close();
    needs.close();
    analysis.close();
  }

  /**
   * Corpus statistics (idf by field and term, average lengths, the text bound of each need), shared
   * by all rankings: looking them up in the index for every pair costs more than the scoring
   * itself. A new generation starts when the number of startups has moved by more than 1% since it
   * began, so the cached values stay within a hair of the exact ones.
   */
  private final StatsCache statsCache = new StatsCache();

  private CorpusStats stats(IndexReader reader) {
    return new CorpusStats(reader, statsCache.current(reader.numDocs()));
  }

  private static final class StatsCache {
    private Generation generation = new Generation();
    private long docs = -1;

    synchronized Generation current(long numDocs) {
      if (Math.abs(numDocs - docs) > Math.max(10, docs / 100)) {
        generation = new Generation();
        docs = numDocs;
      }
      return generation;
    }
  }

  /** One generation of cached statistics: values by field, then by term (or need). */
  private static final class Generation {
    final Map<String, Map<String, Double>> idf = new ConcurrentHashMap<>();
    final Map<String, Double> averageLength = new ConcurrentHashMap<>();
  }

  /** Corpus statistics of the startups' text fields, for BM25 and concept rarity. */
  static final class CorpusStats {
    private final IndexReader reader;
    private final Generation cache;

    private CorpusStats(IndexReader reader, Generation cache) {
      this.reader = reader;
      this.cache = cache;
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

    /** Lucene's BM25 idf: ln(1 + (N − df + 0.5) / (df + 0.5)), N the documents of the field. */
    double idf(String field, String term) {
      Map<String, Double> byTerm = cache.idf.computeIfAbsent(field, f -> new ConcurrentHashMap<>());
      Double value = byTerm.get(term);
      if (value == null) {
        try {
          long n =
              Math.max(1, CONCEPT.equals(field) ? reader.numDocs() : reader.getDocCount(field));
          long df = reader.docFreq(new Term(field, term));
          value = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        byTerm.put(term, value);
      }
      return value;
    }

    /** How rare a concept is among startups, as a BM25-style idf over all startups. */
    double conceptIdf(String concept) {
      return idf(CONCEPT, concept);
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

    private TextBound.Values queryValues(AnalysedNeed need) {
      TextBound.Values cached = need.textBound().values;
      if (cached.generation() == cache) {
        return cached;
      }
      double[] bound = new double[Language.values().length];
      List<Map<String, Double>> weighted = new ArrayList<>();
      for (Language language : Language.values()) {
        String field = field(language);
        Map<String, Double> terms = new HashMap<>();
        for (Map.Entry<String, Double> q :
            need.queryTerms().getOrDefault(language, Map.of()).entrySet()) {
          double w = q.getValue() * idf(field, q.getKey());
          terms.put(q.getKey(), w);
          bound[language.ordinal()] += w;
        }
        weighted.add(terms);
      }
      TextBound.Values values = new TextBound.Values(cache, bound, weighted);
      need.textBound().values = values;
      return values;
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
    static List<String> ids(IndexSearcher searcher, Query query, int n) throws IOException {
      ScoreDoc[] hits = searcher.search(query, n).scoreDocs;
      Arrays.sort(hits, Comparator.comparingInt(h -> h.doc));
      List<org.apache.lucene.index.LeafReaderContext> leaves = searcher.getIndexReader().leaves();
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
    }

    <T> T withReader(ReaderFunction<T> f) {
      return withSearcher(searcher -> f.apply(searcher.getIndexReader()));
    }

    <T> T withSearcher(SearcherFunction<T> f) {
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
