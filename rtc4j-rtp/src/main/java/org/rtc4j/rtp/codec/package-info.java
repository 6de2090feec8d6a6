/**
 * RTP payload formats. A {@link org.rtc4j.rtp.codec.Packetizer} splits an encoded frame into RTP
 * payloads; a {@link org.rtc4j.rtp.codec.Depacketizer} puts a frame's payloads back together and
 * says of each payload whether it can start a frame, ends one, or belongs to a keyframe; a {@link
 * org.rtc4j.rtp.codec.SampleBuilder} collects a stream's packets, in whatever order they come, into
 * whole frames.
 *
 * <ul>
 *   <li>Opus (RFC 7587): {@link org.rtc4j.rtp.codec.OpusPacketizer}, {@link
 *       org.rtc4j.rtp.codec.OpusDepacketizer}.
 *   <li>G.711 and G.722 (RFC 3551 §4.5): {@link org.rtc4j.rtp.codec.SampleBasedPacketizer}, {@link
 *       org.rtc4j.rtp.codec.SampleBasedDepacketizer}.
 *   <li>VP8 (RFC 7741): {@link org.rtc4j.rtp.codec.Vp8Packetizer}, {@link
 *       org.rtc4j.rtp.codec.Vp8Depacketizer}, {@link org.rtc4j.rtp.codec.Vp8PayloadDescriptor}.
 *   <li>VP9 (RFC 9628): {@link org.rtc4j.rtp.codec.Vp9Packetizer}, {@link
 *       org.rtc4j.rtp.codec.Vp9Depacketizer}, {@link org.rtc4j.rtp.codec.Vp9PayloadDescriptor},
 *       {@link org.rtc4j.rtp.codec.Vp9ScalabilityStructure}.
 *   <li>H.264 (RFC 6184, packetization modes 0 and 1): {@link org.rtc4j.rtp.codec.H264Packetizer},
 *       {@link org.rtc4j.rtp.codec.H264Depacketizer}.
 *   <li>H.265 (RFC 7798): {@link org.rtc4j.rtp.codec.H265Packetizer}, {@link
 *       org.rtc4j.rtp.codec.H265Depacketizer}.
 *   <li>AV1 (AOMedia av1-rtp-spec): {@link org.rtc4j.rtp.codec.Av1Packetizer}, {@link
 *       org.rtc4j.rtp.codec.Av1Depacketizer}.
 * </ul>
 */
package org.rtc4j.rtp.codec;
