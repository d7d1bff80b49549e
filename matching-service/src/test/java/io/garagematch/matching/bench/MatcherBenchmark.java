package io.garagematch.matching.bench;

import io.garagematch.contracts.taxonomy.FundingStage;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import io.garagematch.matching.domain.MatchResult;
import io.garagematch.matching.domain.Matcher;
import io.garagematch.matching.domain.Need;
import io.garagematch.matching.domain.Startup;
import io.garagematch.matching.domain.Thesaurus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Speed of the matcher on synthetic data made from the thesaurus (each profile names 2–4 concepts
 * in its own language among filler text): indexed ranking against brute-force pair scoring.
 *
 * <pre>
 * MAVEN_OPTS=-Xmx8g ./mvnw -q -pl matching-service exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.garagematch.matching.bench.MatcherBenchmark -Dexec.args="100000 10000 1000"
 * </pre>
 *
 * Arguments: startups, needs, needs for the full re-match (defaults 100000 10000 1000).
 */
public final class MatcherBenchmark {

  private static final String[] FILLER_EN =
      "our team builds a robust solution for carmakers and suppliers with proven pilots in china and europe"
          .split(" ");
  private static final String[] FILLER_DE =
      "unser team entwickelt eine robuste lösung für hersteller und zulieferer mit pilotprojekten in china und europa"
          .split(" ");
  private static final String[] FILLER_ZH = {
    "我们", "为", "主机厂", "和", "供应商", "提供", "成熟", "方案", "已在", "中国", "和", "欧洲", "试点"
  };

  private final Random random = new Random(42);
  private final List<Thesaurus.Concept> concepts;

  private MatcherBenchmark(Thesaurus thesaurus) {
    this.concepts = new ArrayList<>(thesaurus.concepts());
  }

  public static void main(String[] args) throws Exception {
    int startupCount = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int needCount = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int rematchNeeds = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
    Thesaurus thesaurus = Thesaurus.load(null);
    MatcherBenchmark data = new MatcherBenchmark(thesaurus);
    System.out.printf(
        "java %s, %d cores, max heap %d MiB%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    try (Matcher matcher = new Matcher(thesaurus)) {
      List<Startup> startups = new ArrayList<>();
      for (int i = 0; i < startupCount; i++) {
        startups.add(data.startup("s" + i));
      }
      List<Need> needs = new ArrayList<>();
      for (int i = 0; i < needCount; i++) {
        needs.add(data.need("n" + i));
      }
      long t0 = System.nanoTime();
      matcher.putStartups(startups);
      long t1 = System.nanoTime();
      matcher.putNeeds(needs);
      long t2 = System.nanoTime();
      System.out.printf(
          "indexed %d startups in %.1f s, %d needs in %.1f s%n",
          startupCount, (t1 - t0) / 1e9, needCount, (t2 - t1) / 1e9);
      System.gc();
      Runtime rt = Runtime.getRuntime();
      System.out.printf(
          "heap in use after a full GC (matcher with %d startups and %d needs, plus the test data): %d MiB%n",
          startupCount, needCount, (rt.totalMemory() - rt.freeMemory()) >> 20);

      // one startup against all open needs
      measure(
          "1 startup vs " + needCount + " needs, indexed (top 50)",
          300,
          () -> matcher.rankNeeds(startups.get(data.random.nextInt(startupCount)), 50));
      measure(
          "1 startup vs " + needCount + " needs, brute force",
          20,
          () ->
              matcher.rankNeedsBruteForce(
                  startups.get(data.random.nextInt(startupCount)).id(), 50));
      // one need against all active startups
      measure(
          "1 need vs " + startupCount + " startups, indexed (top 50)",
          200,
          () -> matcher.rankStartups(needs.get(data.random.nextInt(needCount)), 50));
      measure(
          "1 need vs " + startupCount + " startups, brute force",
          10,
          () -> matcher.rankStartupsBruteForce(needs.get(data.random.nextInt(needCount)), 50));
      // full re-match: every need of a set against every startup
      long r0 = System.nanoTime();
      long pairs = 0;
      for (int i = 0; i < rematchNeeds; i++) {
        pairs += matcher.rankStartups(needs.get(i), 1000).size();
      }
      double rematch = (System.nanoTime() - r0) / 1e9;
      System.out.printf(
          "full re-match %d needs x %d startups, indexed: %.1f s (%.0f needs/s, %d passing pairs kept)%n",
          rematchNeeds, startupCount, rematch, rematchNeeds / rematch, pairs);
      long b0 = System.nanoTime();
      int sample = Math.max(1, rematchNeeds / 100);
      for (int i = 0; i < sample; i++) {
        matcher.rankStartupsBruteForce(needs.get(i), 1000);
      }
      double perNeed = (System.nanoTime() - b0) / 1e9 / sample;
      System.out.printf(
          "full re-match %d needs x %d startups, brute force: %.1f s extrapolated from %d needs (%.2f s per need)%n",
          rematchNeeds, startupCount, perNeed * rematchNeeds, sample, perNeed);
    }
  }

  /** Times {@code runs} calls after as many warm-up calls; reports GC pauses in the timed part. */
  private static void measure(String name, int runs, Supplier<List<MatchResult>> run) {
    for (int i = 0; i < runs; i++) {
      run.get(); // warm-up: let the JIT compile the paths before timing them
    }
    long gcCount = gcCount();
    long gcMillis = gcMillis();
    long[] nanos = new long[runs];
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      run.get();
      nanos[i] = System.nanoTime() - t;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);
    System.out.printf(
        "%-52s p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms  %8.1f ops/s  (%d runs; %d GCs, %d ms)%n",
        name,
        nanos[runs / 2] / 1e6,
        nanos[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)] / 1e6,
        nanos[runs - 1] / 1e6,
        runs / seconds,
        runs,
        gcCount() - gcCount,
        gcMillis() - gcMillis);
  }

  private static long gcCount() {
    return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount)
        .sum();
  }

  private static long gcMillis() {
    return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
        .sum();
  }

  private Startup startup(String id) {
    Language language = Language.values()[random.nextInt(3)];
    List<Thesaurus.Concept> picked = pick(2 + random.nextInt(3));
    String pitch = sentence(language, picked.subList(0, 1));
    String description =
        sentence(language, picked) + " " + sentence(language, picked.subList(1, picked.size()));
    List<String> technologies = picked.stream().map(c -> term(c, language)).toList();
    return new Startup(
        id,
        language,
        "Startup " + id,
        pitch,
        description,
        technologies,
        fields(picked),
        1 + random.nextInt(9),
        FundingStage.values()[random.nextInt(6)],
        random.nextInt(3) == 0 ? "DE" : "CN");
  }

  private Need need(String id) {
    Language language = Language.values()[random.nextInt(3)];
    List<Thesaurus.Concept> picked = pick(2 + random.nextInt(2));
    return new Need(
        id,
        language,
        sentence(language, picked.subList(0, 1)),
        sentence(language, picked) + " " + sentence(language, picked),
        picked.stream().map(c -> term(c, language)).toList(),
        fields(picked),
        1 + random.nextInt(6),
        null,
        null,
        random.nextInt(4) == 0 ? Set.of("CN") : Set.of(),
        null);
  }

  private List<Thesaurus.Concept> pick(int n) {
    List<Thesaurus.Concept> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(concepts.get(random.nextInt(concepts.size())));
    }
    return out;
  }

  private String term(Thesaurus.Concept c, Language language) {
    List<String> terms = c.terms().get(language);
    return terms.get(random.nextInt(terms.size()));
  }

  private String sentence(Language language, List<Thesaurus.Concept> picked) {
    String[] filler =
        language == Language.EN ? FILLER_EN : language == Language.DE ? FILLER_DE : FILLER_ZH;
    StringBuilder s = new StringBuilder();
    for (Thesaurus.Concept c : picked) {
      for (int i = 0; i < 4; i++) {
        s.append(filler[random.nextInt(filler.length)]).append(language == Language.ZH ? "" : " ");
      }
      s.append(term(c, language)).append(language == Language.ZH ? "，" : ", ");
    }
    return s.toString();
  }

  private static Set<InnovationField> fields(List<Thesaurus.Concept> picked) {
    Set<InnovationField> fields = EnumSet.noneOf(InnovationField.class);
    picked.forEach(c -> fields.add(c.fields().iterator().next()));
    return fields;
  }
}
