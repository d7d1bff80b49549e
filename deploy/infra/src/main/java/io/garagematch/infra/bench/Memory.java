package io.garagematch.infra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** The largest resident set of each of a set of processes, sampled twice a second. */
public final class Memory {

  private final Supplier<Map<String, Long>> pids;
  private final Map<String, Long> peakKb = new ConcurrentHashMap<>();
  private volatile boolean running;
  private Thread sampler;

  /**
   * @param pids each process's name → its pid, asked at every sample (a process may be restarted)
   */
  public Memory(Supplier<Map<String, Long>> pids) {
    this.pids = pids;
  }

  /** The processes of the local stack: one {@code <name>.pid} file each in {@code dir}. */
  static Memory ofPidFiles(Path dir) {
    return new Memory(
        () -> {
          Map<String, Long> found = new TreeMap<>();
          try (Stream<Path> files = Files.list(dir)) {
            files
                .filter(f -> f.toString().endsWith(".pid"))
                .forEach(
                    f -> {
                      try {
                        found.put(
                            f.getFileName().toString().replace(".pid", ""),
                            Long.parseLong(Files.readString(f).trim()));
                      } catch (IOException | RuntimeException e) {
                        // a pid file being written or removed: not this time
                      }
                    });
          } catch (IOException e) {
            // no pid folder: nothing to sample
          }
          return found;
        });
  }

  public void start() {
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

  public void stop() throws InterruptedException {
    running = false;
    sampler.interrupt();
    sampler.join();
    sample();
  }

  /** Process name (its pid file's name) → largest VmRSS seen, in KiB. */
  public Map<String, Long> peaks() {
    return new TreeMap<>(peakKb);
  }

  private void sample() {
    pids.get()
        .forEach(
            (name, pid) -> {
              try {
                peakKb.merge(name, rssKb(Path.of("/proc", pid.toString(), "status")), Math::max);
              } catch (IOException | RuntimeException e) {
                // a process that just ended: nothing to sample
              }
            });
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
