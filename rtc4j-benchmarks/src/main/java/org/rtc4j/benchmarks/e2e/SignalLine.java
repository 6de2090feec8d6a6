package org.rtc4j.benchmarks.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * One line of the harness's signaling between the offering JVM and the answering one, over the
 * answerer's stdin and stdout: a verb in capitals, then fields, separated by single spaces, e.g.
 * {@code OFFER 3 reuse dj0wDQpvPS0g...}. A field is printable ASCII without spaces; text that may
 * hold anything (an SDP, an error message) travels as {@link #text(String) base64} of its UTF-8.
 *
 * @param verb what the line asks or answers, e.g. {@code OFFER}
 * @param fields its arguments, in order
 */
public record SignalLine(String verb, List<String> fields) {

  /** The longest line either side reads or writes, in characters. */
  public static final int MAX_LENGTH = 1 << 20;

  /**
   * @throws IllegalArgumentException if the verb is not 1–16 capital letters, a field is empty or
   *     holds a character outside printable ASCII or a space, or the line would exceed {@link
   *     #MAX_LENGTH}
   */
  public SignalLine {
    Objects.requireNonNull(verb, "verb");
    fields = List.copyOf(fields);
    if (verb.isEmpty() || verb.length() > 16 || !verb.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
      throw new IllegalArgumentException("a verb is 1-16 capital letters: '" + verb + "'");
    }
    long length = verb.length();
    for (String f : fields) {
      if (f.isEmpty() || !f.chars().allMatch(c -> c > ' ' && c < 0x7F)) {
        throw new IllegalArgumentException(
            "a field is printable ASCII without spaces: '" + f + "'");
      }
      length += 1 + f.length();
    }
    if (length > MAX_LENGTH) {
      throw new IllegalArgumentException("the line would be " + length + " characters long");
    }
  }

  /** A line of {@code verb} and {@code fields}. */
  public static SignalLine of(String verb, String... fields) {
    return new SignalLine(verb, Arrays.asList(fields));
  }

  /**
   * Reads one line, without its line end.
   *
   * @throws IllegalArgumentException if it is not a well-formed line
   */
  public static SignalLine parse(String line) {
    Objects.requireNonNull(line, "line");
    if (line.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a line of " + line.length() + " characters");
    }
    String[] parts = line.split(" ", -1);
    return new SignalLine(parts[0], Arrays.asList(parts).subList(1, parts.length));
  }

  /** The line as written, without its line end. */
  public String encode() {
    return fields.isEmpty() ? verb : verb + " " + String.join(" ", fields);
  }

  /** Whether the line has {@code verb} and {@code count} fields. */
  public boolean is(String verb, int count) {
    return this.verb.equals(verb) && fields.size() == count;
  }

  /** Field {@code i}. */
  public String field(int i) {
    return fields.get(i);
  }

  /** Field {@code i} as a decimal long. */
  public long number(int i) {
    return Long.parseLong(fields.get(i));
  }

  /** Field {@code i} decoded with {@link #untext(String)}. */
  public String textField(int i) {
    return untext(fields.get(i));
  }

  /** Any text as a field: base64 of its UTF-8 (an empty text becomes {@code "="}). */
  public static String text(String text) {
    String encoded = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    return encoded.isEmpty() ? "=" : encoded;
  }

  /**
   * The text a {@link #text(String)} field holds.
   *
   * @throws IllegalArgumentException if the field is not base64
   */
  public static String untext(String field) {
    if (field.equals("=")) {
      return "";
    }
    return new String(Base64.getDecoder().decode(field), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    String line = encode();
    return line.length() <= 120 ? line : line.substring(0, 117) + "...";
  }
}
