package org.rtc4j.sdp;

import java.util.Map;

/**
 * The attributes this package has typed views of, and the check that a value is one its view
 * accepts: what {@link Attribute} enforces for every attribute a description holds.
 */
final class KnownAttributes {
  private KnownAttributes() {}

  private static final Map<String, TypedParser<?>> VALUE_ATTRIBUTES =
      Map.ofEntries(
          Map.entry(Candidate.NAME, Candidate::parse),
          Map.entry(Fingerprint.NAME, Fingerprint::parse),
          Map.entry(Setup.NAME, Setup::parse),
          Map.entry(Group.NAME, Group::parse),
          Map.entry(Mid.NAME, Mid::parse),
          Map.entry(IceUfrag.NAME, IceUfrag::parse),
          Map.entry(IcePwd.NAME, IcePwd::parse),
          Map.entry(IceOptions.NAME, IceOptions::parse),
          Map.entry(RtpMap.NAME, RtpMap::parse),
          Map.entry(Fmtp.NAME, Fmtp::parse),
          Map.entry(RtcpFeedback.NAME, RtcpFeedback::parse),
          Map.entry(ExtMap.NAME, ExtMap::parse),
          Map.entry(Msid.NAME, Msid::parse),
          Map.entry(Ssrc.NAME, Ssrc::parse),
          Map.entry(SsrcGroup.NAME, SsrcGroup::parse),
          Map.entry(Rid.NAME, Rid::parse),
          Map.entry(Simulcast.NAME, Simulcast::parse),
          Map.entry(SctpPort.NAME, SctpPort::parse),
          Map.entry(MaxMessageSize.NAME, MaxMessageSize::parse));

  /** Whether {@code name} is a property attribute this package knows, which takes no value. */
  static boolean isKnownProperty(String name) {
    return Direction.named(name) != null || PropertyAttribute.named(name) != null;
  }

  /**
   * Checks that {@code value} is one the typed view of {@code name} accepts; attributes this
   * package does not know pass.
   *
   * @throws SdpParseException if it is not
   */
  static void check(String name, String value) throws SdpParseException {
    if (isKnownProperty(name)) {
      if (value != null) {
        throw new SdpParseException("a property attribute, it takes no value", 0);
      }
      return;
    }
    TypedParser<?> parser = VALUE_ATTRIBUTES.get(name);
    if (parser == null) {
      return;
    }
    if (value == null) {
      throw new SdpParseException("needs a value", 0);
    }
    parser.parse(value);
  }

  /**
   * The typed view of an attribute that {@link Attribute} has already checked.
   *
   * @throws IllegalStateException never: the value was checked when the attribute was made
   */
  static <T> T view(Attribute attribute, TypedParser<T> parser) {
    try {
      return parser.parse(attribute.value());
    } catch (SdpParseException e) {
      throw new IllegalStateException("a checked attribute no longer parses: " + attribute, e);
    }
  }

  /** A typed view's {@code parse}. */
  @FunctionalInterface
  interface TypedParser<T> {
    T parse(String value) throws SdpParseException;
  }
}
