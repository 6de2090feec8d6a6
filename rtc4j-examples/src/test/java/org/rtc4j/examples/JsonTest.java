package org.rtc4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void writesTheScalarsAsJsonHasThem() {
    assertEquals("null", Json.write(null));
    assertEquals("true", Json.write(true));
    assertEquals("false", Json.write(false));
    assertEquals("42", Json.write(42));
    assertEquals("-9223372036854775808", Json.write(Long.MIN_VALUE));
    assertEquals("1.5", Json.write(1.5));
    assertEquals("12345678901234567890", Json.write(new BigInteger("12345678901234567890")));
    assertEquals("0.10", Json.write(new BigDecimal("0.10")));
    assertEquals("\"echo\"", Json.write("echo"));
  }

  @Test
  void numbersJsonCannotHoldBecomeNull() {
    assertEquals(
        "[null,null,null]",
        Json.write(List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY)));
  }

  @Test
  void stringsEscapeQuotesBackslashesAndControlCharacters() {
    assertEquals(
        "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f\"",
        Json.write("a\"b\\c\n\r\t\b\f\u0001\u001f"));
    assertEquals("\"\\u2028\\u2029\"", Json.write("\u2028\u2029"));
  }

  @Test
  void aPairedSurrogateStaysAndALoneOneIsEscaped() {
    assertEquals("\"\uD83D\uDE00\"", Json.write("\uD83D\uDE00"));
    assertEquals("\"\\ud83d x \\ude00\"", Json.write("\uD83D x \uDE00"));
  }

  @Test
  void mapsAndListsNestInOrder() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("label", "echo");
    inner.put("open", true);
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("channels", List.of(inner, List.of()));
    outer.put("empty", Map.of());
    assertEquals(
        "{\"channels\":[{\"label\":\"echo\",\"open\":true},[]],\"empty\":{}}", Json.write(outer));
  }

  @Test
  void objectArraysCharsAndEnumsAreWrittenToo() {
    assertEquals(
        "[\"a\",[1,\"NANOSECONDS\"]]",
        Json.write(new Object[] {'a', new Object[] {1, TimeUnit.NANOSECONDS}}));
  }

  @Test
  void anUnknownTypeIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of("x", new Object())));
    assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
  }

  @Test
  void aCycleIsRefusedInsteadOfOverflowingTheStack() {
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);
    assertThrows(IllegalArgumentException.class, () -> Json.write(cycle));
  }

  @Test
  void nestingUpToTheLimitIsWritten() {
    Object value = "leaf";
    for (int i = 0; i < Json.MAX_DEPTH; i++) {
      value = List.of(value);
    }
    Object deepest = value;
    assertEquals(
        "[".repeat(Json.MAX_DEPTH) + "\"leaf\"" + "]".repeat(Json.MAX_DEPTH), Json.write(deepest));
    assertThrows(IllegalArgumentException.class, () -> Json.write(List.of(deepest)));
  }

  @Test
  void whateverIsWrittenAStrictReaderReadsBackTheSame() {
    qt().withFixedSeed(20250725L)
        .withExamples(500)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Object tree = tree(new Random(seed), 0);
              assertEquals(tree, JsonParser.parse(Json.write(tree)));
            });
  }

  // A random description: maps and lists of strings (any characters, surrogates paired),
  // integers, finite doubles, booleans and nulls, a few levels deep.
  private static Object tree(Random random, int depth) {
    int kind = random.nextInt(depth >= 4 ? 5 : 7);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return random.nextBoolean();
      case 2:
        return random.nextLong();
      case 3:
        double d = random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
        return random.nextBoolean() ? d : -d;
      case 4:
        return string(random);
      case 5:
        {
          Map<String, Object> map = new LinkedHashMap<>();
          int size = random.nextInt(5);
          for (int i = 0; i < size; i++) {
            map.put(string(random), tree(random, depth + 1));
          }
          return map;
        }
      default:
        {
          Object[] elements = new Object[random.nextInt(5)];
          for (int i = 0; i < elements.length; i++) {
            elements[i] = tree(random, depth + 1);
          }
          return Arrays.asList(elements);
        }
    }
  }

  private static String string(Random random) {
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(5)) {
        case 0 -> out.append((char) random.nextInt(0x20));
        case 1 -> out.append("\"\\/".charAt(random.nextInt(3)));
        case 2 -> out.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000));
        case 3 -> out.append((char) (0x80 + random.nextInt(0xD800 - 0x80)));
        default -> out.append((char) (0x20 + random.nextInt(0x5F)));
      }
    }
    return out.toString();
  }
}
