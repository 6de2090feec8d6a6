package org.rtc4j.stun.attributes;

/**
 * STUN attribute type numbers (RFC 8489 §18.3, RFC 8656 §18, RFC 8445 §16.1, RFC 6062 §6.2).
 *
 * <p>Types 0x0000 to 0x7FFF are comprehension-required: a request that carries one the receiver
 * does not understand is answered with 420 (Unknown Attribute). Types 0x8000 to 0xFFFF are
 * comprehension-optional and are ignored when not understood.
 */
public final class AttributeType {
  /** MAPPED-ADDRESS (RFC 8489 §14.1). */
  public static final int MAPPED_ADDRESS = 0x0001;

  /** USERNAME (RFC 8489 §14.3). */
  public static final int USERNAME = 0x0006;

  /** MESSAGE-INTEGRITY (RFC 8489 §14.5). */
  public static final int MESSAGE_INTEGRITY = 0x0008;

  /** ERROR-CODE (RFC 8489 §14.8). */
  public static final int ERROR_CODE = 0x0009;

  /** UNKNOWN-ATTRIBUTES (RFC 8489 §14.13). */
  public static final int UNKNOWN_ATTRIBUTES = 0x000A;

  /** CHANNEL-NUMBER (RFC 8656 §18.1). */
  public static final int CHANNEL_NUMBER = 0x000C;

  /** LIFETIME (RFC 8656 §18.2). */
  public static final int LIFETIME = 0x000D;

  /** XOR-PEER-ADDRESS (RFC 8656 §18.3). */
  public static final int XOR_PEER_ADDRESS = 0x0012;

  /** DATA (RFC 8656 §18.4). */
  public static final int DATA = 0x0013;

  /** REALM (RFC 8489 §14.9). */
  public static final int REALM = 0x0014;

  /** NONCE (RFC 8489 §14.10). */
  public static final int NONCE = 0x0015;

  /** XOR-RELAYED-ADDRESS (RFC 8656 §18.5). */
  public static final int XOR_RELAYED_ADDRESS = 0x0016;

  /** REQUESTED-ADDRESS-FAMILY (RFC 8656 §18.6). */
  public static final int REQUESTED_ADDRESS_FAMILY = 0x0017;

  /** EVEN-PORT (RFC 8656 §18.7). */
  public static final int EVEN_PORT = 0x0018;

  /** REQUESTED-TRANSPORT (RFC 8656 §18.8). */
  public static final int REQUESTED_TRANSPORT = 0x0019;

  /** DONT-FRAGMENT (RFC 8656 §18.9). */
  public static final int DONT_FRAGMENT = 0x001A;

  /** MESSAGE-INTEGRITY-SHA256 (RFC 8489 §14.6). */
  public static final int MESSAGE_INTEGRITY_SHA256 = 0x001C;

  /** PASSWORD-ALGORITHM (RFC 8489 §14.12). */
  public static final int PASSWORD_ALGORITHM = 0x001D;

  /** USERHASH (RFC 8489 §14.4). */
  public static final int USERHASH = 0x001E;

  /** XOR-MAPPED-ADDRESS (RFC 8489 §14.2). */
  public static final int XOR_MAPPED_ADDRESS = 0x0020;

  /** RESERVATION-TOKEN (RFC 8656 §18.10). */
  public static final int RESERVATION_TOKEN = 0x0022;

  /** PRIORITY (RFC 8445 §16.1). */
  public static final int PRIORITY = 0x0024;

  /** USE-CANDIDATE (RFC 8445 §16.1). */
  public static final int USE_CANDIDATE = 0x0025;

  /** CONNECTION-ID (RFC 6062 §6.2.1). */
  public static final int CONNECTION_ID = 0x002A;

  /** ADDITIONAL-ADDRESS-FAMILY (RFC 8656 §18.11). */
  public static final int ADDITIONAL_ADDRESS_FAMILY = 0x8000;

  /** ADDRESS-ERROR-CODE (RFC 8656 §18.12). */
  public static final int ADDRESS_ERROR_CODE = 0x8001;

  /** PASSWORD-ALGORITHMS (RFC 8489 §14.11). */
  public static final int PASSWORD_ALGORITHMS = 0x8002;

  /** ALTERNATE-DOMAIN (RFC 8489 §14.16). */
  public static final int ALTERNATE_DOMAIN = 0x8003;

  /** ICMP (RFC 8656 §18.13). */
  public static final int ICMP = 0x8004;

  /** SOFTWARE (RFC 8489 §14.14). */
  public static final int SOFTWARE = 0x8022;

  /** ALTERNATE-SERVER (RFC 8489 §14.15). */
  public static final int ALTERNATE_SERVER = 0x8023;

  /** FINGERPRINT (RFC 8489 §14.7). */
  public static final int FINGERPRINT = 0x8028;

  /** ICE-CONTROLLED (RFC 8445 §16.1). */
  public static final int ICE_CONTROLLED = 0x8029;

  /** ICE-CONTROLLING (RFC 8445 §16.1). */
  public static final int ICE_CONTROLLING = 0x802A;

  private AttributeType() {}

  /** Whether a receiver that does not understand {@code type} must reject the request. */
  public static boolean isComprehensionRequired(int type) {
    return type < 0x8000;
  }

  /** The attribute's name in the RFCs, or its number in hex. */
  public static String name(int type) {
    return switch (type) {
      case MAPPED_ADDRESS -> "MAPPED-ADDRESS";
      case USERNAME -> "USERNAME";
      case MESSAGE_INTEGRITY -> "MESSAGE-INTEGRITY";
      case ERROR_CODE -> "ERROR-CODE";
      case UNKNOWN_ATTRIBUTES -> "UNKNOWN-ATTRIBUTES";
      case CHANNEL_NUMBER -> "CHANNEL-NUMBER";
      case LIFETIME -> "LIFETIME";
      case XOR_PEER_ADDRESS -> "XOR-PEER-ADDRESS";
      case DATA -> "DATA";
      case REALM -> "REALM";
      case NONCE -> "NONCE";
      case XOR_RELAYED_ADDRESS -> "XOR-RELAYED-ADDRESS";
      case REQUESTED_ADDRESS_FAMILY -> "REQUESTED-ADDRESS-FAMILY";
      case EVEN_PORT -> "EVEN-PORT";
      case REQUESTED_TRANSPORT -> "REQUESTED-TRANSPORT";
      case DONT_FRAGMENT -> "DONT-FRAGMENT";
      case MESSAGE_INTEGRITY_SHA256 -> "MESSAGE-INTEGRITY-SHA256";
      case PASSWORD_ALGORITHM -> "PASSWORD-ALGORITHM";
      case USERHASH -> "USERHASH";
      case XOR_MAPPED_ADDRESS -> "XOR-MAPPED-ADDRESS";
      case RESERVATION_TOKEN -> "RESERVATION-TOKEN";
      case PRIORITY -> "PRIORITY";
      case USE_CANDIDATE -> "USE-CANDIDATE";
      case CONNECTION_ID -> "CONNECTION-ID";
      case ADDITIONAL_ADDRESS_FAMILY -> "ADDITIONAL-ADDRESS-FAMILY";
      case ADDRESS_ERROR_CODE -> "ADDRESS-ERROR-CODE";
      case PASSWORD_ALGORITHMS -> "PASSWORD-ALGORITHMS";
      case ALTERNATE_DOMAIN -> "ALTERNATE-DOMAIN";
      case ICMP -> "ICMP";
      case SOFTWARE -> "SOFTWARE";
      case ALTERNATE_SERVER -> "ALTERNATE-SERVER";
      case FINGERPRINT -> "FINGERPRINT";
      case ICE_CONTROLLED -> "ICE-CONTROLLED";
      case ICE_CONTROLLING -> "ICE-CONTROLLING";
      default -> String.format("0x%04x", type);
    };
  }
}
