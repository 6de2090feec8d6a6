package org.rtc4j.dtls.handshake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Codecs for hello extension lists (RFC 5246 §7.4.1.4) and for the data of the extensions rtc4j
 * sends or reads.
 *
 * <p>The {@code parse...} methods read an extension's data as {@link Extension#data()} holds it;
 * they throw {@link ParseException} for data that breaks the extension's grammar, including
 * trailing bytes. The builders throw {@link IllegalArgumentException} for values that cannot be
 * encoded.
 */
public final class Extensions {
  /** The ec_point_formats value for uncompressed points (RFC 8422 §5.1.2). */
  public static final int UNCOMPRESSED = 0;

  private Extensions() {}

  /**
   * Reads a u16-length extension block: {@code Extension extensions<0..2^16-1>}. The block must lie
   * within the reader; the reader is left after it.
   *
   * @throws ParseException if the block or an extension in it is truncated or overruns, or a type
   *     appears twice (RFC 5246 §7.4.1.4: "There MUST NOT be more than one extension of the same
   *     type")
   */
  public static List<Extension> parseList(ByteReader r) throws ParseException {
    int end = Vectors.listEnd(r, 2, 0, Vectors.MAX_U16, "extensions");
    List<Extension> list = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    while (r.position() < end) {
      int at = r.position();
      if (end - at < 4) {
        throw new ParseException(
            "extensions: " + (end - at) + " bytes left, too few for an extension header", at);
      }
      int type = r.u16();
      int length = r.u16();
      if (length > end - r.position()) {
        throw new ParseException(
            ExtensionType.name(type)
                + ": extension_data length "
                + length
                + " overruns the extension block by "
                + (length - (end - r.position()))
                + " bytes",
            at + 2);
      }
      if (!seen.add(type)) {
        throw new ParseException(ExtensionType.name(type) + ": appears twice", at);
      }
      list.add(new Extension(type, r.bytes(length)));
    }
    return Collections.unmodifiableList(list);
  }

  /**
   * Writes {@code list} as a u16-length extension block.
   *
   * @throws IllegalArgumentException if a type appears twice or the block exceeds 2^16-1 bytes
   */
  public static void writeList(ByteWriter w, List<Extension> list) {
    int length = checkList(list);
    w.u16(length);
    for (Extension e : list) {
      w.u16(e.type()).u16(e.encodedLength() - 4).bytes(e.data());
    }
  }

  /**
   * An immutable copy of {@code list}, checked to be writable by {@link #writeList}.
   *
   * @throws IllegalArgumentException if a type appears twice or the block exceeds 2^16-1 bytes
   */
  static List<Extension> copyList(List<Extension> list) {
    List<Extension> copy = List.copyOf(Objects.requireNonNull(list, "extensions"));
    checkList(copy);
    return copy;
  }

  /** Checks {@code list} and returns the length of its block, less the u16 length itself. */
  private static int checkList(List<Extension> list) {
    Set<Integer> seen = new HashSet<>();
    int length = 0;
    for (Extension e : list) {
      if (!seen.add(e.type())) {
        throw new IllegalArgumentException(ExtensionType.name(e.type()) + " appears twice");
      }
      length += e.encodedLength();
    }
    if (length > Vectors.MAX_U16) {
      throw new IllegalArgumentException("extension block of " + length + " bytes is too long");
    }
    return length;
  }

  /** The extension of {@code type} in {@code list}, or {@code null} if there is none. */
  public static Extension find(List<Extension> list, int type) {
    for (Extension e : list) {
      if (e.type() == type) {
        return e;
      }
    }
    return null;
  }

  /**
   * supported_groups (RFC 8422 §5.1.1): {@code NamedGroup named_group_list<2..2^16-1>}.
   *
   * @param groups the groups' code points, most preferred first (see {@link
   *     org.rtc4j.dtls.NamedGroup})
   */
  public static Extension supportedGroups(int... groups) {
    return new Extension(ExtensionType.SUPPORTED_GROUPS, u16List(groups, "named_group_list"));
  }

  /** The groups a supported_groups extension's data lists, in its order. */
  public static int[] parseSupportedGroups(byte[] data) throws ParseException {
    ByteReader r = reader(data, "supported_groups");
    int[] groups = Vectors.u16List(r, 2, 2, Vectors.MAX_U16, "named_group_list");
    Vectors.end(r, "supported_groups");
    return groups;
  }

  /**
   * ec_point_formats (RFC 8422 §5.1.2) offering only uncompressed points, the one format RFC 8422
   * leaves.
   */
  public static Extension ecPointFormats() {
    return new Extension(ExtensionType.EC_POINT_FORMATS, new byte[] {1, UNCOMPRESSED});
  }

  /**
   * The formats an ec_point_formats extension's data lists: {@code ECPointFormat
   * ec_point_format_list<1..2^8-1>}.
   */
  public static byte[] parseEcPointFormats(byte[] data) throws ParseException {
    ByteReader r = reader(data, "ec_point_formats");
    byte[] formats = Vectors.opaque8(r, 1, Vectors.MAX_U8, "ec_point_format_list");
    Vectors.end(r, "ec_point_formats");
    return formats;
  }

  /**
   * signature_algorithms (RFC 5246 §7.4.1.4.1): {@code SignatureAndHashAlgorithm
   * supported_signature_algorithms<2..2^16-2>}.
   *
   * @param schemes the u16 code points (hash and signature bytes, or TLS 1.3 SignatureScheme
   *     values), most preferred first
   */
  public static Extension signatureAlgorithms(int... schemes) {
    return new Extension(
        ExtensionType.SIGNATURE_ALGORITHMS, u16List(schemes, "supported_signature_algorithms"));
  }

  /** The schemes a signature_algorithms extension's data lists, in its order. */
  public static int[] parseSignatureAlgorithms(byte[] data) throws ParseException {
    ByteReader r = reader(data, "signature_algorithms");
    int[] schemes = Vectors.u16List(r, 2, 2, Vectors.MAX_U16 - 1, "supported_signature_algorithms");
    Vectors.end(r, "signature_algorithms");
    return schemes;
  }

  /**
   * use_srtp (RFC 5764 §4.1.1).
   *
   * @param profiles the SRTP protection profiles' code points; a server sends exactly one
   * @param mki the srtp_mki, normally empty
   */
  public static Extension useSrtp(int[] profiles, byte[] mki) {
    UseSrtp value = new UseSrtp(profiles, mki);
    ByteWriter w = ByteWriter.growable(16, Vectors.MAX_U16);
    Vectors.writeU16List(w, 2, value.profiles());
    Vectors.write(w, 1, value.mki());
    return new Extension(ExtensionType.USE_SRTP, w.toByteArray());
  }

  /** The profiles and MKI of a use_srtp extension's data. */
  public static UseSrtp parseUseSrtp(byte[] data) throws ParseException {
    ByteReader r = reader(data, "use_srtp");
    int[] profiles = Vectors.u16List(r, 2, 2, Vectors.MAX_U16, "SRTPProtectionProfiles");
    byte[] mki = Vectors.opaque8(r, 0, Vectors.MAX_U8, "srtp_mki");
    Vectors.end(r, "use_srtp");
    return new UseSrtp(profiles, mki);
  }

  /** extended_master_secret (RFC 7627 §5.1), whose data is empty. */
  public static Extension extendedMasterSecret() {
    return new Extension(ExtensionType.EXTENDED_MASTER_SECRET, new byte[0]);
  }

  /**
   * Checks an extended_master_secret extension's data: RFC 7627 §5.1, "The extension_data field of
   * this extension SHALL be empty."
   */
  public static void parseExtendedMasterSecret(byte[] data) throws ParseException {
    Vectors.end(reader(data, "extended_master_secret"), "extended_master_secret");
  }

  /**
   * renegotiation_info (RFC 5746 §3.2): {@code opaque renegotiated_connection<0..255>}.
   *
   * @param renegotiatedConnection empty in an initial handshake (RFC 5746 §3.4, §3.6), which is the
   *     only kind rtc4j does
   */
  public static Extension renegotiationInfo(byte[] renegotiatedConnection) {
    byte[] value =
        Vectors.copy(renegotiatedConnection, 0, Vectors.MAX_U8, "renegotiated_connection");
    ByteWriter w = ByteWriter.growable(1 + value.length, 1 + value.length);
    Vectors.write(w, 1, value);
    return new Extension(ExtensionType.RENEGOTIATION_INFO, w.toByteArray());
  }

  /** The renegotiated_connection of a renegotiation_info extension's data. */
  public static byte[] parseRenegotiationInfo(byte[] data) throws ParseException {
    ByteReader r = reader(data, "renegotiation_info");
    byte[] connection = Vectors.opaque8(r, 0, Vectors.MAX_U8, "renegotiated_connection");
    Vectors.end(r, "renegotiation_info");
    return connection;
  }

  /**
   * A client's supported_versions (RFC 8446 §4.2.1): {@code ProtocolVersion versions<2..254>}.
   * rtc4j never sends it (it speaks DTLS 1.2 only); this builds test inputs.
   */
  public static Extension supportedVersionsClient(int... versions) {
    int[] copy = Vectors.copyU16s(versions, 1, 127, "versions");
    ByteWriter w = ByteWriter.growable(1 + 2 * copy.length, 1 + 2 * copy.length);
    Vectors.writeU16List(w, 1, copy);
    return new Extension(ExtensionType.SUPPORTED_VERSIONS, w.toByteArray());
  }

  /**
   * The versions a client's supported_versions extension's data lists, e.g. 0xFEFC (DTLS 1.3) and
   * 0xFEFD (DTLS 1.2) from a browser that would speak DTLS 1.3.
   */
  public static int[] parseSupportedVersionsClient(byte[] data) throws ParseException {
    ByteReader r = reader(data, "supported_versions");
    int[] versions = Vectors.u16List(r, 1, 2, 254, "versions");
    Vectors.end(r, "supported_versions");
    return versions;
  }

  private static byte[] u16List(int[] values, String what) {
    // The list's u16 length, then 2 bytes an entry, must fit in extension_data.
    int[] copy = Vectors.copyU16s(values, 1, (Vectors.MAX_U16 - 2) / 2, what);
    ByteWriter w = ByteWriter.growable(2 + 2 * copy.length, 2 + 2 * copy.length);
    Vectors.writeU16List(w, 2, copy);
    return w.toByteArray();
  }

  private static ByteReader reader(byte[] data, String what) throws ParseException {
    Objects.requireNonNull(data, "data");
    if (data.length > Vectors.MAX_U16) {
      throw new ParseException(
          what + ": " + data.length + " bytes are more than extension_data holds", 0);
    }
    return new ByteReader(data);
  }
}
