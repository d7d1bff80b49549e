package io.garagematch.matching.domain;

import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.IndexReader;

/**
 * The matcher: keeps every active startup and open need analysed ({@link ProfileAnalyser}) and
 * indexed ({@link SearchIndex}), and scores pairs exactly and explainably ({@link PairScorer}).
 * Ranking retrieves candidates through the index ({@link SearchQueries}) and scores only those,
 * never every pair ({@link Ranking}).
 *
 * <p>Ranking and scoring take the need or startup as it is now: one the index does not hold in that
 * form (new, changed, not yet put) is analysed for the call, so a change can be scored before the
 * index takes it. Candidates and corpus statistics ({@link CorpusStats}) come from the index as it
 * is.
 *
 * <p>Plain Java: no framework. Writes are serialised; reads run in parallel.
 */
public final class Matcher implements AutoCloseable {

  private final Thesaurus thesaurus;
  private final TextAnalysis analysis;
  private final ProfileAnalyser analyser;
  private final SearchIndex<AnalysedStartup> startups;
  private final SearchIndex<AnalysedNeed> needs;
  private final CorpusStats.Cache stats = new CorpusStats.Cache();

  /** A matcher with the dictionaries the jar ships. */
  public Matcher(Thesaurus thesaurus) {
    this(thesaurus, Dictionaries.shipped());
  }

  public Matcher(Thesaurus thesaurus, Dictionaries dictionaries) {
    this.thesaurus = thesaurus;
    this.analysis = new TextAnalysis(dictionaries, ConceptTagger.germanWordParts(thesaurus));
    this.analyser = new ProfileAnalyser(thesaurus, dictionaries, analysis);
    this.startups = new SearchIndex<>(analysis);
    this.needs = new SearchIndex<>(analysis);
  }

  public Thesaurus thesaurus() {
    return thesaurus;
  }

  public synchronized void putStartup(Startup s) {
    putStartups(List.of(s));
  }

  /** Puts many startups with one index refresh: for the rebuild at start. */
  public synchronized void putStartups(Collection<Startup> all) {
    all.forEach(s -> startups.put(analyser.startup(s)));
    startups.refresh();
  }

  public synchronized void removeStartup(String id) {
    startups.remove(id);
    startups.refresh();
  }

  public synchronized void putNeed(Need n) {
    putNeeds(List.of(n));
  }

  /** Puts many needs with one index refresh: for the rebuild at start. */
  public synchronized void putNeeds(Collection<Need> all) {
    all.forEach(n -> needs.put(analyser.need(n)));
    needs.refresh();
  }

  public synchronized void removeNeed(String id) {
    needs.remove(id);
    needs.refresh();
  }

  /** The startup as last put, or null. */
  public Startup startup(String id) {
    AnalysedStartup s = startups.get(id);
    return s == null ? null : s.startup();
  }

  /** The need as last put, or null. */
  public Need need(String id) {
    AnalysedNeed n = needs.get(id);
    return n == null ? null : n.need();
  }

  public int startupCount() {
    return startups.size();
  }

  public int needCount() {
    return needs.size();
  }

  /**
   * The startups that pass the need's hard filters, best first, at most {@code limit}: candidates
   * come from the index (shared words or concepts), then each is scored exactly.
   */
  public List<MatchResult> rankStartups(Need need, int limit) {
    AnalysedNeed n = profile(need);
    return startups.withSearcher(
        searcher -> {
          IndexReader reader = searcher.getIndexReader();
          List<AnalysedStartup> found =
              startups.find(
                  searcher, SearchQueries.forStartups(n, reader), SearchQueries.candidates(limit));
          return Ranking.best(scorer(reader), List.of(n), found, limit);
        });
  }

  /** The open needs this startup passes and touches, best first (candidates from the index). */
  public List<MatchResult> rankNeeds(Startup startup, int limit) {
    AnalysedStartup s = profile(startup);
    List<AnalysedNeed> found =
        needs.withSearcher(
            searcher ->
                needs.find(
                    searcher,
                    SearchQueries.forNeeds(s, searcher.getIndexReader()),
                    SearchQueries.candidates(limit)));
    return startups.withReader(reader -> Ranking.best(scorer(reader), found, List.of(s), limit));
  }

  /** Scores one pair exactly (both must be in the matcher); the reference for brute force. */
  public MatchResult score(String needId, String startupId) {
    AnalysedNeed n = needs.get(needId);
    AnalysedStartup s = startups.get(startupId);
    if (n == null || s == null) {
      throw new IllegalArgumentException("unknown need or startup");
    }
    return explain(n, s);
  }

  /** Scores one pair exactly, each as given, whether the index holds it or not. */
  public MatchResult score(Need need, Startup startup) {
    return explain(profile(need), profile(startup));
  }

  /** Every startup against {@code need}, pair by pair, without the index: for comparison only. */
  public List<MatchResult> rankStartupsBruteForce(Need need, int limit) {
    return explainEvery(List.of(analyser.need(need)), startups.all(), limit);
  }

  /**
   * Every open need against {@code startup}, pair by pair, without the index: for comparison only.
   */
  public List<MatchResult> rankNeedsBruteForce(String startupId, int limit) {
    return explainEvery(needs.all(), List.of(startups.get(startupId)), limit);
  }

  private MatchResult explain(AnalysedNeed n, AnalysedStartup s) {
    return startups.withReader(reader -> scorer(reader).explain(n, s));
  }

  private List<MatchResult> explainEvery(
      List<AnalysedNeed> needs, List<AnalysedStartup> candidates, int limit) {
    return startups.withReader(
        reader -> Ranking.explainEvery(scorer(reader), needs, candidates, limit));
  }

  /** A scorer with the statistics of the startups {@code reader} holds. */
  private PairScorer scorer(IndexReader reader) {
    return new PairScorer(thesaurus, stats.of(reader));
  }

  /** The startup's analysis: the indexed one if the index holds it as given, else a fresh one. */
  private AnalysedStartup profile(Startup s) {
    AnalysedStartup indexed = startups.get(s.id());
    return indexed != null && indexed.startup().equals(s) ? indexed : analyser.startup(s);
  }

  /** The need's analysis: the indexed one if the index holds it as given, else a fresh one. */
  private AnalysedNeed profile(Need n) {
    AnalysedNeed indexed = needs.get(n.id());
    return indexed != null && indexed.need().equals(n) ? indexed : analyser.need(n);
  }

  @Override
  public void close() {
    startups.close();
    needs.close();
    analysis.close();
  }
}
