package org.rtc4j.datachannel.dcep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.rtc4j.common.ParseException;

/**
 * A Jazzer fuzz target for the DCEP parser: arbitrary bytes are refused with {@link ParseException}
 * and nothing else, and whatever parses writes back to exactly the same bytes.
 *
 * <p>A plain {@code ./mvnw test} runs it once per seed in {@code
 * src/test/resources/org/rtc4j/datachannel/dcep/DcepFuzzTestInputs/parse/}. To fuzz:
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m ./mvnw -B -pl rtc4j-datachannel -am test \
 *     -Dtest='DcepFuzzTest#parse' -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 */
class DcepFuzzTest {
  @FuzzTest
  void parse(byte[] data) {
    DcepMessage message;
    try {
      message = DcepMessage.parse(data);
    } catch (ParseException e) {
      assertTrue(e.offset() >= 0 && e.offset() <= data.length, e.getMessage());
      return;
    }
    assertArrayEquals(data, message.toBytes(), message.toString());
    if (message instanceof DataChannelOpen open) {
      assertEquals(open.channelType().code(), data[1] & 0xFF);
      int labelBytes = open.label().getBytes(StandardCharsets.UTF_8).length;
      int protocolBytes = open.protocol().getBytes(StandardCharsets.UTF_8).length;
      assertEquals(data.length, DataChannelOpen.FIXED_LENGTH + labelBytes + protocolBytes);
      assertEquals(open.label(), Utf8Text.scalarValues(open.label()), "UTF-8 has no surrogates");
    } else {
      assertTrue(Arrays.equals(new byte[] {DcepMessage.TYPE_ACK}, data));
    }
  }
}
