package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A media description (RFC 8866 §5.14): an {@code m=} line and the {@code i=}, {@code c=}, {@code
 * b=}, {@code k=} and {@code a=} lines after it, in that order. In WebRTC each one is a transceiver
 * ({@code audio}, {@code video}) or the data channels ({@code application}).
 *
 * <p>Immutable; {@link #builder} makes one and {@link #toBuilder()} edits a copy. The typed
 * accessors ({@link #mid()}, {@link #rtpMaps()}, {@link #candidates()}...) read this section's own
 * attributes only; what the session level says ({@link SessionDescription#attributes()}) is for the
 * caller to combine, as JSEP requires.
 *
 * @param media the media type, a token: {@code audio}, {@code video}, {@code application}...
 * @param port the transport port, 0 to 65535; 0 rejects the section (or, with {@code
 *     a=bundle-only}, leaves it to the BUNDLE transport)
 * @param numberOfPorts the number of ports after {@code /}, 1 or more, or -1 if not written
 * @param proto the transport protocol, tokens separated by {@code /}: {@code UDP/TLS/RTP/SAVPF},
 *     {@code UDP/DTLS/SCTP}...
 * @param formats the media formats, one or more tokens: RTP payload types, or {@code
 *     webrtc-datachannel}
 * @param information the {@code i=} line's value, or null
 * @param connections the {@code c=} lines, in order
 * @param bandwidths the {@code b=} lines, in order
 * @param key the (obsolete, RFC 8866 §5.12) {@code k=} line's value, or null
 * @param attributes the {@code a=} lines, every one, in order
 */
public record MediaDescription(
    String media,
    int port,
    int numberOfPorts,
    String proto,
    List<String> formats,
    String information,
    List<Connection> connections,
    List<Bandwidth> bandwidths,
    String key,
    List<Attribute> attributes) {

  /** Media type of audio transceivers. */
  public static final String AUDIO = "audio";

  /** Media type of video transceivers. */
  public static final String VIDEO = "video";

  /** Media type of the data channels' section. */
  public static final String APPLICATION = "application";

  /** The protocol of WebRTC's RTP sections (RFC 8829 §5.1.2). */
  public static final String UDP_TLS_RTP_SAVPF = "UDP/TLS/RTP/SAVPF";

  /** The protocol of the data channels' section over UDP (RFC 8841 §4.1). */
  public static final String UDP_DTLS_SCTP = "UDP/DTLS/SCTP";

  /** The protocol of the data channels' section over TCP (RFC 8841 §4.2). */
  public static final String TCP_DTLS_SCTP = "TCP/DTLS/SCTP";

  /** The format of the data channels' section (RFC 8841 §4.3). */
  public static final String WEBRTC_DATACHANNEL = "webrtc-datachannel";

  /** {@link #numberOfPorts} when the {@code m=} line gives none. */
  public static final int NO_NUMBER_OF_PORTS = -1;

  /**
   * @throws IllegalArgumentException if a field is malformed
   */
  public MediaDescription {
    Syntax.requireToken(media, "media type");
    Syntax.requirePort(port, "port");
    Syntax.require(
        numberOfPorts == NO_NUMBER_OF_PORTS || numberOfPorts >= 1,
        "number of ports must be positive: " + numberOfPorts);
    Syntax.require(isProto(proto), "proto must be tokens separated by /: " + Syntax.quote(proto));
    formats = List.copyOf(formats);
    Syntax.require(!formats.isEmpty(), "m= needs at least one format");
    for (String format : formats) {
      Syntax.requireToken(format, "format");
    }
    if (information != null) {
      Syntax.requireText(information, "i=");
    }
    connections = List.copyOf(connections);
    bandwidths = List.copyOf(bandwidths);
    if (key != null) {
      Syntax.requireText(key, "k=");
    }
    attributes = List.copyOf(attributes);
  }

  /** A builder for a section with this {@code m=} line's media type, port and protocol. */
  public static Builder builder(String media, int port, String proto) {
    return new Builder(media, port, proto);
  }

  /** A builder that starts as a copy of this section. */
  public Builder toBuilder() {
    Builder b = new Builder(media, port, proto);
    b.numberOfPorts = numberOfPorts;
    b.formats.addAll(formats);
    b.information = information;
    b.connections.addAll(connections);
    b.bandwidths.addAll(bandwidths);
    b.key = key;
    b.attributes.addAll(attributes);
    return b;
  }

  // Generic attribute lookup.

  /** The first attribute named {@code name}, or null. */
  public Attribute attribute(String name) {
    return Attributes.first(attributes, name);
  }

  /** Every attribute named {@code name}, in order. */
  public List<Attribute> attributes(String name) {
    return Attributes.all(attributes, name);
  }

  /** Whether there is an attribute named {@code name}. */
  public boolean hasAttribute(String name) {
    return Attributes.has(attributes, name);
  }

  /** Whether the property attribute {@code property} is present. */
  public boolean has(PropertyAttribute property) {
    return hasAttribute(property.attributeName());
  }

  // The m= line.

  /** The first {@code c=} line, or null. */
  public Connection connection() {
    return connections.isEmpty() ? null : connections.get(0);
  }

  /**
   * Whether the section is rejected: port 0 without {@code a=bundle-only} (RFC 8866 §5.14, RFC 8843
   * §6: a bundle-only section has port 0 but is not rejected).
   */
  public boolean isRejected() {
    return port == 0 && !has(PropertyAttribute.BUNDLE_ONLY);
  }

  /**
   * Whether this is the data channels' section: {@code application} over {@code UDP/DTLS/SCTP} or
   * {@code TCP/DTLS/SCTP} with the format {@code webrtc-datachannel} (RFC 8841 §4).
   */
  public boolean isDataChannel() {
    return media.equals(APPLICATION)
        && (proto.equalsIgnoreCase(UDP_DTLS_SCTP) || proto.equalsIgnoreCase(TCP_DTLS_SCTP))
        && formats.contains(WEBRTC_DATACHANNEL);
  }

  /**
   * The formats read as RTP payload types, in order, skipping any that is not a number from 0 to
   * 127.
   */
  public List<Integer> payloadTypes() {
    List<Integer> types = new ArrayList<>();
    for (String format : formats) {
      if (format.length() <= 3 && Syntax.isDigits(format)) {
        int pt = Integer.parseInt(format);
        if (pt <= 127) {
          types.add(pt);
        }
      }
    }
    return List.copyOf(types);
  }

  // Typed views.

  /** The {@code a=mid} value, or null. */
  public String mid() {
    Mid mid = Attributes.first(attributes, Mid.NAME, Mid::parse);
    return mid == null ? null : mid.value();
  }

  /** The direction attribute, or null if there is none (then the session's applies). */
  public Direction direction() {
    return Attributes.direction(attributes);
  }

  /** The {@code a=ice-ufrag} value, or null. */
  public String iceUfrag() {
    IceUfrag ufrag = Attributes.first(attributes, IceUfrag.NAME, IceUfrag::parse);
    return ufrag == null ? null : ufrag.value();
  }

  /** The {@code a=ice-pwd} value, or null. */
  public String icePwd() {
    IcePwd pwd = Attributes.first(attributes, IcePwd.NAME, IcePwd::parse);
    return pwd == null ? null : pwd.value();
  }

  /** The {@code a=ice-options}, or null. */
  public IceOptions iceOptions() {
    return Attributes.first(attributes, IceOptions.NAME, IceOptions::parse);
  }

  /** The {@code a=candidate} lines, in order. */
  public List<Candidate> candidates() {
    return Attributes.all(attributes, Candidate.NAME, Candidate::parse);
  }

  /** Whether {@code a=end-of-candidates} is present. */
  public boolean isEndOfCandidates() {
    return has(PropertyAttribute.END_OF_CANDIDATES);
  }

  /** The {@code a=fingerprint} lines, in order. */
  public List<Fingerprint> fingerprints() {
    return Attributes.all(attributes, Fingerprint.NAME, Fingerprint::parse);
  }

  /** The {@code a=setup} role, or null. */
  public Setup setup() {
    return Attributes.first(attributes, Setup.NAME, Setup::parse);
  }

  /** The {@code a=rtpmap} lines, in order. */
  public List<RtpMap> rtpMaps() {
    return Attributes.all(attributes, RtpMap.NAME, RtpMap::parse);
  }

  /** The {@code a=rtpmap} of {@code payloadType}, or null. */
  public RtpMap rtpMap(int payloadType) {
    for (RtpMap map : rtpMaps()) {
      if (map.payloadType() == payloadType) {
        return map;
      }
    }
    return null;
  }

  /** The {@code a=fmtp} lines, in order. */
  public List<Fmtp> fmtps() {
    return Attributes.all(attributes, Fmtp.NAME, Fmtp::parse);
  }

  /** The {@code a=fmtp} of {@code payloadType}, or null. */
  public Fmtp fmtp(int payloadType) {
    for (Fmtp fmtp : fmtps()) {
      if (fmtp.payloadType() == payloadType) {
        return fmtp;
      }
    }
    return null;
  }

  /** The {@code a=rtcp-fb} lines, in order. */
  public List<RtcpFeedback> rtcpFeedbacks() {
    return Attributes.all(attributes, RtcpFeedback.NAME, RtcpFeedback::parse);
  }

  /** The {@code a=rtcp-fb} lines that apply to {@code payloadType}, its own and {@code *}. */
  public List<RtcpFeedback> rtcpFeedbacks(int payloadType) {
    List<RtcpFeedback> found = new ArrayList<>();
    for (RtcpFeedback fb : rtcpFeedbacks()) {
      if (fb.appliesTo(payloadType)) {
        found.add(fb);
      }
    }
    return List.copyOf(found);
  }

  /** The {@code a=extmap} lines, in order. */
  public List<ExtMap> extMaps() {
    return Attributes.all(attributes, ExtMap.NAME, ExtMap::parse);
  }

  /** Whether {@code a=extmap-allow-mixed} is present. */
  public boolean isExtmapAllowMixed() {
    return has(PropertyAttribute.EXTMAP_ALLOW_MIXED);
  }

  /** Whether {@code a=rtcp-mux} is present. */
  public boolean isRtcpMux() {
    return has(PropertyAttribute.RTCP_MUX);
  }

  /** Whether {@code a=rtcp-rsize} is present. */
  public boolean isRtcpReducedSize() {
    return has(PropertyAttribute.RTCP_RSIZE);
  }

  /** Whether {@code a=bundle-only} is present. */
  public boolean isBundleOnly() {
    return has(PropertyAttribute.BUNDLE_ONLY);
  }

  /** The {@code a=msid} lines, in order. */
  public List<Msid> msids() {
    return Attributes.all(attributes, Msid.NAME, Msid::parse);
  }

  /** The {@code a=ssrc} lines, in order. */
  public List<Ssrc> ssrcs() {
    return Attributes.all(attributes, Ssrc.NAME, Ssrc::parse);
  }

  /** The {@code a=ssrc-group} lines, in order. */
  public List<SsrcGroup> ssrcGroups() {
    return Attributes.all(attributes, SsrcGroup.NAME, SsrcGroup::parse);
  }

  /** The {@code a=rid} lines, in order. */
  public List<Rid> rids() {
    return Attributes.all(attributes, Rid.NAME, Rid::parse);
  }

  /** The {@code a=simulcast}, or null. */
  public Simulcast simulcast() {
    return Attributes.first(attributes, Simulcast.NAME, Simulcast::parse);
  }

  /** The {@code a=sctp-port} port, or -1 if there is none. */
  public int sctpPort() {
    SctpPort port = Attributes.first(attributes, SctpPort.NAME, SctpPort::parse);
    return port == null ? -1 : port.port();
  }

  /** The {@code a=max-message-size} in bytes, or -1 if there is none. */
  public long maxMessageSize() {
    MaxMessageSize size = Attributes.first(attributes, MaxMessageSize.NAME, MaxMessageSize::parse);
    return size == null ? -1 : size.size();
  }

  // Writing.

  /** The lines, each ending in CRLF, appended to {@code out}. */
  void appendTo(StringBuilder out) {
    out.append("m=").append(media).append(' ').append(port);
    if (numberOfPorts != NO_NUMBER_OF_PORTS) {
      out.append('/').append(numberOfPorts);
    }
    out.append(' ').append(proto);
    for (String format : formats) {
      out.append(' ').append(format);
    }
    out.append("\r\n");
    if (information != null) {
      out.append("i=").append(information).append("\r\n");
    }
    for (Connection c : connections) {
      out.append("c=").append(c).append("\r\n");
    }
    for (Bandwidth b : bandwidths) {
      out.append("b=").append(b).append("\r\n");
    }
    if (key != null) {
      out.append("k=").append(key).append("\r\n");
    }
    for (Attribute a : attributes) {
      out.append("a=").append(a).append("\r\n");
    }
  }

  /** The section's lines as SDP, each ending in CRLF. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    appendTo(out);
    return out.toString();
  }

  /** RFC 8866 §9: proto = token *("/" token). */
  static boolean isProto(String proto) {
    if (proto == null || proto.isEmpty()) {
      return false;
    }
    for (String part : proto.split("/", -1)) {
      if (!Syntax.isToken(part)) {
        return false;
      }
    }
    return true;
  }

  /** Makes a {@link MediaDescription}, field by field. Not thread-safe. */
  public static final class Builder {
    private String media;
    private int port;
    private int numberOfPorts = NO_NUMBER_OF_PORTS;
    private String proto;
    private final List<String> formats = new ArrayList<>();
    private String information;
    private final List<Connection> connections = new ArrayList<>();
    private final List<Bandwidth> bandwidths = new ArrayList<>();
    private String key;
    private final List<Attribute> attributes = new ArrayList<>();

    private Builder(String media, int port, String proto) {
      this.media = media;
      this.port = port;
      this.proto = proto;
    }

    /** Sets the media type. */
    public Builder media(String media) {
      this.media = media;
      return this;
    }

    /** Sets the port (0 rejects the section). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Sets the number of ports, or {@link #NO_NUMBER_OF_PORTS}. */
    public Builder numberOfPorts(int numberOfPorts) {
      this.numberOfPorts = numberOfPorts;
      return this;
    }

    /** Sets the protocol. */
    public Builder proto(String proto) {
      this.proto = proto;
      return this;
    }

    /** Replaces the formats. */
    public Builder formats(List<String> formats) {
      this.formats.clear();
      this.formats.addAll(formats);
      return this;
    }

    /** Appends a format. */
    public Builder addFormat(String format) {
      formats.add(Objects.requireNonNull(format, "format"));
      return this;
    }

    /** Appends an RTP payload type to the formats. */
    public Builder addFormat(int payloadType) {
      return addFormat(Integer.toString(payloadType));
    }

    /** Sets the {@code i=} line, or removes it with null. */
    public Builder information(String information) {
      this.information = information;
      return this;
    }

    /** Replaces the {@code c=} lines. */
    public Builder connections(List<Connection> connections) {
      this.connections.clear();
      this.connections.addAll(connections);
      return this;
    }

    /** Appends a {@code c=} line. */
    public Builder addConnection(Connection connection) {
      connections.add(Objects.requireNonNull(connection, "connection"));
      return this;
    }

    /** Replaces the {@code c=} lines with {@code connection}. */
    public Builder connection(Connection connection) {
      return connections(List.of(connection));
    }

    /** Replaces the {@code b=} lines. */
    public Builder bandwidths(List<Bandwidth> bandwidths) {
      this.bandwidths.clear();
      this.bandwidths.addAll(bandwidths);
      return this;
    }

    /** Appends a {@code b=} line. */
    public Builder addBandwidth(Bandwidth bandwidth) {
      bandwidths.add(Objects.requireNonNull(bandwidth, "bandwidth"));
      return this;
    }

    /** Sets the {@code k=} line, or removes it with null. */
    public Builder key(String key) {
      this.key = key;
      return this;
    }

    /** Replaces the attributes. */
    public Builder attributes(List<Attribute> attributes) {
      this.attributes.clear();
      this.attributes.addAll(attributes);
      return this;
    }

    /** Appends an attribute. */
    public Builder addAttribute(Attribute attribute) {
      attributes.add(Objects.requireNonNull(attribute, "attribute"));
      return this;
    }

    /** Appends a typed attribute. */
    public Builder addAttribute(TypedAttribute attribute) {
      return addAttribute(attribute.toAttribute());
    }

    /** Appends {@code a=<name>:<value>}. */
    public Builder addAttribute(String name, String value) {
      return addAttribute(Attribute.of(name, value));
    }

    /**
     * Puts {@code attribute} in place of the first attribute of its name, dropping any others of
     * that name; appends it if there is none.
     */
    public Builder setAttribute(Attribute attribute) {
      Attributes.set(attributes, Objects.requireNonNull(attribute, "attribute"));
      return this;
    }

    /** {@link #setAttribute(Attribute)} for a typed attribute. */
    public Builder setAttribute(TypedAttribute attribute) {
      return setAttribute(attribute.toAttribute());
    }

    /**
     * Puts {@code direction} in place of the first direction attribute, dropping any others;
     * appends it if there is none.
     */
    public Builder direction(Direction direction) {
      Attributes.setDirection(attributes, Objects.requireNonNull(direction, "direction"));
      return this;
    }

    /** Removes every attribute named {@code name}. */
    public Builder removeAttributes(String name) {
      Attributes.removeAll(attributes, name);
      return this;
    }

    /**
     * The section.
     *
     * @throws IllegalArgumentException if a field is malformed or there is no format
     */
    public MediaDescription build() {
      return new MediaDescription(
          media,
          port,
          numberOfPorts,
          proto,
          formats,
          information,
          connections,
          bandwidths,
          key,
          attributes);
    }
  }
}
