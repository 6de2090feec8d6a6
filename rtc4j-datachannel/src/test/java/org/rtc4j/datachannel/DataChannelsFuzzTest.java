package org.rtc4j.datachannel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rtc4j.datachannel.FakeAssociation.End;
import org.rtc4j.datachannel.dcep.ChannelType;
import org.rtc4j.datachannel.dcep.DataChannelOpen;
import org.rtc4j.sctp.PayloadProtocolId;

/**
 * A Jazzer fuzz target for {@link DataChannels}: a peer that says anything at all (messages with
 * any PPID, OPENs and ACKs well formed or not, stream resets), mixed with an application that
 * creates, uses and closes channels. Nothing may throw but the exceptions the API documents, and
 * the channels must stay consistent and within their limits.
 *
 * <p>A plain {@code ./mvnw test} runs it once per seed in {@code
 * src/test/resources/org/rtc4j/datachannel/DataChannelsFuzzTestInputs/peerSaysAnything/}. To fuzz:
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m ./mvnw -B -pl rtc4j-datachannel -am test \
 *     -Dtest='DataChannelsFuzzTest#peerSaysAnything' -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 */
class DataChannelsFuzzTest {
  private static final int[] PPIDS = {
    PayloadProtocolId.DCEP,
    PayloadProtocolId.STRING,
    PayloadProtocolId.BINARY,
    PayloadProtocolId.STRING_EMPTY,
    PayloadProtocolId.BINARY_EMPTY,
    52,
    0
  };

  @FuzzTest
  void peerSaysAnything(FuzzedDataProvider data) {
    DataChannelLimits limits = new DataChannelLimits(6, 12, 4096);
    FakeAssociation association = new FakeAssociation(limits, limits);
    End client = association.client;
    DataChannels channels = client.channels;
    client.maxBuffered = 2048;
    client.reportBufferedAmountLow = true;
    if (data.consumeBoolean()) {
      channels.createDataChannel("before connecting");
    }
    association.connect();
    for (int step = 0; step < 200 && data.remainingBytes() > 0; step++) {
      switch (data.consumeInt(0, 9)) {
        case 0 -> channels.handleMessage(stream(data), ppid(data), data.consumeBytes(64));
        case 1 -> channels.handleMessage(stream(data), PayloadProtocolId.DCEP, open(data));
        case 2 -> channels.handleMessage(stream(data), PayloadProtocolId.DCEP, new byte[] {2});
        case 3 -> channels.handleIncomingStreamsReset(stream(data), stream(data));
        case 4 -> channels.handleOutgoingStreamsReset(stream(data));
        case 5 -> channels.handleBufferedAmountLow(stream(data));
        case 6 -> poll(client, data.consumeInt(0, 20));
        case 7 -> create(channels, data);
        case 8 -> use(channels, data);
        default -> association.deliver();
      }
      assertConsistent(channels, limits);
    }
    // However it went, closing the association closes every channel, each exactly once.
    channels.handleClosed();
    assertTrue(channels.channels().isEmpty());
    Map<DataChannel, Integer> closes = new IdentityHashMap<>();
    for (DataChannelEvent event : client.allEvents()) {
      closes.putIfAbsent(event.channel(), 0);
      if (event instanceof DataChannelEvent.Close) {
        closes.merge(event.channel(), 1, Integer::sum);
      }
    }
    closes.forEach(
        (channel, count) -> {
          assertEquals(DataChannelState.CLOSED, channel.readyState());
          assertEquals(1, count, channel + " closed " + count + " times");
        });
  }

  private static int stream(FuzzedDataProvider data) {
    return data.consumeBoolean() ? data.consumeInt(0, 12) : data.consumeInt();
  }

  private static int ppid(FuzzedDataProvider data) {
    return data.consumeBoolean() ? data.pickValue(PPIDS) : data.consumeInt();
  }

  /** A well-formed DATA_CHANNEL_OPEN, so that the fuzzer gets past the parser often. */
  private static byte[] open(FuzzedDataProvider data) {
    ChannelType type = data.pickValue(ChannelType.values());
    long parameter = data.consumeLong(0, 0xFFFF_FFFFL);
    String label = data.consumeString(16);
    String protocol = data.consumeString(16);
    return new DataChannelOpen(type, data.consumeInt(0, 0xFFFF), parameter, label, protocol)
        .toBytes();
  }

  private static int poll(End end, int most) {
    int n = 0;
    while (n < most && end.nextEvent() != null) {
      n++;
    }
    return n;
  }

  private static void create(DataChannels channels, FuzzedDataProvider data) {
    DataChannelInit.Builder init = DataChannelInit.builder().ordered(data.consumeBoolean());
    switch (data.consumeInt(0, 2)) {
      case 0 -> init.maxRetransmits(data.consumeInt(0, 0xFFFF));
      case 1 -> init.maxPacketLifeTime(data.consumeInt(0, 0xFFFF));
      default -> {}
    }
    if (data.consumeBoolean()) {
      init.negotiated(data.consumeInt(0, 12));
    }
    try {
      channels.createDataChannel(data.consumeString(8), init.build());
    } catch (DataChannelException e) {
      // An id in use, or the channel limit: documented, and nothing changed.
    }
  }

  private static void use(DataChannels channels, FuzzedDataProvider data) {
    List<DataChannel> all = channels.channels();
    if (all.isEmpty()) {
      return;
    }
    DataChannel channel = all.get(data.consumeInt(0, all.size() - 1));
    switch (data.consumeInt(0, 3)) {
      case 0 -> channel.close();
      case 1 -> channel.setBufferedAmountLowThreshold(data.consumeInt(0, 4096));
      default -> {
        if (channel.readyState() != DataChannelState.OPEN) {
          return;
        }
        try {
          channel.send(data.consumeBytes(1024));
        } catch (SendRefusedException e) {
          assertNotEquals(null, e.status());
        }
      }
    }
  }

  private static void assertConsistent(DataChannels channels, DataChannelLimits limits) {
    List<DataChannel> all = channels.channels();
    assertTrue(all.size() <= limits.maxChannels(), all.toString());
    Set<Integer> ids = new HashSet<>();
    for (DataChannel channel : all) {
      assertNotEquals(DataChannelState.CLOSED, channel.readyState());
      assertTrue(channel.id() >= 0 && channel.id() <= DataChannels.MAX_STREAM_ID);
      assertTrue(ids.add(channel.id()), "two channels on stream " + channel.id());
      assertEquals(channel, channels.channel(channel.id()).orElseThrow());
    }
  }
}
