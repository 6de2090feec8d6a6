package org.rtc4j.stun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.RandomSource;
import org.rtc4j.stun.attributes.AdditionalAddressFamily;
import org.rtc4j.stun.attributes.AddressErrorCode;
import org.rtc4j.stun.attributes.AddressFamily;
import org.rtc4j.stun.attributes.AlternateDomain;
import org.rtc4j.stun.attributes.AlternateServer;
import org.rtc4j.stun.attributes.AttributeType;
import org.rtc4j.stun.attributes.ChannelNumber;
import org.rtc4j.stun.attributes.ConnectionId;
import org.rtc4j.stun.attributes.Data;
import org.rtc4j.stun.attributes.DontFragment;
import org.rtc4j.stun.attributes.ErrorCode;
import org.rtc4j.stun.attributes.EvenPort;
import org.rtc4j.stun.attributes.Fingerprint;
import org.rtc4j.stun.attributes.IceControlled;
import org.rtc4j.stun.attributes.IceControlling;
import org.rtc4j.stun.attributes.Icmp;
import org.rtc4j.stun.attributes.Lifetime;
import org.rtc4j.stun.attributes.MappedAddress;
import org.rtc4j.stun.attributes.MessageIntegrity;
import org.rtc4j.stun.attributes.MessageIntegritySha256;
import org.rtc4j.stun.attributes.Nonce;
import org.rtc4j.stun.attributes.PasswordAlgorithm;
import org.rtc4j.stun.attributes.PasswordAlgorithms;
import org.rtc4j.stun.attributes.Priority;
import org.rtc4j.stun.attributes.Realm;
import org.rtc4j.stun.attributes.RequestedAddressFamily;
import org.rtc4j.stun.attributes.RequestedTransport;
import org.rtc4j.stun.attributes.ReservationToken;
import org.rtc4j.stun.attributes.Software;
import org.rtc4j.stun.attributes.StunAttribute;
import org.rtc4j.stun.attributes.UnknownAttribute;
import org.rtc4j.stun.attributes.UnknownAttributes;
import org.rtc4j.stun.attributes.UseCandidate;
import org.rtc4j.stun.attributes.Userhash;
import org.rtc4j.stun.attributes.Username;
import org.rtc4j.stun.attributes.XorMappedAddress;
import org.rtc4j.stun.attributes.XorPeerAddress;
import org.rtc4j.stun.attributes.XorRelayedAddress;

class AttributeRoundTripTest {
  static final TransactionId ID = TransactionId.random(RandomSource.seeded(7));

  /** One of every attribute rtc4j knows (except the three the encoder computes). */
  static List<StunAttribute> everyAttribute() throws Exception {
    InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("203.0.113.7"), 3478);
    InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 65535);
    return List.of(
        new MappedAddress(v4),
        new XorMappedAddress(v6),
        new XorPeerAddress(v4),
        new XorRelayedAddress(v6),
        new AlternateServer(v6),
        new Username("ufragA:ufragB"),
        new Realm("example.org"),
        new Nonce("obMatJos2AAACf//499k954d6OL34oL9FSTvy64sA"),
        new Software("rtc4j"),
        new AlternateDomain("turn.example.org"),
        new ErrorCode(438, "Stale Nonce"),
        new UnknownAttributes(List.of(0x0031, 0x7FFF, 0x0001)),
        new Userhash(new byte[32]),
        PasswordAlgorithm.of(PasswordAlgorithm.SHA_256),
        new PasswordAlgorithms(
            List.of(
                PasswordAlgorithm.of(PasswordAlgorithm.MD5),
                new PasswordAlgorithm(7, new byte[] {1, 2, 3}),
                PasswordAlgorithm.of(PasswordAlgorithm.SHA_256))),
        new Priority(0xFFFF_FFFFL),
        new UseCandidate(),
        new IceControlled(-2L),
        new IceControlling(0x0123456789ABCDEFL),
        new ChannelNumber(0x4001),
        new Lifetime(600),
        new Data(new byte[] {1, 2, 3, 4, 5}),
        new EvenPort(true),
        new RequestedTransport(RequestedTransport.UDP),
        new DontFragment(),
        new ReservationToken(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}),
        new RequestedAddressFamily(AddressFamily.IPV6),
        new AdditionalAddressFamily(AddressFamily.IPV6),
        new AddressErrorCode(AddressFamily.IPV6, 440, "Address Family not Supported"),
        new Icmp(3, 4, 1200),
        new ConnectionId(0xDEADBEEFL),
        new UnknownAttribute(0xC057, new byte[] {0, 1, 0, 10}));
  }

  @Test
  void everyAttributeSurvivesEncodeAndDecode() throws Exception {
    StunMessage.Builder b = StunMessage.builder(MessageType.BINDING_REQUEST, ID);
    List<StunAttribute> all = everyAttribute();
    all.forEach(b::add);
    byte[] key = {1, 2, 3};
    StunMessage decoded =
        StunMessage.decode(b.integrity(key).integritySha256(key).fingerprint().encode());
    List<StunAttribute> got = decoded.attributes();
    assertEquals(all, got.subList(0, all.size()));
    assertTrue(got.get(all.size()) instanceof MessageIntegrity);
    assertTrue(got.get(all.size() + 1) instanceof MessageIntegritySha256);
    assertTrue(got.get(all.size() + 2) instanceof Fingerprint);
    assertTrue(decoded.verifyMessageIntegrity(key));
    assertTrue(decoded.verifyMessageIntegritySha256(key));
    assertTrue(decoded.verifyIntegrity(key));
    assertEquals(List.of(), decoded.unknownComprehensionRequired(), "0xC057 is optional");
  }

  @Test
  void everyKnownTypeIsCovered() throws Exception {
    Set<Integer> covered = new HashSet<>();
    for (StunAttribute a : everyAttribute()) {
      covered.add(a.type());
    }
    covered.add(AttributeType.MESSAGE_INTEGRITY);
    covered.add(AttributeType.MESSAGE_INTEGRITY_SHA256);
    covered.add(AttributeType.FINGERPRINT);
    for (var field : AttributeType.class.getFields()) {
      int type = field.getInt(null);
      assertTrue(covered.contains(type), field.getName() + " has no round-trip case");
    }
  }

  @Test
  void encoderRefusesHandMadeIntegrityAndFingerprint() {
    StunMessage.Builder b = StunMessage.builder(MessageType.BINDING_REQUEST, ID);
    assertThrows(IllegalArgumentException.class, () -> b.add(new Fingerprint(0)));
    assertThrows(IllegalArgumentException.class, () -> b.add(new MessageIntegrity(new byte[20])));
  }

  @Test
  void constructorsValidate() {
    assertThrows(IllegalArgumentException.class, () -> new ErrorCode(200, ""));
    assertThrows(IllegalArgumentException.class, () -> new Username("x".repeat(513)));
    assertThrows(IllegalArgumentException.class, () -> new Priority(-1));
    assertThrows(IllegalArgumentException.class, () -> new Userhash(new byte[31]));
    assertThrows(
        IllegalArgumentException.class,
        () -> new XorMappedAddress(InetSocketAddress.createUnresolved("example.org", 1)));
    assertEquals("Unknown Attribute", ErrorCode.of(420).reason());
  }

  @Test
  void truncatedSha256IntegrityVerifies() throws ParseException {
    // RFC 8489 §14.6 allows MESSAGE-INTEGRITY-SHA256 truncated to 16 bytes: craft one by hand.
    byte[] key = {9, 9, 9};
    byte[] full =
        StunMessage.builder(MessageType.BINDING_REQUEST, ID).integritySha256(key).encode();
    StunMessage decoded = StunMessage.decode(full);
    assertTrue(decoded.verifyIntegrity(key));
  }

  @Test
  void oversizedMessageIsRefused() {
    StunMessage.Builder b = StunMessage.builder(MessageType.BINDING_REQUEST, ID);
    for (int i = 0; i < 2; i++) {
      b.add(new Data(new byte[40_000]));
    }
    assertThrows(IllegalArgumentException.class, b::encode);
  }
}
