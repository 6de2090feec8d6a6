/**
 * RTP payload formats: a {@link org.rtc4j.rtp.codec.Packetizer} splits an encoded frame into RTP
 * payloads and a {@link org.rtc4j.rtp.codec.Depacketizer} puts a frame's payloads back together.
 * Opus ({@link org.rtc4j.rtp.codec.OpusPacketizer}, {@link org.rtc4j.rtp.codec.OpusDepacketizer})
 * and the sample-based G.711 and G.722 ({@link org.rtc4j.rtp.codec.SampleBasedPacketizer}, {@link
 * org.rtc4j.rtp.codec.SampleBasedDepacketizer}).
 */
package org.rtc4j.rtp.codec;
