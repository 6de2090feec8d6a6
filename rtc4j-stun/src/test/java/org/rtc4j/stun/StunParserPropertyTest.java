package org.rtc4j.stun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arrays;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.rtc4j.common.ParseException;
import org.rtc4j.stun.attributes.StunAttribute;

/**
 * Property tests of the STUN parser: whatever bytes arrive, {@link StunMessage#decode} either
 * returns a message or throws {@link ParseException}, and what the encoder writes it reads back.
 * QuickTheories with a fixed seed, so a run is reproducible.
 */
class StunParserPropertyTest {
  static final long SEED = 0x57_0A_2026L;
  static final byte[] KEY = {1, 2, 3, 4};

  /** Decodes, and on success touches everything a caller might; never throws but ParseException. */
  static void decodeOrParseException(byte[] bytes) {
    try {
      StunMessage m = StunMessage.decode(bytes);
      m.verifyIntegrity(KEY);
      m.toString();
      StunMessage.decode(m.toBuilder().integrity(KEY).fingerprint().encode());
    } catch (ParseException expected) {
      // bad input is reported this way, and only this way
    }
  }

  @Test
  void randomBytesNeverThrowAnythingElse() {
    qt().withFixedSeed(SEED)
        .withExamples(20_000)
        .forAll(bytes(0, 120))
        .checkAssert(StunParserPropertyTest::decodeOrParseException);
  }

  @Test
  void randomAttributeSoupBehindAValidHeaderNeverThrowsAnythingElse() {
    // A correct header makes the parser go deep into the attributes.
    qt().withFixedSeed(SEED)
        .withExamples(20_000)
        .forAll(integers().between(0, 30).flatMap(words -> bytes(4 * words, 4 * words)))
        .checkAssert(
            body -> {
              byte[] message = new byte[20 + body.length];
              System.arraycopy(Rfc5769Test.SAMPLE_REQUEST, 0, message, 0, 20);
              message[2] = (byte) (body.length >>> 8);
              message[3] = (byte) body.length;
              System.arraycopy(body, 0, message, 20, body.length);
              decodeOrParseException(message);
            });
  }

  @Test
  void flippedBitsInRealMessagesNeverThrowAnythingElse() {
    List<byte[]> seeds =
        List.of(
            Rfc5769Test.SAMPLE_REQUEST,
            Rfc5769Test.SAMPLE_IPV4_RESPONSE,
            Rfc5769Test.SAMPLE_IPV6_RESPONSE,
            Rfc5769Test.LONG_TERM_REQUEST);
    qt().withFixedSeed(SEED)
        .withExamples(20_000)
        .forAll(integers().between(0, 3), integers().between(0, 159), integers().between(0, 7))
        .checkAssert(
            (which, at, bit) -> {
              byte[] b = seeds.get(which).clone();
              b[at % b.length] ^= (byte) (1 << bit);
              decodeOrParseException(b);
            });
  }

  @Test
  void whatTheEncoderWritesTheDecoderReads() throws Exception {
    List<StunAttribute> every = AttributeRoundTripTest.everyAttribute();
    Gen<List<StunAttribute>> attributes =
        lists().of(integers().between(0, every.size() - 1).map(every::get)).ofSizeBetween(0, 12);
    qt().withFixedSeed(SEED)
        .withExamples(2_000)
        .forAll(attributes, integers().between(0, 0xFFF))
        .checkAssert(
            (list, method) -> {
              StunMessage.Builder b =
                  StunMessage.builder(
                      new MessageType(method, MessageClass.INDICATION), AttributeRoundTripTest.ID);
              list.forEach(b::add);
              try {
                StunMessage m = StunMessage.decode(b.integrity(KEY).fingerprint().encode());
                assertEquals(list, m.attributes().subList(0, list.size()));
                assertEquals(method, m.type().method());
                assertTrue(m.verifyIntegrity(KEY));
              } catch (ParseException e) {
                throw new AssertionError(e);
              }
            });
  }

  static Gen<byte[]> bytes(int min, int max) {
    return arrays()
        .ofIntegers(integers().between(0, 255))
        .withLengthBetween(min, max)
        .map(
            ints -> {
              byte[] out = new byte[ints.length];
              for (int i = 0; i < ints.length; i++) {
                out[i] = (byte) (int) ints[i];
              }
              return out;
            });
  }
}
