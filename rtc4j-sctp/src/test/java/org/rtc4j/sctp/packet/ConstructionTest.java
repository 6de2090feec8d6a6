package org.rtc4j.sctp.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.sctp.common.Data;

/**
 * Values that cannot go on the wire are refused when constructed, so that writing never fails; and
 * the unknown types say what RFC 9260 §3.2 asks a receiver to do with them.
 */
class ConstructionTest {
  private static Data data(int length) {
    return new Data(1, 0, 0, 0, 51, new byte[length], true, true, false);
  }

  @Test
  void dataChunksNeedOneToMaxPayloadBytes() {
    assertThrows(IllegalArgumentException.class, () -> new DataChunk(1, data(0), false));
    assertThrows(IllegalArgumentException.class, () -> new IDataChunk(1, data(0), false));
    assertEquals(65535, new DataChunk(1, data(DataChunk.MAX_PAYLOAD), false).serializedLength());
    assertEquals(65535, new IDataChunk(1, data(IDataChunk.MAX_PAYLOAD), false).serializedLength());
    assertThrows(
        IllegalArgumentException.class,
        () -> new DataChunk(1, data(DataChunk.MAX_PAYLOAD + 1), false));
    assertThrows(
        IllegalArgumentException.class,
        () -> new IDataChunk(1, data(IDataChunk.MAX_PAYLOAD + 1), false));
  }

  @Test
  void nothingLongerThanASixteenBitLength() {
    assertThrows(IllegalArgumentException.class, () -> new CookieEchoChunk(new byte[65532]));
    assertThrows(IllegalArgumentException.class, () -> new StateCookieParameter(new byte[65532]));
    assertThrows(
        IllegalArgumentException.class,
        () -> new InitChunk(1, 1, 1, 1, 1, List.of(new StateCookieParameter(new byte[65520]))));
    List<Integer> dups = Collections.nCopies(16380, 7);
    assertThrows(IllegalArgumentException.class, () -> new SackChunk(1, 1, List.of(), dups));
    List<ErrorCause> causes = new ArrayList<>(Collections.nCopies(8192, new OutOfResourceCause()));
    assertEquals(32772, new AbortChunk(false, causes).serializedLength());
    causes.addAll(causes);
    assertThrows(IllegalArgumentException.class, () -> new AbortChunk(false, causes));
  }

  @Test
  void fieldsOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> new InitChunk(1, -1, 1, 1, 1, List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> new InitChunk(1, 1L << 32, 1, 1, 1, List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> new InitAckChunk(1, 1, 65536, 1, 1, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new SackChunk(1, -1, List.of(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> new StaleCookieCause(-1));
    assertThrows(IllegalArgumentException.class, () -> new InvalidStreamIdentifierCause(65536));
    assertThrows(
        IllegalArgumentException.class, () -> new SupportedExtensionsParameter(List.of(256)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new IncomingSsnResetRequestParameter(1, List.of(70000)));
    assertThrows(
        IllegalArgumentException.class, () -> new AddOutgoingStreamsRequestParameter(1, -1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ReconfigurationResponseParameter(1, 0, false, 5, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SctpPacket(65536, 1, 0, List.of(new CookieAckChunk())));
    assertThrows(IllegalArgumentException.class, () -> new SctpPacket(1, 1, 0, List.of()));
  }

  @Test
  void aForwardTsnCarriesOnlyOrderedSixteenBitSsns() {
    // RFC 3758 §3.2: stream and SSN pairs; unordered messages need no entry.
    assertThrows(
        IllegalArgumentException.class,
        () -> new ForwardTsnChunk(1, List.of(new SkippedStream(1, true, 1))));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ForwardTsnChunk(1, List.of(new SkippedStream(1, false, 65536))));
  }

  @Test
  void unknownTypesMayNotShadowKnownOnes() {
    assertThrows(IllegalArgumentException.class, () -> new UnknownChunk(3, 0, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> new UnknownChunk(256, 0, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> new UnknownChunk(0xC1, 256, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> new UnknownParameter(7, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> new UnknownParameter(0x10000, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> new UnknownCause(12, new byte[0]));
  }

  @Test
  void theTypesHighBitsSayWhatToDoWithAnUnrecognisedChunk() {
    // RFC 9260 §3.2: 00 stop, 01 stop and report, 10 skip, 11 skip and report.
    assertEquals(UnrecognizedAction.STOP, new UnknownChunk(0x3F, 0, new byte[0]).action());
    assertEquals(
        UnrecognizedAction.STOP_AND_REPORT, new UnknownChunk(0x40 | 1, 0, new byte[0]).action());
    assertEquals(UnrecognizedAction.SKIP, new UnknownChunk(0x84, 0, new byte[0]).action());
    UnrecognizedAction asconf = new UnknownChunk(0xC1, 0, new byte[0]).action();
    assertEquals(UnrecognizedAction.SKIP_AND_REPORT, asconf);
    assertTrue(asconf.skips() && asconf.reports());
    assertFalse(UnrecognizedAction.STOP.skips() || UnrecognizedAction.STOP.reports());
  }

  @Test
  void theTypesHighBitsSayWhatToDoWithAnUnrecognisedParameter() {
    // RFC 9260 §3.2.1: the same two bits, of a 16-bit type.
    assertEquals(UnrecognizedAction.STOP, new UnknownParameter(5, new byte[4]).action());
    assertEquals(
        UnrecognizedAction.STOP_AND_REPORT, new UnknownParameter(0x4001, new byte[0]).action());
    assertEquals(UnrecognizedAction.SKIP, new UnknownParameter(0x8002, new byte[0]).action());
    assertEquals(
        UnrecognizedAction.SKIP_AND_REPORT, new UnknownParameter(0xC004, new byte[0]).action());
  }

  @Test
  void unrecognisedItemsAreReportedWithTheirHeaderAndWithoutPadding() {
    UnknownChunk chunk = new UnknownChunk(0xC1, 0x02, new byte[] {9, 8, 7});
    assertEquals(
        List.of((byte) 0xC1, (byte) 0x02, (byte) 0, (byte) 7, (byte) 9, (byte) 8, (byte) 7),
        boxed(UnrecognizedChunkTypeCause.of(chunk).chunk()));
    UnknownParameter parameter = new UnknownParameter(0x8123, new byte[] {5});
    assertEquals(
        List.of((byte) 0x81, (byte) 0x23, (byte) 0, (byte) 5, (byte) 5),
        boxed(UnrecognizedParameterParameter.of(parameter).parameter()));
  }

  private static List<Byte> boxed(byte[] bytes) {
    List<Byte> out = new ArrayList<>();
    for (byte b : bytes) {
      out.add(b);
    }
    return out;
  }
}
