package org.rtc4j.sdp;

/** The typed view of any attribute, for tests that go over every attribute of a description. */
final class TypedViews {
  private TypedViews() {}

  /** The typed view of {@code a}, or null if this package has none for it. */
  static TypedAttribute of(Attribute a) {
    Direction direction = Direction.named(a.name());
    if (direction != null) {
      return direction;
    }
    PropertyAttribute property = PropertyAttribute.named(a.name());
    if (property != null) {
      return property;
    }
    try {
      return switch (a.name()) {
        case Candidate.NAME -> Candidate.parse(a.value());
        case Fingerprint.NAME -> Fingerprint.parse(a.value());
        case Setup.NAME -> Setup.parse(a.value());
        case Group.NAME -> Group.parse(a.value());
        case Mid.NAME -> Mid.parse(a.value());
        case IceUfrag.NAME -> IceUfrag.parse(a.value());
        case IcePwd.NAME -> IcePwd.parse(a.value());
        case IceOptions.NAME -> IceOptions.parse(a.value());
        case RtpMap.NAME -> RtpMap.parse(a.value());
        case Fmtp.NAME -> Fmtp.parse(a.value());
        case RtcpFeedback.NAME -> RtcpFeedback.parse(a.value());
        case ExtMap.NAME -> ExtMap.parse(a.value());
        case Msid.NAME -> Msid.parse(a.value());
        case Ssrc.NAME -> Ssrc.parse(a.value());
        case SsrcGroup.NAME -> SsrcGroup.parse(a.value());
        case Rid.NAME -> Rid.parse(a.value());
        case Simulcast.NAME -> Simulcast.parse(a.value());
        case SctpPort.NAME -> SctpPort.parse(a.value());
        case MaxMessageSize.NAME -> MaxMessageSize.parse(a.value());
        default -> null;
      };
    } catch (SdpParseException e) {
      throw new AssertionError("a held attribute does not parse: " + a, e);
    }
  }
}
