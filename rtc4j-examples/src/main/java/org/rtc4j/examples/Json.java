package org.rtc4j.examples;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes JSON text (RFC 8259) for the values a {@link SessionHost#describe} map holds: strings (and
 * chars and enum constants), numbers, booleans, null, and maps, iterables and object arrays of
 * them. Exists so the demo needs no JSON library.
 */
final class Json {

  /** How deep maps and lists may nest; deeper (or a cycle) is refused. */
  static final int MAX_DEPTH = 32;

  private Json() {}

  /**
   * The JSON text of {@code value}. Map keys are written as strings ({@link String#valueOf}); a
   * float or double that is NaN or infinite is written as {@code null}, since JSON has no such
   * numbers (RFC 8259 §6).
   *
   * @throws IllegalArgumentException if a value is of another type, or maps and lists nest deeper
   *     than {@link #MAX_DEPTH} (which a cycle does)
   */
  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, 0);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof CharSequence
        || value instanceof Character
        || value instanceof Enum) {
      string(value.toString(), out);
    } else if (value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      out.append(Double.isFinite(d) ? value.toString() : "null");
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      out.append(value);
    } else if (value instanceof BigDecimal) {
      out.append(((BigDecimal) value).toString());
    } else if (value instanceof Map) {
      checkDepth(depth);
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(String.valueOf(entry.getKey()), out);
        out.append(':');
        write(entry.getValue(), out, depth + 1);
      }
      out.append('}');
    } else if (value instanceof Iterable || value instanceof Object[]) {
      checkDepth(depth);
      out.append('[');
      boolean first = true;
      Iterable<?> elements =
          value instanceof Object[] ? Arrays.asList((Object[]) value) : (Iterable<?>) value;
      for (Object element : elements) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(element, out, depth + 1);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException(
          "no JSON form for a " + value.getClass().getName() + ": " + value);
    }
  }

  private static void checkDepth(int depth) {
    if (depth >= MAX_DEPTH) {
      throw new IllegalArgumentException(
          "maps and lists nest deeper than " + MAX_DEPTH + " (a cycle?)");
    }
  }

  // RFC 8259 §7: quote, backslash and the control characters must be escaped; a lone surrogate
  // is escaped too, so the text stays valid UTF-8 (RFC 8259 §8.1).
  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            unicodeEscape(c, out);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            unicodeEscape(c, out);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void unicodeEscape(char c, StringBuilder out) {
    out.append(String.format("\\u%04x", (int) c));
  }
}
