/**
 * WebRTC data channels (RFC 8831) and the Data Channel Establishment Protocol (RFC 8832), sans-I/O,
 * shaped like W3C's {@code RTCDataChannel}.
 *
 * <p>{@link org.rtc4j.datachannel.DataChannels} holds the channels of one SCTP association. It uses
 * the association through {@link org.rtc4j.datachannel.DataChannelTransport}; whoever drives the
 * association hands what it reports to the {@code handle*} methods, and the application polls
 * {@link org.rtc4j.datachannel.DataChannelEvent}s. Nothing here blocks, starts threads or reads a
 * clock.
 *
 * <pre>{@code
 * DataChannels channels = new DataChannels(association, dtlsClient);
 * DataChannel chat = channels.createDataChannel("chat");              // CONNECTING
 * DataChannel game =
 *     channels.createDataChannel(
 *         "game", DataChannelInit.builder().ordered(false).maxRetransmits(0).build());
 *
 * // The association is established: both channels send DATA_CHANNEL_OPEN and are OPEN.
 * channels.handleConnected();
 * chat.send("hello");
 *
 * // Whatever the association delivers goes in...
 * channels.handleMessage(streamId, ppid, payload);
 * channels.handleIncomingStreamsReset(resetStreamIds);
 *
 * // ...and events come out.
 * for (DataChannelEvent event; (event = channels.pollEvent()) != null; ) {
 *   if (event instanceof DataChannelEvent.Incoming incoming) {
 *     System.out.println("the peer opened " + incoming.channel().label());
 *   } else if (event instanceof DataChannelEvent.TextMessage text) {
 *     text.channel().send("echo: " + text.text());
 *   } else if (event instanceof DataChannelEvent.BinaryMessage binary) {
 *     System.out.println(binary.data().length + " bytes on " + binary.channel().label());
 *   } else if (event instanceof DataChannelEvent.Close close) {
 *     System.out.println(close.channel().label() + " is closed");
 *   }
 * }
 *
 * chat.close(); // CLOSING; CLOSED (a Close event) once both sides have reset the stream
 * }</pre>
 *
 * <p>A channel created by one side opens on the other as a {@link
 * org.rtc4j.datachannel.DataChannelEvent.Incoming} event followed by {@link
 * org.rtc4j.datachannel.DataChannelEvent.Open}. {@code send} throws {@link
 * java.lang.IllegalStateException} unless the channel is open (W3C's {@code InvalidStateError}),
 * and {@link org.rtc4j.datachannel.SendRefusedException} if the association did not take the
 * message (W3C's {@code OperationError}): a full send buffer, a message too large, or a stream or
 * association going away. Such a message is not sent, and not lost silently.
 */
package org.rtc4j.datachannel;
