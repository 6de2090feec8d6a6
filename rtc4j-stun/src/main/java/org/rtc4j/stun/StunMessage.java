package org.rtc4j.stun;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.ParseException;
import org.rtc4j.stun.attributes.AttributeType;
import org.rtc4j.stun.attributes.Fingerprint;
import org.rtc4j.stun.attributes.MessageIntegrity;
import org.rtc4j.stun.attributes.MessageIntegritySha256;
import org.rtc4j.stun.attributes.StunAttribute;
import org.rtc4j.stun.attributes.UnknownAttribute;

/**
 * A STUN message (RFC 8489 §5): a type, a transaction id and a list of attributes.
 *
 * <p>A decoded message keeps its bytes, so that its MESSAGE-INTEGRITY can be verified once the
 * receiver knows which key applies ({@link #verifyIntegrity(byte[])}). Its FINGERPRINT, if it has
 * one, was verified by the decoder. Attributes that follow MESSAGE-INTEGRITY (other than
 * MESSAGE-INTEGRITY-SHA256 and FINGERPRINT), or follow FINGERPRINT, are ignored, as RFC 8489 §14
 * requires: they are not covered by the integrity check.
 *
 * <p>Instances are immutable.
 */
public final class StunMessage {
  /** The length of the STUN header in bytes. */
  public static final int HEADER_LENGTH = 20;

  /** The magic cookie in every RFC 8489 message. */
  public static final int MAGIC_COOKIE = 0x2112A442;

  /** The largest message length field: 16 bits, a multiple of 4. */
  public static final int MAX_BODY_LENGTH = 0xFFFC;

  private static final int SHA1_LENGTH = 20;
  private static final int SHA256_LENGTH = 32;

  private final MessageType type;
  private final TransactionId transactionId;
  private final List<StunAttribute> attributes;
  private final List<Integer> unknownComprehensionRequired;
  private final byte[] raw; // the decoded bytes; null for a message that was built
  private final int integrityOffset; // where MESSAGE-INTEGRITY starts in raw, or -1
  private final int integritySha256Offset; // where MESSAGE-INTEGRITY-SHA256 starts in raw, or -1

  private StunMessage(
      MessageType type,
      TransactionId transactionId,
      List<StunAttribute> attributes,
      List<Integer> unknownComprehensionRequired,
      byte[] raw,
      int integrityOffset,
      int integritySha256Offset) {
    this.type = type;
    this.transactionId = transactionId;
    this.attributes = List.copyOf(attributes);
    this.unknownComprehensionRequired = List.copyOf(unknownComprehensionRequired);
    this.raw = raw;
    this.integrityOffset = integrityOffset;
    this.integritySha256Offset = integritySha256Offset;
  }

  /** A builder for a message of {@code type} in transaction {@code transactionId}. */
  public static Builder builder(MessageType type, TransactionId transactionId) {
    return new Builder(type, transactionId);
  }

  /**
   * Whether {@code data[offset, offset + length)} looks like a STUN message: two zero top bits, the
   * magic cookie, and a length field that matches. Cheap; for demultiplexing (RFC 7983).
   */
  public static boolean isStun(byte[] data, int offset, int length) {
    if (length < HEADER_LENGTH || (data[offset] & 0xC0) != 0) {
      return false;
    }
    int bodyLength = ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF);
    int cookie =
        ((data[offset + 4] & 0xFF) << 24)
            | ((data[offset + 5] & 0xFF) << 16)
            | ((data[offset + 6] & 0xFF) << 8)
            | (data[offset + 7] & 0xFF);
    return cookie == MAGIC_COOKIE && bodyLength % 4 == 0 && HEADER_LENGTH + bodyLength == length;
  }

  /** Decodes the payload of {@code datagram}. */
  public static StunMessage decode(Datagram datagram) throws ParseException {
    return decode(datagram.data(), datagram.offset(), datagram.length());
  }

  /** Decodes all of {@code data}. */
  public static StunMessage decode(byte[] data) throws ParseException {
    return decode(data, 0, data.length);
  }

  /**
   * Decodes one message that fills {@code data[offset, offset + length)} exactly.
   *
   * @throws ParseException if the bytes are not a well-formed STUN message, or its FINGERPRINT is
   *     wrong; nothing else is thrown for any input
   */
  public static StunMessage decode(byte[] data, int offset, int length) throws ParseException {
    ByteReader in = new ByteReader(data, offset, length);
    if (length < HEADER_LENGTH) {
      throw new ParseException("shorter than a STUN header: " + length + " bytes", 0);
    }
    int wireType = in.u16();
    if ((wireType & 0xC000) != 0) {
      throw new ParseException("the two top bits of a STUN message must be zero", 0);
    }
    int bodyLength = in.u16();
    if (in.i32() != MAGIC_COOKIE) {
      throw new ParseException("no magic cookie", 4);
    }
    if (bodyLength % 4 != 0) {
      throw new ParseException("message length " + bodyLength + " is not a multiple of 4", 2);
    }
    if (HEADER_LENGTH + bodyLength != length) {
      throw new ParseException(
          "message length " + bodyLength + " does not match the " + length + " bytes received", 2);
    }
    byte[] raw = Arrays.copyOfRange(data, offset, offset + length);
    TransactionId transactionId = TransactionId.copyOf(raw, 8);
    in = new ByteReader(raw);
    in.skip(HEADER_LENGTH);

    List<StunAttribute> attributes = new ArrayList<>();
    List<Integer> unknown = new ArrayList<>();
    int integrityOffset = -1;
    int integritySha256Offset = -1;
    boolean sawFingerprint = false;
    while (in.hasRemaining()) {
      int start = in.position();
      in.require(4, "attribute header");
      int attributeType = in.u16();
      int valueLength = in.u16();
      int padded = (valueLength + 3) & ~3;
      if (padded > in.remaining()) {
        throw new ParseException(
            AttributeType.name(attributeType)
                + " of "
                + valueLength
                + " bytes overruns the message",
            start);
      }
      ByteReader value = in.slice(valueLength);
      in.skip(padded - valueLength);
      // RFC 8489 §14: after MESSAGE-INTEGRITY only MESSAGE-INTEGRITY-SHA256 and FINGERPRINT
      // count, after MESSAGE-INTEGRITY-SHA256 only FINGERPRINT, and nothing after FINGERPRINT.
      if (sawFingerprint
          || (integritySha256Offset >= 0 && attributeType != AttributeType.FINGERPRINT)
          || (integrityOffset >= 0
              && attributeType != AttributeType.FINGERPRINT
              && attributeType != AttributeType.MESSAGE_INTEGRITY_SHA256)) {
        continue;
      }
      StunAttribute attribute;
      try {
        attribute = StunAttribute.decode(attributeType, value, transactionId);
      } catch (ParseException e) {
        throw new ParseException(e.reason(), start + 4 + e.offset());
      }
      switch (attributeType) {
        case AttributeType.MESSAGE_INTEGRITY -> integrityOffset = start;
        case AttributeType.MESSAGE_INTEGRITY_SHA256 -> integritySha256Offset = start;
        case AttributeType.FINGERPRINT -> {
          int expected = fingerprintOf(raw, start);
          if (((Fingerprint) attribute).value() != expected) {
            throw new ParseException("FINGERPRINT does not match", start);
          }
          sawFingerprint = true;
        }
        default -> {
          if (attribute instanceof UnknownAttribute
              && AttributeType.isComprehensionRequired(attributeType)) {
            unknown.add(attributeType);
          }
        }
      }
      attributes.add(attribute);
    }
    return new StunMessage(
        MessageType.fromWire(wireType),
        transactionId,
        attributes,
        unknown,
        raw,
        integrityOffset,
        integritySha256Offset);
  }

  /** The message type: method and class. */
  public MessageType type() {
    return type;
  }

  /** The transaction id. */
  public TransactionId transactionId() {
    return transactionId;
  }

  /** All attributes in wire order, including MESSAGE-INTEGRITY and FINGERPRINT if present. */
  public List<StunAttribute> attributes() {
    return attributes;
  }

  /** The first attribute of class {@code kind}, which is the one that counts (RFC 8489 §14). */
  public <T extends StunAttribute> Optional<T> attribute(Class<T> kind) {
    for (StunAttribute a : attributes) {
      if (kind.isInstance(a)) {
        return Optional.of(kind.cast(a));
      }
    }
    return Optional.empty();
  }

  /** Whether the message has an attribute of class {@code kind}. */
  public boolean has(Class<? extends StunAttribute> kind) {
    return attribute(kind).isPresent();
  }

  /**
   * The comprehension-required attribute types (0x0000 to 0x7FFF) that rtc4j did not understand. A
   * request with any must be answered with 420 and UNKNOWN-ATTRIBUTES (RFC 8489 §6.3.1); a response
   * with any ends its transaction in failure (RFC 8489 §6.3.3).
   */
  public List<Integer> unknownComprehensionRequired() {
    return unknownComprehensionRequired;
  }

  /** Whether the message carries MESSAGE-INTEGRITY or MESSAGE-INTEGRITY-SHA256. */
  public boolean hasIntegrity() {
    return integrityOffset >= 0 || integritySha256Offset >= 0;
  }

  /**
   * Verifies the message's integrity with {@code key}: MESSAGE-INTEGRITY-SHA256 if present (RFC
   * 8489 §9.1.3 prefers it), else MESSAGE-INTEGRITY. False for a message with neither, or one that
   * was built rather than decoded.
   *
   * @param key the short-term key ({@link StunCredentials#shortTermKey}) or long-term key
   */
  public boolean verifyIntegrity(byte[] key) {
    return integritySha256Offset >= 0
        ? verifyMessageIntegritySha256(key)
        : verifyMessageIntegrity(key);
  }

  /** Verifies MESSAGE-INTEGRITY (HMAC-SHA1) with {@code key}; false if it is absent. */
  public boolean verifyMessageIntegrity(byte[] key) {
    if (raw == null || integrityOffset < 0) {
      return false;
    }
    byte[] expected = hmac("HmacSHA1", key, raw, integrityOffset, SHA1_LENGTH);
    byte[] actual = attribute(MessageIntegrity.class).orElseThrow().value();
    return MessageDigest.isEqual(expected, actual);
  }

  /** Verifies MESSAGE-INTEGRITY-SHA256 with {@code key}; false if it is absent. */
  public boolean verifyMessageIntegritySha256(byte[] key) {
    if (raw == null || integritySha256Offset < 0) {
      return false;
    }
    byte[] actual = attribute(MessageIntegritySha256.class).orElseThrow().value();
    byte[] expected = hmac("HmacSHA256", key, raw, integritySha256Offset, SHA256_LENGTH);
    return MessageDigest.isEqual(Arrays.copyOf(expected, actual.length), actual);
  }

  /**
   * A builder with this message's type, transaction id and attributes, less MESSAGE-INTEGRITY,
   * MESSAGE-INTEGRITY-SHA256 and FINGERPRINT (which the builder computes anew).
   *
   * <p>Encoding it can fail with {@link IllegalArgumentException} for a message that decoded but
   * does not fit again: one within a few bytes of STUN's 64 KiB limit when integrity is added, or
   * one whose text attributes held malformed UTF-8 (each bad byte becomes U+FFFD, 3 bytes).
   */
  public Builder toBuilder() {
    Builder b = new Builder(type, transactionId);
    for (StunAttribute a : attributes) {
      if (!isComputed(a.type())) {
        b.add(a);
      }
    }
    return b;
  }

  @Override
  public String toString() {
    return type + " " + transactionId + " " + attributes;
  }

  private static boolean isComputed(int attributeType) {
    return attributeType == AttributeType.MESSAGE_INTEGRITY
        || attributeType == AttributeType.MESSAGE_INTEGRITY_SHA256
        || attributeType == AttributeType.FINGERPRINT;
  }

  /**
   * The HMAC of {@code message[0, attributeOffset)} with the header's length field set as if the
   * message ended after the integrity attribute at {@code attributeOffset} (RFC 8489 §14.5).
   */
  private static byte[] hmac(
      String algorithm, byte[] key, byte[] message, int attributeOffset, int macLength) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      // An empty key is legal in STUN but not in SecretKeySpec; HMAC pads keys with zeros, so a
      // single zero byte is the same key.
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
      int length = attributeOffset + 4 + macLength - HEADER_LENGTH;
      mac.update(message, 0, 2);
      mac.update((byte) (length >>> 8));
      mac.update((byte) length);
      mac.update(message, 4, attributeOffset - 4);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is missing from this JDK", e);
    }
  }

  /** The FINGERPRINT value for a message whose FINGERPRINT attribute starts at {@code offset}. */
  private static int fingerprintOf(byte[] message, int attributeOffset) {
    CRC32 crc = new CRC32();
    int length = attributeOffset + 8 - HEADER_LENGTH;
    crc.update(message, 0, 2);
    crc.update(length >>> 8);
    crc.update(length);
    crc.update(message, 4, attributeOffset - 4);
    return (int) crc.getValue() ^ Fingerprint.XOR_MASK;
  }

  /**
   * Builds and encodes a STUN message. MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 and FINGERPRINT
   * are computed at {@link #encode()} and written last, in that order.
   */
  public static final class Builder {
    private final MessageType type;
    private final TransactionId transactionId;
    private final List<StunAttribute> attributes = new ArrayList<>();
    private byte[] integrityKey;
    private byte[] integritySha256Key;
    private boolean fingerprint;

    private Builder(MessageType type, TransactionId transactionId) {
      this.type = Objects.requireNonNull(type, "type");
      this.transactionId = Objects.requireNonNull(transactionId, "transactionId");
    }

    /**
     * Adds an attribute.
     *
     * @throws IllegalArgumentException for MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 or
     *     FINGERPRINT: ask for those with {@link #integrity}, {@link #integritySha256} and {@link
     *     #fingerprint}
     */
    public Builder add(StunAttribute attribute) {
      if (isComputed(attribute.type())) {
        throw new IllegalArgumentException(
            AttributeType.name(attribute.type())
                + " is computed by the encoder; use integrity(), integritySha256() or"
                + " fingerprint()");
      }
      attributes.add(attribute);
      return this;
    }

    /** Adds MESSAGE-INTEGRITY (HMAC-SHA1) computed with {@code key}. */
    public Builder integrity(byte[] key) {
      this.integrityKey = key.clone();
      return this;
    }

    /** Adds MESSAGE-INTEGRITY-SHA256 (HMAC-SHA256, 32 bytes) computed with {@code key}. */
    public Builder integritySha256(byte[] key) {
      this.integritySha256Key = key.clone();
      return this;
    }

    /** Adds FINGERPRINT. */
    public Builder fingerprint() {
      this.fingerprint = true;
      return this;
    }

    /**
     * Encodes the message.
     *
     * @throws IllegalArgumentException if it would be longer than STUN's 16-bit length allows
     */
    public byte[] encode() {
      ByteWriter out = ByteWriter.growable(128, HEADER_LENGTH + MAX_BODY_LENGTH);
      out.u16(type.toWire()).u16(0).u32(MAGIC_COOKIE).bytes(transactionId.toByteArray());
      try {
        for (StunAttribute a : attributes) {
          writeAttribute(out, a);
        }
        if (integrityKey != null) {
          byte[] mac = hmac("HmacSHA1", integrityKey, out.array(), out.position(), SHA1_LENGTH);
          writeAttribute(out, new MessageIntegrity(mac));
        }
        if (integritySha256Key != null) {
          byte[] mac =
              hmac("HmacSHA256", integritySha256Key, out.array(), out.position(), SHA256_LENGTH);
          writeAttribute(out, new MessageIntegritySha256(mac));
        }
        if (fingerprint) {
          writeAttribute(out, new Fingerprint(fingerprintOf(out.array(), out.position())));
        }
      } catch (IllegalStateException e) {
        throw new IllegalArgumentException("STUN message too long to encode", e);
      }
      out.setU16(2, out.position() - HEADER_LENGTH);
      return out.toByteArray();
    }

    /** Encodes the message and decodes it back: what a receiver would see. */
    public StunMessage build() {
      try {
        return decode(encode());
      } catch (ParseException e) {
        throw new IllegalStateException("the encoder wrote a message it cannot read", e);
      }
    }

    private void writeAttribute(ByteWriter out, StunAttribute attribute) {
      int start = out.position();
      out.u16(attribute.type()).u16(0);
      attribute.encodeValue(out, transactionId);
      int length = out.position() - start - 4;
      if (length > 0xFFFF) {
        throw new IllegalArgumentException(
            AttributeType.name(attribute.type()) + " value too long: " + length);
      }
      out.setU16(start + 2, length);
      out.zeros((4 - length % 4) % 4);
    }
  }
}
