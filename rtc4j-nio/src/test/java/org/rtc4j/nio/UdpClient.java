package org.rtc4j.nio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A plain blocking UDP socket on loopback for the test thread; every receive has a timeout. */
final class UdpClient implements AutoCloseable {
  static final int TIMEOUT_MILLIS = 5_000;

  final DatagramSocket socket;

  UdpClient() {
    try {
      socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      socket.setSoTimeout(TIMEOUT_MILLIS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  void send(byte[] payload, InetSocketAddress to) throws IOException {
    socket.send(new DatagramPacket(payload, payload.length, to));
  }

  void send(String text, InetSocketAddress to) throws IOException {
    send(text.getBytes(StandardCharsets.US_ASCII), to);
  }

  /** The next datagram's payload; fails the test after {@link #TIMEOUT_MILLIS}. */
  byte[] receive() throws IOException {
    byte[] buffer = new byte[2048];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    try {
      socket.receive(packet);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("nothing came back within " + TIMEOUT_MILLIS + " ms", e);
    }
    return Arrays.copyOf(buffer, packet.getLength());
  }

  String receiveText() throws IOException {
    return new String(receive(), StandardCharsets.US_ASCII);
  }

  @Override
  public void close() {
    socket.close();
  }
}
