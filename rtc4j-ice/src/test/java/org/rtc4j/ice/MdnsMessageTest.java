package org.rtc4j.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;

class MdnsMessageTest {
  static final String NAME = "9b36eaac-bb2e-49bb-bb78-21c6e7e7b3a0.local";

  @Test
  void queryAndAnswerRoundTrip() throws Exception {
    MdnsMessage query =
        new MdnsMessage(
            false, List.of(new MdnsMessage.Question(NAME, MdnsMessage.TYPE_A)), List.of());
    byte[] q = query.encode();
    assertEquals(query, MdnsMessage.parse(q, 0, q.length));
    MdnsMessage answer =
        new MdnsMessage(
            true,
            List.of(),
            List.of(
                new MdnsMessage.Answer(NAME, InetAddress.getByName("192.0.2.7"), 120),
                new MdnsMessage.Answer(NAME, InetAddress.getByName("2001:db8::7"), 120)));
    byte[] a = answer.encode();
    assertEquals(answer, MdnsMessage.parse(a, 0, a.length));
  }

  @Test
  void compressedNamesAreFollowed() throws Exception {
    // A response whose answer's name points back at the question's name (offset 12).
    String hex =
        "0000 8400 0001 0001 0000 0000"
            + " 04 686f7374 05 6c6f63616c 00 0001 0001"
            + " c00c 0001 8001 00000078 0004 c0000207";
    byte[] b = HexFormat.of().parseHex(hex.replace(" ", ""));
    MdnsMessage m = MdnsMessage.parse(b, 0, b.length);
    assertEquals("host.local", m.answers().get(0).name());
    assertEquals(InetAddress.getByName("192.0.2.7"), m.answers().get(0).address());
    assertTrue(m.response());
  }

  @Test
  void pointerLoopsAndTruncationAreParseExceptions() {
    // The question's name is a pointer to itself.
    byte[] loop = HexFormat.of().parseHex("000000000001000000000000c00c00010001");
    assertThrows(ParseException.class, () -> MdnsMessage.parse(loop, 0, loop.length));
    byte[] good =
        new MdnsMessage(false, List.of(new MdnsMessage.Question(NAME, 1)), List.of()).encode();
    for (int n = 0; n < good.length; n++) {
      int cut = n;
      assertThrows(ParseException.class, () -> MdnsMessage.parse(good, 0, cut), "length " + n);
    }
  }
}
