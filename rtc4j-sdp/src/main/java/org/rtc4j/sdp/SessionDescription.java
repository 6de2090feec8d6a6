package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A session description (RFC 8866 §5): the session-level lines ({@code v=}, {@code o=}, {@code s=},
 * {@code i=}, {@code u=}, {@code e=}, {@code p=}, {@code c=}, {@code b=}, the time descriptions,
 * {@code k=}, {@code a=}) and the media descriptions after them.
 *
 * <p>{@link #parse} reads one, checking the lines' order and syntax and the values of the
 * attributes this package has typed views of; {@link #toString()} writes it back with CRLF line
 * ends. Every line is kept, unknown attributes included, so a description parsed from SDP a browser
 * wrote is written back byte for byte (given CRLF line ends).
 *
 * <p>Immutable; {@link #builder} makes one and {@link #toBuilder()} edits a copy. The version
 * ({@code v=}) is always 0.
 *
 * @param origin the {@code o=} line
 * @param sessionName the {@code s=} line's value ({@code -} in WebRTC)
 * @param information the {@code i=} line's value, or null
 * @param uri the {@code u=} line's value, or null
 * @param emails the {@code e=} lines' values, in order
 * @param phones the {@code p=} lines' values, in order
 * @param connection the session-level {@code c=} line, or null
 * @param bandwidths the session-level {@code b=} lines, in order
 * @param times the time descriptions, one or more, in order
 * @param key the (obsolete, RFC 8866 §5.12) {@code k=} line's value, or null
 * @param attributes the session-level {@code a=} lines, every one, in order
 * @param mediaDescriptions the media descriptions, in order
 */
public record SessionDescription(
    Origin origin,
    String sessionName,
    String information,
    String uri,
    List<String> emails,
    List<String> phones,
    Connection connection,
    List<Bandwidth> bandwidths,
    List<TimeDescription> times,
    String key,
    List<Attribute> attributes,
    List<MediaDescription> mediaDescriptions) {

  /** The SDP version, the only one there is (RFC 8866 §5.1). */
  public static final int VERSION = 0;

  /** The longest description {@link #parse} accepts, in characters: 1 MiB. */
  public static final int MAX_LENGTH = 1 << 20;

  /** The most lines {@link #parse} accepts. */
  public static final int MAX_LINES = 10_000;

  /**
   * @throws IllegalArgumentException if a field is malformed or there is no time description
   */
  public SessionDescription {
    Objects.requireNonNull(origin, "origin");
    Syntax.requireText(sessionName, "s=");
    if (information != null) {
      Syntax.requireText(information, "i=");
    }
    if (uri != null) {
      Syntax.requireText(uri, "u=");
    }
    emails = List.copyOf(emails);
    for (String email : emails) {
      Syntax.requireText(email, "e=");
    }
    phones = List.copyOf(phones);
    for (String phone : phones) {
      Syntax.requireText(phone, "p=");
    }
    bandwidths = List.copyOf(bandwidths);
    times = List.copyOf(times);
    Syntax.require(!times.isEmpty(), "a description needs at least one time description");
    if (key != null) {
      Syntax.requireText(key, "k=");
    }
    attributes = List.copyOf(attributes);
    mediaDescriptions = List.copyOf(mediaDescriptions);
  }

  /**
   * Parses a session description. Lines may end in CRLF (SDP's own) or LF; the last line may lack
   * its end.
   *
   * @throws SdpParseException if it is not valid SDP, holds control characters, is longer than
   *     {@link #MAX_LENGTH} characters or {@link #MAX_LINES} lines, or a known attribute's value is
   *     malformed; {@link SdpParseException#line()} says where
   */
  public static SessionDescription parse(String text) throws SdpParseException {
    return SdpParser.parse(Objects.requireNonNull(text, "text"));
  }

  /**
   * A builder for a description from {@code origin}, with the session name {@code -} and the one
   * time description {@code t=0 0} unless others are given, as JSEP writes (RFC 8829 §5.2.1).
   */
  public static Builder builder(Origin origin) {
    return new Builder(origin);
  }

  /** A builder that starts as a copy of this description. */
  public Builder toBuilder() {
    Builder b = new Builder(origin);
    b.sessionName = sessionName;
    b.information = information;
    b.uri = uri;
    b.emails.addAll(emails);
    b.phones.addAll(phones);
    b.connection = connection;
    b.bandwidths.addAll(bandwidths);
    b.times.addAll(times);
    b.key = key;
    b.attributes.addAll(attributes);
    b.mediaDescriptions.addAll(mediaDescriptions);
    return b;
  }

  /** The version, always {@link #VERSION}. */
  public int version() {
    return VERSION;
  }

  // Generic attribute lookup, session level.

  /** The first session-level attribute named {@code name}, or null. */
  public Attribute attribute(String name) {
    return Attributes.first(attributes, name);
  }

  /** Every session-level attribute named {@code name}, in order. */
  public List<Attribute> attributes(String name) {
    return Attributes.all(attributes, name);
  }

  /** Whether there is a session-level attribute named {@code name}. */
  public boolean hasAttribute(String name) {
    return Attributes.has(attributes, name);
  }

  /** Whether the session-level property attribute {@code property} is present. */
  public boolean has(PropertyAttribute property) {
    return hasAttribute(property.attributeName());
  }

  // Media sections.

  /** The media description whose {@code a=mid} is {@code mid}, or null. */
  public MediaDescription media(String mid) {
    for (MediaDescription m : mediaDescriptions) {
      if (mid.equals(m.mid())) {
        return m;
      }
    }
    return null;
  }

  // Typed views, session level.

  /** The {@code a=group} lines, in order. */
  public List<Group> groups() {
    return Attributes.all(attributes, Group.NAME, Group::parse);
  }

  /** The BUNDLE groups (RFC 8843), in order. */
  public List<Group> bundleGroups() {
    List<Group> bundles = new ArrayList<>();
    for (Group g : groups()) {
      if (g.isBundle()) {
        bundles.add(g);
      }
    }
    return List.copyOf(bundles);
  }

  /** The session-level direction attribute, or null (then each section's, or sendrecv). */
  public Direction direction() {
    return Attributes.direction(attributes);
  }

  /** The session-level {@code a=ice-ufrag} value, or null. */
  public String iceUfrag() {
    IceUfrag ufrag = Attributes.first(attributes, IceUfrag.NAME, IceUfrag::parse);
    return ufrag == null ? null : ufrag.value();
  }

  /** The session-level {@code a=ice-pwd} value, or null. */
  public String icePwd() {
    IcePwd pwd = Attributes.first(attributes, IcePwd.NAME, IcePwd::parse);
    return pwd == null ? null : pwd.value();
  }

  /** The session-level {@code a=ice-options}, or null. */
  public IceOptions iceOptions() {
    return Attributes.first(attributes, IceOptions.NAME, IceOptions::parse);
  }

  /** Whether {@code a=ice-lite} is present (RFC 8839 §5.3). */
  public boolean isIceLite() {
    return has(PropertyAttribute.ICE_LITE);
  }

  /** The session-level {@code a=fingerprint} lines, in order. */
  public List<Fingerprint> fingerprints() {
    return Attributes.all(attributes, Fingerprint.NAME, Fingerprint::parse);
  }

  /** The session-level {@code a=setup} role, or null. */
  public Setup setup() {
    return Attributes.first(attributes, Setup.NAME, Setup::parse);
  }

  /** Whether the session-level {@code a=extmap-allow-mixed} is present. */
  public boolean isExtmapAllowMixed() {
    return has(PropertyAttribute.EXTMAP_ALLOW_MIXED);
  }

  // Writing.

  /** The description as SDP, every line ending in CRLF. */
  public String write() {
    StringBuilder out = new StringBuilder(256 + 2048 * mediaDescriptions.size());
    out.append("v=").append(VERSION).append("\r\n");
    out.append("o=").append(origin).append("\r\n");
    out.append("s=").append(sessionName).append("\r\n");
    if (information != null) {
      out.append("i=").append(information).append("\r\n");
    }
    if (uri != null) {
      out.append("u=").append(uri).append("\r\n");
    }
    for (String email : emails) {
      out.append("e=").append(email).append("\r\n");
    }
    for (String phone : phones) {
      out.append("p=").append(phone).append("\r\n");
    }
    if (connection != null) {
      out.append("c=").append(connection).append("\r\n");
    }
    for (Bandwidth b : bandwidths) {
      out.append("b=").append(b).append("\r\n");
    }
    for (TimeDescription t : times) {
      t.appendTo(out);
    }
    if (key != null) {
      out.append("k=").append(key).append("\r\n");
    }
    for (Attribute a : attributes) {
      out.append("a=").append(a).append("\r\n");
    }
    for (MediaDescription m : mediaDescriptions) {
      m.appendTo(out);
    }
    return out.toString();
  }

  /** The description as SDP: {@link #write()}. */
  @Override
  public String toString() {
    return write();
  }

  /** Makes a {@link SessionDescription}, field by field. Not thread-safe. */
  public static final class Builder {
    private Origin origin;
    private String sessionName = "-";
    private String information;
    private String uri;
    private final List<String> emails = new ArrayList<>();
    private final List<String> phones = new ArrayList<>();
    private Connection connection;
    private final List<Bandwidth> bandwidths = new ArrayList<>();
    private final List<TimeDescription> times = new ArrayList<>();
    private String key;
    private final List<Attribute> attributes = new ArrayList<>();
    private final List<MediaDescription> mediaDescriptions = new ArrayList<>();

    private Builder(Origin origin) {
      this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** Sets the {@code o=} line. */
    public Builder origin(Origin origin) {
      this.origin = Objects.requireNonNull(origin, "origin");
      return this;
    }

    /** Sets the {@code s=} line. */
    public Builder sessionName(String sessionName) {
      this.sessionName = Objects.requireNonNull(sessionName, "sessionName");
      return this;
    }

    /** Sets the {@code i=} line, or removes it with null. */
    public Builder information(String information) {
      this.information = information;
      return this;
    }

    /** Sets the {@code u=} line, or removes it with null. */
    public Builder uri(String uri) {
      this.uri = uri;
      return this;
    }

    /** Replaces the {@code e=} lines. */
    public Builder emails(List<String> emails) {
      this.emails.clear();
      this.emails.addAll(emails);
      return this;
    }

    /** Replaces the {@code p=} lines. */
    public Builder phones(List<String> phones) {
      this.phones.clear();
      this.phones.addAll(phones);
      return this;
    }

    /** Sets the session-level {@code c=} line, or removes it with null. */
    public Builder connection(Connection connection) {
      this.connection = connection;
      return this;
    }

    /** Replaces the session-level {@code b=} lines. */
    public Builder bandwidths(List<Bandwidth> bandwidths) {
      this.bandwidths.clear();
      this.bandwidths.addAll(bandwidths);
      return this;
    }

    /** Replaces the time descriptions; with none, {@code t=0 0} is written. */
    public Builder times(List<TimeDescription> times) {
      this.times.clear();
      this.times.addAll(times);
      return this;
    }

    /** Sets the {@code k=} line, or removes it with null. */
    public Builder key(String key) {
      this.key = key;
      return this;
    }

    /** Replaces the session-level attributes. */
    public Builder attributes(List<Attribute> attributes) {
      this.attributes.clear();
      this.attributes.addAll(attributes);
      return this;
    }

    /** Appends a session-level attribute. */
    public Builder addAttribute(Attribute attribute) {
      attributes.add(Objects.requireNonNull(attribute, "attribute"));
      return this;
    }

    /** Appends a typed session-level attribute. */
    public Builder addAttribute(TypedAttribute attribute) {
      return addAttribute(attribute.toAttribute());
    }

    /** Appends the session-level {@code a=<name>:<value>}. */
    public Builder addAttribute(String name, String value) {
      return addAttribute(Attribute.of(name, value));
    }

    /**
     * Puts {@code attribute} in place of the first session-level attribute of its name, dropping
     * any others of that name; appends it if there is none.
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
     * Puts {@code direction} in place of the first session-level direction attribute, dropping any
     * others; appends it if there is none.
     */
    public Builder direction(Direction direction) {
      Attributes.setDirection(attributes, Objects.requireNonNull(direction, "direction"));
      return this;
    }

    /** Removes every session-level attribute named {@code name}. */
    public Builder removeAttributes(String name) {
      Attributes.removeAll(attributes, name);
      return this;
    }

    /** Replaces the media descriptions. */
    public Builder mediaDescriptions(List<MediaDescription> mediaDescriptions) {
      this.mediaDescriptions.clear();
      this.mediaDescriptions.addAll(mediaDescriptions);
      return this;
    }

    /** Appends a media description. */
    public Builder addMedia(MediaDescription media) {
      mediaDescriptions.add(Objects.requireNonNull(media, "media"));
      return this;
    }

    /** Replaces the media description at {@code index}. */
    public Builder setMedia(int index, MediaDescription media) {
      mediaDescriptions.set(index, Objects.requireNonNull(media, "media"));
      return this;
    }

    /**
     * The description.
     *
     * @throws IllegalArgumentException if a field is malformed
     */
    public SessionDescription build() {
      return new SessionDescription(
          origin,
          sessionName,
          information,
          uri,
          emails,
          phones,
          connection,
          bandwidths,
          times.isEmpty() ? List.of(TimeDescription.PERMANENT) : times,
          key,
          attributes,
          mediaDescriptions);
    }
  }
}
