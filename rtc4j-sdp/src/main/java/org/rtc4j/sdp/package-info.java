/**
 * SDP session descriptions (RFC 8866) and the attributes WebRTC negotiates with them (RFC 8829).
 *
 * <p>A {@link org.rtc4j.sdp.SessionDescription} holds every line of a description in order, its
 * media sections as {@link org.rtc4j.sdp.MediaDescription}s and their {@code a=} lines as generic
 * {@link org.rtc4j.sdp.Attribute}s, so that what a browser wrote is written back byte for byte.
 * Typed views ({@link org.rtc4j.sdp.Candidate}, {@link org.rtc4j.sdp.RtpMap}, {@link
 * org.rtc4j.sdp.Fingerprint}, {@link org.rtc4j.sdp.Direction}...) read and make the attributes JSEP
 * needs; each has {@code parse(value)}, and {@code toString()} gives the value back.
 *
 * <p>Parsing is for untrusted input: {@link org.rtc4j.sdp.SessionDescription#parse} refuses
 * anything that is not valid SDP, is longer than 1 MiB or 10000 lines, holds control characters, or
 * has a malformed value for an attribute this package knows, always with a {@link
 * org.rtc4j.sdp.SdpParseException} that names the line. Values are immutable: descriptions are made
 * with builders and edited as copies.
 *
 * <p>Reading a remote offer:
 *
 * <pre>{@code
 * SessionDescription offer = SessionDescription.parse(remoteSdp); // throws SdpParseException
 * for (MediaDescription m : offer.mediaDescriptions()) {
 *   if (m.isDataChannel() && !m.isRejected()) {
 *     String mid = m.mid();                    // "2"
 *     int sctpPort = m.sctpPort();             // 5000
 *     long maxMessageSize = m.maxMessageSize(); // 262144, or -1 if absent
 *     Setup setup = m.setup();                 // Setup.ACTPASS
 *     List<Fingerprint> fingerprints =
 *         m.fingerprints().isEmpty() ? offer.fingerprints() : m.fingerprints();
 *     for (Candidate c : m.candidates()) {
 *       // c.address(), c.port(), c.type(), c.priority()...
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Writing an answer:
 *
 * <pre>{@code
 * SessionDescription answer =
 *     SessionDescription.builder(Origin.of("4611731400430051336", 2))
 *         .addAttribute(Group.bundle(List.of("0")))
 *         .addMedia(
 *             MediaDescription.builder(
 *                     MediaDescription.APPLICATION, 9, MediaDescription.UDP_DTLS_SCTP)
 *                 .addFormat(MediaDescription.WEBRTC_DATACHANNEL)
 *                 .connection(Connection.IP4_ANY)
 *                 .addAttribute(new IceUfrag(ufrag))
 *                 .addAttribute(new IcePwd(pwd))
 *                 .addAttribute(IceOptions.of(IceOptions.TRICKLE))
 *                 .addAttribute(Fingerprint.of("sha-256", certificateDigest))
 *                 .addAttribute(Setup.ACTIVE)
 *                 .addAttribute(new Mid("0"))
 *                 .addAttribute(new SctpPort(SctpPort.DEFAULT))
 *                 .addAttribute(new MaxMessageSize(262144))
 *                 .build())
 *         .build();
 * String sdp = answer.toString(); // "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n..."
 *
 * // A later copy, with a trickled candidate added to the section:
 * MediaDescription section = answer.mediaDescriptions().get(0);
 * SessionDescription next =
 *     answer.toBuilder()
 *         .origin(answer.origin().withSessionVersion(3))
 *         .setMedia(0, section.toBuilder().addAttribute(candidate).build())
 *         .build();
 * }</pre>
 *
 * <p>A trickled candidate string ({@code candidate:...}) reads with {@code
 * Candidate.parse(Attribute.parse(text).value())} and is written with {@link
 * org.rtc4j.sdp.Candidate#toTrickleString()}.
 */
package org.rtc4j.sdp;
