/**
 * The SCTP packet layer: the common header with its CRC32c (RFC 9260 §3.1, Appendix B; zero
 * checksums per RFC 9653), one immutable record per chunk type (RFC 9260 §3.3, PR-SCTP's FORWARD
 * TSN of RFC 3758, RE-CONFIG of RFC 6525, I-DATA and I-FORWARD-TSN of RFC 8260), per parameter and
 * per error cause, and {@link org.rtc4j.sctp.packet.PacketBuilder}, which bundles chunks into
 * packets that fit the path.
 *
 * <p>Parsing reads untrusted bytes: {@link org.rtc4j.sctp.packet.SctpPacket#parse} and {@link
 * org.rtc4j.sctp.packet.Chunk#parse} throw {@link org.rtc4j.common.ParseException} and nothing else
 * for any input, allocate no more than in proportion to it, and copy payloads out so that the
 * caller may reuse its buffer. Unknown chunk, parameter and cause types are kept as they came, with
 * the action their type bits ask for (RFC 9260 §3.2, §3.2.1). Only the format is checked here; what
 * a chunk means in the association's state is the association's business.
 *
 * <p>Writing never fails for a value that was constructed: constructors refuse out-of-range fields
 * and anything too long for a 16-bit length with {@link IllegalArgumentException}.
 */
package org.rtc4j.sctp.packet;
