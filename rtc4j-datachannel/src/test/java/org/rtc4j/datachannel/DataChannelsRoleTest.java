package org.rtc4j.datachannel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.sctp.PayloadProtocolId;
import org.rtc4j.sctp.SendOptions;
import org.rtc4j.sctp.SendStatus;

/**
 * Channels created before the DTLS role is known, as a peer connection creates them before its
 * offer is answered: W3C gives them a null id, and the role gives them one of its parity.
 */
class DataChannelsRoleTest {
  private final List<Integer> sentOn = new ArrayList<>();
  private final DataChannelTransport transport =
      new DataChannelTransport() {
        @Override
        public SendStatus send(int streamId, int ppid, byte[] payload, SendOptions options) {
          sentOn.add(streamId);
          return SendStatus.QUEUED;
        }

        @Override
        public void resetStreams(int... streamIds) {}

        @Override
        public long bufferedAmount(int streamId) {
          return 0;
        }

        @Override
        public void setBufferedAmountLowThreshold(int streamId, long threshold) {}
      };
  private final DataChannels channels = new DataChannels(transport, DataChannelLimits.DEFAULT);

  @Test
  void channelsCreatedBeforeTheRoleHaveNoIdUntilItIsSet() {
    DataChannel chat = channels.createDataChannel("chat");
    DataChannel files = channels.createDataChannel("files");
    DataChannel fixed =
        channels.createDataChannel("fixed", DataChannelInit.builder().negotiated(7).build());

    assertFalse(channels.dtlsRoleKnown());
    assertEquals(-1, chat.id());
    assertEquals(-1, files.id());
    assertEquals(7, fixed.id()); // a negotiated channel names its own id
    assertEquals(3, channels.channels().size());
    assertThrows(IllegalStateException.class, channels::dtlsClient);

    channels.setDtlsRole(false); // the DTLS server takes odd ids (RFC 8832 §6), lowest first

    assertEquals(1, chat.id());
    assertEquals(3, files.id());
    assertTrue(channels.channel(3).isPresent());
    assertEquals(DataChannelState.CONNECTING, chat.readyState());
    channels.handleConnected();
    assertEquals(DataChannelState.OPEN, chat.readyState());
    assertEquals(List.of(1, 3), sentOn); // one DATA_CHANNEL_OPEN each; none for the negotiated one
  }

  @Test
  void theRoleIsSetOnce() {
    channels.setDtlsRole(true);
    channels.setDtlsRole(true);
    assertThrows(IllegalStateException.class, () -> channels.setDtlsRole(false));
    assertEquals(0, channels.createDataChannel("a").id());
  }

  @Test
  void aChannelClosedBeforeItsIdIsGivenCloses() {
    DataChannel gone = channels.createDataChannel("gone");
    gone.close();

    assertEquals(DataChannelState.CLOSED, gone.readyState());
    assertTrue(channels.pollEvent() instanceof DataChannelEvent.Close);
    channels.setDtlsRole(true);
    assertEquals(-1, gone.id());
    assertTrue(channels.channels().isEmpty());
  }

  @Test
  void connectingWithoutARoleIsAMistakeOfTheOwner() {
    assertThrows(IllegalStateException.class, channels::handleConnected);
  }

  @Test
  void aMessageBeforeTheRoleIsDropped() {
    channels.handleMessage(0, PayloadProtocolId.STRING, new byte[] {'x'});
    assertEquals(1, channels.drops().get(DataChannels.Drop.NOT_OPEN));
    assertEquals(null, channels.pollEvent());
  }
}
