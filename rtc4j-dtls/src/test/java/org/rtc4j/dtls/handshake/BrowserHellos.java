package org.rtc4j.dtls.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ParseException;

/**
 * The browsers' captured ClientHellos: each fixture holds one UDP payload per line in hex, DTLS
 * records of a 13-byte header (RFC 6347 §4.1) carrying handshake fragments. This splits them and
 * reassembles the message body by fragment offset.
 */
final class BrowserHellos {
  static final String CHROMIUM = "chromium156-dtls-clienthello.hex";
  static final String FIREFOX = "firefox153-dtls-clienthello.hex";

  private static final int RECORD_HEADER_LENGTH = 13;
  private static final int CONTENT_TYPE_HANDSHAKE = 22;

  private BrowserHellos() {}

  /** The fixture's datagrams. */
  static List<byte[]> datagrams(String fixture) throws IOException {
    String path = "/org/rtc4j/dtls/fixtures/" + fixture;
    try (InputStream in = BrowserHellos.class.getResourceAsStream(path)) {
      assertNotNull(in, path);
      List<byte[]> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (!line.isBlank()) {
          out.add(Hex.bytes(line.strip()));
        }
      }
      return out;
    }
  }

  /** The handshake fragments in the fixture's records, in order. */
  static List<HandshakeFragment> fragments(String fixture) throws IOException, ParseException {
    List<HandshakeFragment> out = new ArrayList<>();
    for (byte[] datagram : datagrams(fixture)) {
      ByteReader records = new ByteReader(datagram);
      while (records.hasRemaining()) {
        int type = records.u8();
        records.skip(RECORD_HEADER_LENGTH - 3);
        int length = records.u16();
        assertEquals(CONTENT_TYPE_HANDSHAKE, type);
        ByteReader record = records.slice(length);
        while (record.hasRemaining()) {
          out.add(HandshakeFragment.parse(record));
        }
      }
    }
    return out;
  }

  /** The ClientHello body the fixture's fragments make up, every byte covered. */
  static byte[] body(String fixture) throws IOException, ParseException {
    List<HandshakeFragment> fragments = fragments(fixture);
    int length = fragments.get(0).length();
    byte[] body = new byte[length];
    boolean[] filled = new boolean[length];
    for (HandshakeFragment f : fragments) {
      assertEquals(HandshakeType.CLIENT_HELLO, HandshakeType.fromCode(f.type()));
      assertEquals(0, f.messageSeq());
      assertEquals(length, f.length());
      System.arraycopy(f.data(), 0, body, f.fragmentOffset(), f.fragmentLength());
      for (int i = 0; i < f.fragmentLength(); i++) {
        filled[f.fragmentOffset() + i] = true;
      }
    }
    for (int i = 0; i < length; i++) {
      assertTrue(filled[i], "byte " + i + " of the ClientHello is in no fragment");
    }
    return body;
  }
}
