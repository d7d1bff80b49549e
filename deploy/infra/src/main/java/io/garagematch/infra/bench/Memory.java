package io.garagematch.infra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The largest resident set of each process of the local stack ({@code .garagematch/pids}). */
final class Memory {

  private final Path pids;
  private final Map<String, Long> peakKb = new ConcurrentHashMap<>();
  private volatile boolean running;
  private Thread sampler;

  Memory(Path pids) {
    this.pids = pids;
  }

  void start() {
    running = true;
    sampler =
        new Thread(
            () -> {
              while (running) {
                sample();
                try {
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "rss-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  void stop() throws InterruptedException {
    running = false;
    sampler.interrupt();
    sampler.join();
    sample();
  }

  /** Process name (its pid file's name) → largest VmRSS seen, in KiB. */
  Map<String, Long> peaks() {
    return new TreeMap<>(peakKb);
  }

  private void sample() {
    try (Stream<Path> files = Files.list(pids)) {
      files
          .filter(f -> f.toString().endsWith(".pid"))
          .forEach(
              f -> {
                try {
                  String pid = Files.readString(f).trim();
                  long kb = rssKb(Path.of("/proc", pid, "status"));
                  String name = f.getFileName().toString().replace(".pid", "");
                  peakKb.merge(name, kb, Math::max);
                } catch (IOException | RuntimeException e) {
                  // a process that just ended: nothing to sample
                }
              });
    } catch (IOException e) {
      // no pid folder: nothing to sample
    }
  }

  static long rssKb(Path status) throws IOException {
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }
}
