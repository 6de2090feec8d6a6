package org.rtc4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.datachannel.DataChannelInit;

/**
 * The interop page tells rtc4j which channels to open in a few plain lines; they parse strictly.
 */
class OfferingSessionsTest {

  private static List<OfferingSessions.ChannelSpec> parse(String body) {
    return OfferingSessions.ChannelSpec.parseAll(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aReliableAndAnUnorderedPartiallyReliableChannelParse() {
    List<OfferingSessions.ChannelSpec> specs = parse("reliable true -\nunordered false 0\n");

    assertEquals(
        List.of(
            new OfferingSessions.ChannelSpec("reliable", true, -1),
            new OfferingSessions.ChannelSpec("unordered", false, 0)),
        specs);
    assertEquals(DataChannelInit.DEFAULT, specs.get(0).init());
    DataChannelInit unordered = specs.get(1).init();
    assertEquals(false, unordered.ordered());
    assertEquals(Integer.valueOf(0), unordered.maxRetransmits());
  }

  @Test
  void malformedLinesNoChannelsAndTooManyChannelsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> parse("reliable yes -"));
    assertThrows(IllegalArgumentException.class, () -> parse("reliable true"));
    assertThrows(IllegalArgumentException.class, () -> parse("reliable true many"));
    assertThrows(IllegalArgumentException.class, () -> parse("reliable true -2"));
    assertThrows(IllegalArgumentException.class, () -> parse("\n \n"));
    assertThrows(
        IllegalArgumentException.class,
        () -> parse("c true -\n".repeat(OfferingSessions.MAX_CHANNELS + 1)));
  }
}
