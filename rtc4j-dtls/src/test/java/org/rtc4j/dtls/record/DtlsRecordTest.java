package org.rtc4j.dtls.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ParseException;

class DtlsRecordTest {

  @Test
  void headerRoundTrips() throws ParseException {
    byte[] buf = new byte[DtlsRecord.HEADER_LENGTH + 3];
    DtlsRecord.writeHeader(buf, 0, 22, 0xfefd, 1, 0x0102_0304_0506L, 3);
    buf[13] = 7;
    DtlsRecord r = DtlsRecord.parse(new ByteReader(buf));
    assertEquals(22, r.contentType());
    assertEquals(0xfefd, r.version());
    assertEquals(1, r.epoch());
    assertEquals(0x0102_0304_0506L, r.sequence());
    assertEquals(3, r.fragmentLength());
    assertEquals(13, r.fragmentOffset());
    assertEquals((1L << 48) | 0x0102_0304_0506L, r.epochAndSequence());
  }

  @Test
  void readsBackToBackRecords() throws ParseException {
    byte[] two =
        HexFormat.of().parseHex("14fefd000000000000000000010116fefd00010000000000050002aabb");
    ByteReader reader = new ByteReader(two);
    DtlsRecord first = DtlsRecord.parse(reader);
    DtlsRecord second = DtlsRecord.parse(reader);
    assertEquals(ContentType.CHANGE_CIPHER_SPEC, first.contentType());
    assertEquals(ContentType.HANDSHAKE, second.contentType());
    assertEquals(5, second.sequence());
    assertEquals(2, second.fragmentLength());
    assertFalse(reader.hasRemaining());
  }

  @Test
  void rejectsWhatIsNotARecord() {
    // Cut short, a TLS version, a length past the end, a length beyond the limit.
    for (String hex :
        new String[] {
          "16fefd0000",
          "1603030000000000000000000000",
          "16fefd00000000000000000005aabb",
          "17fefd0001000000000000ffff"
        }) {
      assertThrows(
          ParseException.class,
          () -> DtlsRecord.parse(new ByteReader(HexFormat.of().parseHex(hex))),
          hex);
    }
  }
}
