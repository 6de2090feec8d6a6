package org.rtc4j.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The browser descriptions in {@code src/test/resources/org/rtc4j/sdp/}. */
final class Fixtures {
  private Fixtures() {}

  static final List<String> NAMES =
      List.of("chrome-offer.sdp", "chrome-answer.sdp", "firefox-offer.sdp", "firefox-answer.sdp");

  /** The fixture's text with every line end made CRLF, SDP's own. */
  static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return raw.replace("\r\n", "\n").replace("\n", "\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SessionDescription parse(String name) {
    try {
      return SessionDescription.parse(text(name));
    } catch (SdpParseException e) {
      throw new AssertionError(name + " does not parse", e);
    }
  }
}
