package io.garagematch.matching.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A word list read from lines "word&lt;TAB&gt;t1|t2|t3", sorted by their UTF-8 bytes: each word
 * with its translations, best first. The lines stay one byte array, searched by bisection, so a
 * list of a quarter of a million words costs its size in bytes and one int per line, not a map of
 * objects.
 */
final class WordList {

  private final byte[] bytes;
  private final int[] lines;

  private WordList(byte[] bytes, int[] lines) {
    this.bytes = bytes;
    this.lines = lines;
  }

  /**
   * Reads and checks the list: every line is a word, a tab and at least one translation, the words
   * strictly ascending. A broken list fails here, naming its line, rather than missing words later.
   */
  static WordList read(String name, InputStream in) throws IOException {
    byte[] bytes = in.readAllBytes();
    int[] lines = new int[1024];
    int count = 0;
    for (int start = 0; start < bytes.length; ) {
      int end = indexOf(bytes, (byte) '\n', start, bytes.length);
      if (end < 0) {
        end = bytes.length;
      }
      int tab = indexOf(bytes, (byte) '\t', start, end);
      if (tab <= start || tab == end - 1) {
        throw new IllegalArgumentException(name + " line " + (count + 1) + ": not word<TAB>words");
      }
      if (count > 0 && compareKeys(bytes, lines[count - 1], start) >= 0) {
        throw new IllegalArgumentException(
            name + " line " + (count + 1) + ": not after the line before it (sort by UTF-8 bytes)");
      }
      if (count == lines.length) {
        lines = Arrays.copyOf(lines, count * 2);
      }
      lines[count++] = start;
      start = end + 1;
    }
    return new WordList(bytes, Arrays.copyOf(lines, count));
  }

  int size() {
    return lines.length;
  }

  boolean contains(String word) {
    return find(word) >= 0;
  }

  /** The word's translations, best first; empty if the list does not hold the word. */
  List<String> get(String word) {
    int line = find(word);
    if (line < 0) {
      return List.of();
    }
    int start = lines[line];
    int tab = indexOf(bytes, (byte) '\t', start, bytes.length);
    int end = indexOf(bytes, (byte) '\n', tab, bytes.length);
    String values =
        new String(
            bytes, tab + 1, (end < 0 ? bytes.length : end) - tab - 1, StandardCharsets.UTF_8);
    return List.of(values.split("\\|"));
  }

  private int find(String word) {
    byte[] key = word.getBytes(StandardCharsets.UTF_8);
    int low = 0;
    int high = lines.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c = compare(bytes, lines[mid], key);
      if (c < 0) {
        low = mid + 1;
      } else if (c > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** The line's word at {@code start} against {@code key}, byte by byte, unsigned. */
  private static int compare(byte[] bytes, int start, byte[] key) {
    for (int i = 0; ; i++) {
      int b = start + i < bytes.length ? bytes[start + i] : '\t';
      boolean lineEnds = b == '\t';
      if (i == key.length) {
        return lineEnds ? 0 : 1;
      }
      if (lineEnds) {
        return -1;
      }
      int c = Integer.compare(b & 0xff, key[i] & 0xff);
      if (c != 0) {
        return c;
      }
    }
  }

  /** The word of the line at {@code a} against the word of the line at {@code b}. */
  private static int compareKeys(byte[] bytes, int a, int b) {
    int end = indexOf(bytes, (byte) '\t', b, bytes.length);
    return compare(bytes, a, Arrays.copyOfRange(bytes, b, end));
  }

  private static int indexOf(byte[] bytes, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
