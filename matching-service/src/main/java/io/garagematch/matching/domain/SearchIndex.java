package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * One Lucene index (of startups or of needs, BM25) and the analysed entries it holds, kept fresh
 * for near-real-time search. Each entry is a document of its id, its text in its language's field,
 * its concepts and (a need) its query's terms in the other languages, so a startup finds the needs
 * it answers in any of the three. Changes become visible to searches at {@link #refresh()}; the
 * entries at once.
 */
final class SearchIndex<E extends SearchIndex.Entry> implements AutoCloseable {

  static final String ID = "id";
  static final String CONCEPT = "concept";

  private static final String[] FIELDS =
      Arrays.stream(Language.values())
          .map(l -> "text_" + l.name().toLowerCase(Locale.ROOT))
          .toArray(String[]::new);

  private static final String[] TRANSLATED_FIELDS =
      Arrays.stream(Language.values())
          .map(l -> "translated_" + l.name().toLowerCase(Locale.ROOT))
          .toArray(String[]::new);

  /** What the index holds of a startup or a need. */
  interface Entry {
    String id();

    Language language();

    String text();

    Map<String, Set<String>> concepts();

    /** Terms (analysed) in other languages than its own the entry is also found by. */
    default Map<Language, Set<String>> translatedTerms() {
      return Map.of();
    }
  }

  private final Map<String, E> entries = new ConcurrentHashMap<>();
  private final IndexWriter writer;
  private final SearcherManager searchers;

  SearchIndex(TextAnalysis analysis) {
    Map<String, Analyzer> perField = new HashMap<>();
    for (Language l : Language.values()) {
      perField.put(field(l), analysis.indexAnalyzer(l));
    }
    try {
      writer =
          new IndexWriter(
              new ByteBuffersDirectory(),
              new IndexWriterConfig(new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField)));
      searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text field of {@code language}. */
  static String field(Language language) {
    return FIELDS[language.ordinal()];
  }

  /** The field of the terms an entry is found by in {@code language}, not its own. */
  static String translatedField(Language language) {
    return TRANSLATED_FIELDS[language.ordinal()];
  }

  /** Adds the entry, or replaces the one with its id. */
  void put(E entry) {
    entries.put(entry.id(), entry);
    Document doc = new Document();
    doc.add(new StringField(ID, entry.id(), Field.Store.NO));
    doc.add(new BinaryDocValuesField(ID, new BytesRef(entry.id())));
    doc.add(new TextField(field(entry.language()), entry.text(), Field.Store.NO));
    entry.concepts().keySet().forEach(c -> doc.add(new StringField(CONCEPT, c, Field.Store.NO)));
    entry
        .translatedTerms()
        .forEach(
            (language, terms) ->
                terms.forEach(
                    t -> doc.add(new StringField(translatedField(language), t, Field.Store.NO))));
    try {
      writer.updateDocument(new Term(ID, entry.id()), doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void remove(String id) {
    entries.remove(id);
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

  /** The entry as last put, or null. */
  E get(String id) {
    return entries.get(id);
  }

  /** Every entry, as last put. */
  List<E> all() {
    return List.copyOf(entries.values());
  }

  int size() {
    return entries.size();
  }

  /** The entries of the best {@code n} hits, in the order of the index. */
  List<E> find(IndexSearcher searcher, Query query, int n) throws IOException {
    return ids(searcher, query, n).stream().map(entries::get).filter(Objects::nonNull).toList();
  }

  /** The ids of the best {@code n} hits, read from doc values (no stored-field decompression). */
  private static List<String> ids(IndexSearcher searcher, Query query, int n) throws IOException {
    ScoreDoc[] hits = searcher.search(query, n).scoreDocs;
    Arrays.sort(hits, Comparator.comparingInt(h -> h.doc));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    List<String> ids = new ArrayList<>(hits.length);
    int leaf = -1;
    BinaryDocValues values = null;
    for (ScoreDoc hit : hits) {
      int index = ReaderUtil.subIndex(hit.doc, leaves);
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

  @FunctionalInterface
  interface ReaderFunction<T> {
    T apply(IndexReader reader) throws IOException;
  }

  @FunctionalInterface
  interface SearcherFunction<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }
}
