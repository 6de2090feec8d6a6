package org.rtc4j.stun.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.Time;
import org.rtc4j.common.TransportProtocol;
import org.rtc4j.stun.MessageType;
import org.rtc4j.stun.StunClient;
import org.rtc4j.stun.StunClientEvent;
import org.rtc4j.stun.StunCredentials;
import org.rtc4j.stun.StunMessage;
import org.rtc4j.stun.StunRetransmission;
import org.rtc4j.stun.StunServer;
import org.rtc4j.stun.TransactionId;
import org.rtc4j.stun.attributes.AddressAttribute;
import org.rtc4j.stun.attributes.AttributeType;
import org.rtc4j.stun.attributes.Fingerprint;
import org.rtc4j.stun.attributes.MessageIntegrity;
import org.rtc4j.stun.attributes.StunAttribute;
import org.rtc4j.stun.attributes.TextAttribute;

/**
 * Jazzer fuzz targets for the STUN codec and the two STUN endpoints. Without {@code JAZZER_FUZZ}
 * they run as ordinary tests over the seeds in {@code StunFuzzTestInputs/} (see {@code
 * package-info.java} for how to fuzz for real).
 */
class StunFuzzTest {
  /** RFC 5769 §2: the vectors' short-term password, so that their integrity verifies. */
  private static final byte[] KEY = StunCredentials.shortTermKey("VOkJxbRl1RmTxUk/WvJxBt");

  /**
   * The RFC 5769 vectors' transaction id. The client's open transaction has it, so seeds that are
   * responses answer it.
   */
  private static final TransactionId OPEN_TRANSACTION =
      TransactionId.of(HexFormat.of().parseHex("b7e7a701bc34d686fa87dfae"));

  /** MESSAGE-INTEGRITY and FINGERPRINT with their headers (RFC 8489 §14.5, §14.7). */
  private static final int INTEGRITY_AND_FINGERPRINT_LENGTH = 4 + 20 + 4 + 4;

  private static final InetSocketAddress CLIENT = new InetSocketAddress("192.0.2.1", 32853);
  private static final InetSocketAddress SERVER = new InetSocketAddress("198.51.100.9", 3478);

  /**
   * Decodes arbitrary bytes, as they are and with their framing mended. {@link ParseException} is
   * the only way to refuse them; a message that decodes must be usable in every way, and re-encode
   * to the same attributes.
   */
  @FuzzTest
  void decode(byte[] data) {
    for (byte[] payload : asReceivedAndMended(data)) {
      decodeAndUse(payload);
    }
  }

  /**
   * Feeds arbitrary bytes, as they are and with their framing mended, to a {@link StunServer} and
   * to a {@link StunClient} with one open transaction, then lets the two talk and the client's
   * timers run out. Nothing may throw, every datagram in must be answered or counted as dropped,
   * and the transaction must end exactly once.
   */
  @FuzzTest
  void serverAndClientHandleRead(byte[] data) {
    Peers peers = new Peers();
    Datagram request = peers.client.pollWrite();
    // The fuzzed datagrams reach the client while its transaction is open, and the server while
    // its single response slot is free.
    List<byte[]> payloads = asReceivedAndMended(data);
    for (byte[] payload : payloads) {
      peers.toClient(Datagram.udp(payload, CLIENT, SERVER), 0);
    }
    for (byte[] payload : payloads) {
      peers.toServer(Datagram.udp(payload, SERVER, CLIENT), 0);
    }
    peers.toServer(request.reversed(), 0);
    peers.pump(0);
    for (int i = 0; i < 16 && peers.client.pollTimeout() != Time.NEVER; i++) {
      long now = peers.client.pollTimeout();
      peers.client.handleTimeout(now);
      peers.server.handleTimeout(now);
      peers.pump(now);
    }
    peers.assertAccountedFor();
  }

  @Test
  void aMessageAtTheLengthLimitDecodesButHasNoRoomForIntegrity() throws ParseException {
    // One comprehension-optional attribute that fills the largest body STUN's length allows.
    ByteBuffer message = header(MessageType.BINDING_INDICATION, StunMessage.MAX_BODY_LENGTH);
    message.putShort((short) 0x8888).putShort((short) (StunMessage.MAX_BODY_LENGTH - 4));
    byte[] bytes = message.array();
    StunMessage decoded = StunMessage.decode(bytes);
    // The encoder refuses it, as its Javadoc says; the fuzz target must accept that and no more.
    assertThrows(
        IllegalArgumentException.class,
        () -> decoded.toBuilder().integrity(KEY).fingerprint().encode());
    decode(bytes);
  }

  @Test
  void malformedUtf8GrowsThreefoldAndCanOutgrowTheLengthLimit() throws ParseException {
    // 87 SOFTWARE attributes of 252 bytes of 0xFF: each byte decodes to U+FFFD, 3 bytes of UTF-8,
    // so 22272 bytes on the wire re-encode to 66120, more than a STUN message can hold.
    int count = 87;
    int valueLength = 252;
    ByteBuffer message = header(MessageType.BINDING_INDICATION, count * (4 + valueLength));
    byte[] value = new byte[valueLength];
    Arrays.fill(value, (byte) 0xFF);
    for (int i = 0; i < count; i++) {
      message.putShort((short) AttributeType.SOFTWARE).putShort((short) valueLength).put(value);
    }
    byte[] bytes = message.array();
    StunMessage decoded = StunMessage.decode(bytes);
    assertThrows(IllegalArgumentException.class, () -> decoded.toBuilder().encode());
    decode(bytes);
  }

  /**
   * {@code data}, and also {@code data} with the framing that mutations break mended, if that
   * differs: the header's length set to the body that follows (cut to a multiple of 4), and a
   * FINGERPRINT at the end recomputed (RFC 8489 §14.7). Nearly every mutation that adds or drops
   * bytes breaks the length, so without this the fuzzer seldom gets past the header.
   */
  private static List<byte[]> asReceivedAndMended(byte[] data) {
    if (data.length < StunMessage.HEADER_LENGTH) {
      return List.of(data);
    }
    int body = Math.min(data.length - StunMessage.HEADER_LENGTH, StunMessage.MAX_BODY_LENGTH) & ~3;
    byte[] mended = Arrays.copyOf(data, StunMessage.HEADER_LENGTH + body);
    ByteBuffer buffer = ByteBuffer.wrap(mended).putShort(2, (short) body);
    int last = mended.length - 8;
    if (body >= 8
        && buffer.getShort(last) == (short) AttributeType.FINGERPRINT
        && buffer.getShort(last + 2) == 4) {
      CRC32 crc = new CRC32();
      crc.update(mended, 0, last);
      buffer.putInt(last + 4, (int) crc.getValue() ^ Fingerprint.XOR_MASK);
    }
    return Arrays.equals(data, mended) ? List.of(data) : List.of(data, mended);
  }

  private static void decodeAndUse(byte[] data) {
    StunMessage message;
    try {
      message = StunMessage.decode(data, 0, data.length);
    } catch (ParseException e) {
      assertEquals("refused: " + e.getMessage(), decodeInsideLargerArray(data));
      return;
    }
    assertEquals(message.toString(), decodeInsideLargerArray(data));
    assertTrue(StunMessage.isStun(data, 0, data.length), "decoded, but isStun says no");
    inspect(message);
    assertReencodes(message);
  }

  /** A header for a message of {@code type} with a body of {@code bodyLength} zero bytes. */
  private static ByteBuffer header(MessageType type, int bodyLength) {
    return ByteBuffer.allocate(StunMessage.HEADER_LENGTH + bodyLength)
        .putShort((short) type.toWire())
        .putShort((short) bodyLength)
        .putInt(StunMessage.MAGIC_COOKIE)
        .put(OPEN_TRANSACTION.toByteArray());
  }

  /**
   * What decoding {@code data} gives when it sits between other bytes of a larger array: the
   * message's {@code toString()}, or the refusal. It must be what decoding it alone gives.
   */
  private static String decodeInsideLargerArray(byte[] data) {
    int offset = 7;
    byte[] larger = new byte[offset + data.length + 5];
    Arrays.fill(larger, (byte) 0x55);
    System.arraycopy(data, 0, larger, offset, data.length);
    try {
      return StunMessage.decode(larger, offset, data.length).toString();
    } catch (ParseException e) {
      return "refused: " + e.getMessage();
    }
  }

  /** Calls what a receiver of {@code message} would call. */
  private static void inspect(StunMessage message) {
    assertEquals(message.type(), MessageType.fromWire(message.type().toWire()));
    assertEquals(12, message.transactionId().toByteArray().length);
    boolean verified = message.verifyIntegrity(KEY);
    message.verifyMessageIntegrity(KEY);
    message.verifyMessageIntegritySha256(KEY);
    message.verifyIntegrity(new byte[0]);
    if (!message.hasIntegrity()) {
      assertFalse(verified, "verified a message without integrity");
    }
    for (StunAttribute attribute : message.attributes()) {
      assertTrue(message.has(attribute.getClass()));
      assertEquals(attribute, attribute);
      attribute.hashCode();
      attribute.toString();
      AttributeType.name(attribute.type());
      if (attribute instanceof AddressAttribute address) {
        assertFalse(address.address().isUnresolved());
        address.isXored();
      } else if (attribute instanceof TextAttribute text) {
        text.value().length();
      }
    }
    for (int type : message.unknownComprehensionRequired()) {
      assertTrue(AttributeType.isComprehensionRequired(type), AttributeType.name(type));
    }
    message.toString();
  }

  /**
   * Re-encodes {@code message} with MESSAGE-INTEGRITY and FINGERPRINT and decodes it again: the
   * same type, transaction and attributes (less the computed ones), and integrity that verifies.
   */
  private static void assertReencodes(StunMessage message) {
    List<StunAttribute> kept = withoutComputed(message.attributes());
    byte[] again;
    try {
      again = message.toBuilder().integrity(KEY).fingerprint().encode();
    } catch (IllegalArgumentException e) {
      // The encoder refuses a message longer than the 16-bit length field allows. A decoded
      // message can be one: near the limit without MESSAGE-INTEGRITY and FINGERPRINT, or with
      // malformed UTF-8 text, which decodes to U+FFFD and grows threefold. Nothing else may fail.
      int needed = bodyLength(message, kept) + INTEGRITY_AND_FINGERPRINT_LENGTH;
      if (needed <= StunMessage.MAX_BODY_LENGTH) {
        throw new AssertionError("a body of " + needed + " bytes fits, yet encoding failed", e);
      }
      return;
    }
    StunMessage decoded;
    try {
      decoded = StunMessage.decode(again);
    } catch (ParseException e) {
      throw new AssertionError("cannot decode what was encoded: " + hex(again), e);
    }
    assertEquals(message.type(), decoded.type());
    assertEquals(message.transactionId(), decoded.transactionId());
    List<StunAttribute> got = decoded.attributes();
    assertEquals(kept.size() + 2, got.size(), "attributes of " + hex(again));
    assertEquals(kept, got.subList(0, kept.size()));
    assertTrue(got.get(kept.size()) instanceof MessageIntegrity);
    assertTrue(got.get(kept.size() + 1) instanceof Fingerprint);
    assertEquals(message.unknownComprehensionRequired(), decoded.unknownComprehensionRequired());
    assertTrue(decoded.verifyIntegrity(KEY));
    // Decoding may normalise once (U+FFFD, padding, IPv4-mapped addresses); after that the
    // encoding is a fixed point.
    assertArrayEquals(again, decoded.toBuilder().integrity(KEY).fingerprint().encode());
  }

  private static List<StunAttribute> withoutComputed(List<StunAttribute> attributes) {
    List<StunAttribute> kept = new ArrayList<>();
    for (StunAttribute a : attributes) {
      if (a.type() != AttributeType.MESSAGE_INTEGRITY
          && a.type() != AttributeType.MESSAGE_INTEGRITY_SHA256
          && a.type() != AttributeType.FINGERPRINT) {
        kept.add(a);
      }
    }
    return kept;
  }

  /** The body length {@code attributes} take when encoded, each measured on its own. */
  private static int bodyLength(StunMessage message, List<StunAttribute> attributes) {
    int length = 0;
    for (StunAttribute a : attributes) {
      byte[] alone = StunMessage.builder(message.type(), message.transactionId()).add(a).encode();
      length += alone.length - StunMessage.HEADER_LENGTH;
    }
    return length;
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * A server and a client with one Binding transaction open, wired to each other, counting what
   * each was handed so that every datagram can be accounted for at the end.
   */
  private static final class Peers {
    final StunServer server = new StunServer("rtc4j fuzz", 1);
    final StunClient client = new StunClient(StunRetransmission.DEFAULT, 1);
    final List<StunClientEvent> events = new ArrayList<>();
    int serverReads;
    int serverResponses;
    int clientReads;

    Peers() {
      byte[] request =
          StunMessage.builder(MessageType.BINDING_REQUEST, OPEN_TRANSACTION).fingerprint().encode();
      client.send(request, CLIENT, SERVER, TransportProtocol.UDP, 0);
    }

    void toServer(Datagram datagram, long now) {
      serverReads++;
      server.handleRead(datagram, now);
    }

    void toClient(Datagram datagram, long now) {
      clientReads++;
      client.handleRead(datagram, now);
      for (StunClientEvent e; (e = client.pollEvent()) != null; ) {
        events.add(e);
      }
    }

    /** Delivers what each has to send to the other until both are quiet. */
    void pump(long now) {
      for (int round = 0; round < 16; round++) {
        boolean quiet = true;
        for (Datagram d; (d = server.pollWrite()) != null; quiet = false) {
          serverResponses++;
          assertServerResponse(d);
          toClient(d.reversed(), now);
        }
        for (Datagram d; (d = client.pollWrite()) != null; quiet = false) {
          toServer(d.reversed(), now);
        }
        for (StunClientEvent e; (e = client.pollEvent()) != null; ) {
          events.add(e);
        }
        if (quiet) {
          return;
        }
      }
      throw new AssertionError("the server and the client never went quiet");
    }

    private static void assertServerResponse(Datagram d) {
      assertEquals(CLIENT, d.remote(), "a response goes back where the request came from");
      StunMessage response;
      try {
        response = StunMessage.decode(d);
      } catch (ParseException e) {
        throw new AssertionError("the server sent what it cannot read: " + hex(d.copyPayload()), e);
      }
      assertTrue(response.type().messageClass().isResponse(), response.toString());
    }

    /**
     * Each datagram was dropped and counted, or answered; the transaction ended in exactly one
     * event.
     */
    void assertAccountedFor() {
      assertEquals(Time.NEVER, client.pollTimeout(), "the client's timers ran out");
      assertEquals(0, client.openTransactions());
      assertEquals(1, events.size(), events.toString());
      assertEquals(OPEN_TRANSACTION, events.get(0).transactionId());
      assertEquals(
          serverReads,
          server.drops().total() + server.indicationsReceived() + serverResponses,
          server.drops().toString());
      boolean timedOut =
          events.get(0) instanceof StunClientEvent.Failed failed
              && failed.reason() == StunClientEvent.Reason.TIMED_OUT;
      assertEquals(clientReads, client.drops().total() + (timedOut ? 0 : 1));
    }
  }
}
