package io.garagematch.infra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the figures were measured on, in one line. */
final class Machine {

  private Machine() {}

  static String describe() {
    return String.format(
        Locale.ROOT,
        "%d cores (%s), %s RAM, %s, Java %s",
        Runtime.getRuntime().availableProcessors(),
        line(Path.of("/proc/cpuinfo"), "model name").replaceFirst(".*:\\s*", ""),
        memory(),
        line(Path.of("/etc/os-release"), "PRETTY_NAME=")
            .replaceFirst("PRETTY_NAME=", "")
            .replace("\"", ""),
        System.getProperty("java.version"));
  }

  private static String memory() {
    String total = line(Path.of("/proc/meminfo"), "MemTotal:").replaceAll("[^0-9]", "");
    return total.isEmpty()
        ? "unknown"
        : String.format(Locale.ROOT, "%.0f GiB", Long.parseLong(total) / 1024.0 / 1024.0);
  }

  private static String line(Path file, String prefix) {
    try {
      return Files.readAllLines(file).stream()
          .filter(l -> l.startsWith(prefix))
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
