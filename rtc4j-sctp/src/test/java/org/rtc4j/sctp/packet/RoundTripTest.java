package org.rtc4j.sctp.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Every chunk, parameter and error cause type, written and parsed back, is the value it was: the
 * same record, the same bytes again, and the lengths its header promised.
 */
class RoundTripTest {
  @Test
  void theSamplesCoverEveryType() {
    assertEquals(permitted(Chunk.class), classesOf(Samples.chunks()));
    assertEquals(permitted(Parameter.class), classesOf(Samples.parameters()));
    assertEquals(permitted(ErrorCause.class), classesOf(Samples.causes()));
  }

  @Test
  void everyChunkComesBackAsItWasWritten() throws ParseException {
    for (Chunk chunk : Samples.chunks()) {
      byte[] bytes = chunk.toBytes();
      assertEquals(chunk.paddedLength(), bytes.length, chunk.toString());
      assertEquals(0, bytes.length % 4, "padded to 4: " + chunk);
      assertEquals(chunk.type(), bytes[0] & 0xFF);
      assertEquals(chunk.serializedLength(), ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF));
      ByteReader in = new ByteReader(bytes);
      Chunk parsed = Chunk.parse(in);
      assertFalse(in.hasRemaining(), "the padding was consumed: " + chunk);
      assertEquals(chunk, parsed);
      assertEquals(chunk.hashCode(), parsed.hashCode());
      assertEquals(chunk.toString(), parsed.toString());
      assertArrayEquals(bytes, parsed.toBytes());
    }
  }

  @Test
  void everyParameterComesBackWithOrWithoutItsPadding() throws ParseException {
    for (Parameter parameter : Samples.parameters()) {
      byte[] bytes = parameter.toBytes();
      assertEquals(Tlv.padded(parameter.serializedLength()), bytes.length);
      assertEquals(parameter.type(), ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF));
      assertEquals(parameter.serializedLength(), ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF));
      ByteReader padded = new ByteReader(bytes);
      assertEquals(parameter, Parameter.parse(padded));
      assertFalse(padded.hasRemaining());
      // The last parameter of a chunk comes without its padding (RFC 9260 §3.2).
      ByteReader unpadded = new ByteReader(bytes, 0, parameter.serializedLength());
      Parameter parsed = Parameter.parse(unpadded);
      assertEquals(parameter, parsed);
      assertEquals(parameter.hashCode(), parsed.hashCode());
      assertArrayEquals(bytes, parsed.toBytes());
    }
  }

  @Test
  void everyErrorCauseComesBackWithOrWithoutItsPadding() throws ParseException {
    for (ErrorCause cause : Samples.causes()) {
      int padded = Tlv.padded(cause.serializedLength());
      ByteWriter out = ByteWriter.into(new byte[padded], 0, padded);
      cause.writeTo(out);
      assertEquals(padded, out.position());
      byte[] bytes = out.array();
      assertEquals(cause.code(), ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF));
      assertEquals(cause.serializedLength(), ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF));
      assertEquals(cause, ErrorCause.parse(new ByteReader(bytes)));
      ErrorCause parsed = ErrorCause.parse(new ByteReader(bytes, 0, cause.serializedLength()));
      assertEquals(cause, parsed);
      assertEquals(cause.hashCode(), parsed.hashCode());
      assertEquals(cause.toString(), parsed.toString());
    }
  }

  @Test
  void aPacketOfEveryChunkComesBackWhole() throws ParseException {
    SctpPacket packet = new SctpPacket(5000, 5001, 0xCAFE_BABE, Samples.chunks());
    for (boolean zeroChecksum : new boolean[] {false, true}) {
      byte[] bytes = packet.toBytes(zeroChecksum);
      assertEquals(packet.length(), bytes.length);
      SctpPacket parsed = SctpPacket.parse(bytes, 0, bytes.length, zeroChecksum);
      assertEquals(packet, parsed);
      assertArrayEquals(bytes, parsed.toBytes(zeroChecksum));
    }
  }

  @Test
  void aPacketParsesTheSameFromTheMiddleOfALargerBuffer() throws ParseException {
    SctpPacket packet = new SctpPacket(1, 2, 3, Samples.chunks().subList(0, 5));
    byte[] bytes = packet.toBytes(false);
    byte[] buffer = new byte[bytes.length + 20];
    Arrays.fill(buffer, (byte) 0x55);
    System.arraycopy(bytes, 0, buffer, 7, bytes.length);
    SctpPacket parsed = SctpPacket.parse(buffer, 7, bytes.length, false);
    assertEquals(packet, parsed);
    // The payloads were copied out: reusing the buffer changes nothing parsed from it.
    Arrays.fill(buffer, (byte) 0);
    assertEquals(packet, parsed);
  }

  @Test
  void valuesWithByteArraysAreEqualByContentAndDoNotShareTheirArrays() {
    byte[] cookie = {1, 2, 3};
    CookieEchoChunk echo = new CookieEchoChunk(cookie);
    cookie[0] = 9;
    assertEquals(new CookieEchoChunk(new byte[] {1, 2, 3}), echo);
    echo.cookie()[1] = 9;
    assertEquals(new CookieEchoChunk(new byte[] {1, 2, 3}), echo);
    assertNotEquals(new CookieEchoChunk(new byte[] {1, 2, 4}), echo);
    assertNotEquals(
        new UnknownChunk(0xC1, 0, new byte[] {1}), new UnknownChunk(0xC1, 1, new byte[] {1}));
    assertEquals(
        new UserInitiatedAbortCause("bye"),
        UserInitiatedAbortCause.fromBytes("bye".getBytes(StandardCharsets.UTF_8)));
  }

  private static Set<Class<?>> permitted(Class<?> sealed) {
    return new HashSet<>(List.of(sealed.getPermittedSubclasses()));
  }

  private static Set<Class<?>> classesOf(List<?> values) {
    Set<Class<?>> out = new HashSet<>();
    for (Object v : values) {
      out.add(v.getClass());
    }
    return out;
  }
}
