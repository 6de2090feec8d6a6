/**
 * The RTP header extensions browsers send, one record per extension: each reads its element data
 * ({@code parse}, from the offset and length a {@link org.rtc4j.rtp.HeaderExtensions} cursor gives)
 * and writes it (as a {@link org.rtc4j.rtp.HeaderExtension} handed to {@link
 * org.rtc4j.rtp.RtpWriter#extension(int, org.rtc4j.rtp.HeaderExtension)}). Their SDP names are in
 * {@link org.rtc4j.rtp.ExtensionUri}.
 */
package org.rtc4j.rtp.extension;
