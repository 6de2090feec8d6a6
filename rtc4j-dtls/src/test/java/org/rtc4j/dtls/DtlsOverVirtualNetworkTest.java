package org.rtc4j.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.DatagramEndpoint;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.RandomSource;
import org.rtc4j.common.Time;
import org.rtc4j.dtls.handshake.ExtensionType;
import org.rtc4j.dtls.handshake.Extensions;
import org.rtc4j.dtls.handshake.HandshakeFragment;
import org.rtc4j.dtls.handshake.HandshakeType;
import org.rtc4j.dtls.handshake.ServerHello;
import org.rtc4j.dtls.record.DtlsRecord;
import org.rtc4j.testkit.Host;
import org.rtc4j.testkit.LinkConfig;
import org.rtc4j.testkit.VirtualNetwork;

/** Handshakes across the virtual network's lossy links, and what browsers' hellos get back. */
class DtlsOverVirtualNetworkTest {
  static final InetSocketAddress CLIENT = address("10.0.0.1", 50000);
  static final InetSocketAddress SERVER = address("10.0.0.2", 50001);

  static final LinkConfig HOSTILE =
      LinkConfig.builder()
          .delayNanos(Time.millis(25))
          .jitterNanos(Time.millis(10))
          .loss(0.3)
          .duplication(0.1)
          .reorder(0.2)
          .mtu(600)
          .build();

  @Test
  void handshakeAndDataGetThroughThirtyPercentLossReorderingDuplicationAndA600ByteMtu() {
    int connected = 0;
    for (long seed = 1; seed <= 10; seed++) {
      DtlsConfig clientConfig =
          DtlsConfig.builder(DtlsPair.ECDSA)
              .mtu(600)
              .handshakeTimeoutNanos(Time.seconds(120))
              .build();
      DtlsConfig serverConfig =
          DtlsConfig.builder(DtlsPair.ECDSA_2)
              .mtu(600)
              .handshakeTimeoutNanos(Time.seconds(120))
              .build();
      DtlsOverUdp client =
          new DtlsOverUdp(
              DtlsEndpoint.client(clientConfig, RandomSource.seeded(seed)), CLIENT, SERVER);
      DtlsOverUdp server =
          new DtlsOverUdp(
              DtlsEndpoint.server(serverConfig, RandomSource.seeded(-seed)), SERVER, CLIENT);
      client.dtls.setRemoteFingerprints(List.of(DtlsPair.ECDSA_2.fingerprint()), 0);
      server.dtls.setRemoteFingerprints(List.of(DtlsPair.ECDSA.fingerprint()), 0);
      VirtualNetwork net = VirtualNetwork.seeded(seed);
      Host c = net.addHost("client", client, CLIENT.getAddress());
      Host s = net.addHost("server", server, SERVER.getAddress());
      net.linkBoth(c, s, HOSTILE);
      client.dtls.start(net.now());
      boolean done =
          net.runUntil(
              () ->
                  client.dtls.state() == DtlsState.CONNECTED
                      && server.dtls.state() == DtlsState.CONNECTED,
              Time.seconds(120));
      assertTrue(done, "seed " + seed + ": " + client.events + " " + server.events);
      connected++;
      // Then data, resent by the test until it arrives: DTLS itself is unreliable.
      byte[] msg = ("seed " + seed).getBytes(StandardCharsets.UTF_8);
      for (int tries = 0; tries < 50 && DtlsPair.data(server.events).isEmpty(); tries++) {
        client.dtls.send(msg, 0, msg.length);
        net.runFor(Time.millis(100));
      }
      assertArrayEquals(msg, DtlsPair.data(server.events).get(0));
    }
    assertEquals(10, connected);
  }

  /** Replays a captured browser ClientHello (its datagrams, as sent) until something answers. */
  static final class CapturedBrowser implements DatagramEndpoint {
    final List<byte[]> hello;
    final List<byte[]> received = new ArrayList<>();
    final ArrayList<byte[]> queue = new ArrayList<>();
    long nextSend;

    CapturedBrowser(List<byte[]> hello) {
      this.hello = hello;
    }

    @Override
    public void handleRead(Datagram datagram, long nowNanos) {
      received.add(datagram.copyPayload());
    }

    @Override
    public Datagram pollWrite() {
      return queue.isEmpty() ? null : Datagram.udp(queue.remove(0), CLIENT, SERVER);
    }

    @Override
    public void handleTimeout(long nowNanos) {
      if (received.isEmpty()) {
        queue.addAll(hello);
        nextSend = nowNanos + Time.seconds(1);
      } else {
        nextSend = Time.NEVER;
      }
    }

    @Override
    public long pollTimeout() {
      return nextSend;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"chromium156-dtls-clienthello.hex", "firefox153-dtls-clienthello.hex"})
  void aFragmentedDtls13BrowserHelloGetsADtls12ServerHello(String fixture) throws Exception {
    List<byte[]> hello = fixture(fixture);
    assertTrue(hello.size() >= 2, "the capture is fragmented across datagrams");
    for (long seed = 1; seed <= 5; seed++) {
      CapturedBrowser browser = new CapturedBrowser(hello);
      DtlsOverUdp server =
          new DtlsOverUdp(
              DtlsEndpoint.server(
                  DtlsConfig.builder(DtlsPair.ECDSA_2).mtu(600).build(), RandomSource.seeded(seed)),
              SERVER,
              CLIENT);
      VirtualNetwork net = VirtualNetwork.seeded(seed);
      Host b = net.addHost("browser", browser, CLIENT.getAddress());
      Host s = net.addHost("server", server, SERVER.getAddress());
      // The browser's own datagrams are up to 1242 bytes: only the server's side has the small MTU.
      net.link(
          b, s, LinkConfig.builder().delayNanos(Time.millis(10)).loss(0.3).reorder(0.3).build());
      net.link(s, b, LinkConfig.builder().delayNanos(Time.millis(10)).mtu(600).build());
      assertTrue(net.runUntil(() -> !browser.received.isEmpty(), Time.seconds(30)));
      net.runFor(Time.millis(100));
      for (byte[] d : browser.received) {
        assertTrue(d.length <= 600);
      }
      ServerHello sh = serverHello(browser.received);
      assertEquals(DtlsRecord.DTLS_1_2, sh.version());
      assertEquals(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256.id(), sh.cipherSuite());
      assertEquals(
          SrtpProfile.AEAD_AES_128_GCM.id(),
          Extensions.parseUseSrtp(sh.extension(ExtensionType.USE_SRTP).data()).profiles()[0]);
      assertTrue(sh.extension(ExtensionType.EXTENDED_MASTER_SECRET) != null);
      assertTrue(sh.extension(ExtensionType.SUPPORTED_VERSIONS) == null, "no 1.3 in a 1.2 hello");
      for (DtlsDrop reason :
          new DtlsDrop[] {
            DtlsDrop.MALFORMED_RECORD, DtlsDrop.MALFORMED_HANDSHAKE, DtlsDrop.UNEXPECTED_MESSAGE
          }) {
        assertEquals(0, server.dtls.drops().get(reason), server.dtls.drops()::toString);
      }
    }
  }

  /** The first message of what the server sent, put back together: its ServerHello. */
  static ServerHello serverHello(List<byte[]> datagrams) throws ParseException {
    byte[] body = null;
    for (byte[] d : datagrams) {
      ByteReader reader = new ByteReader(d);
      while (reader.hasRemaining()) {
        DtlsRecord r = DtlsRecord.parse(reader);
        ByteReader fragments = new ByteReader(r.array(), r.fragmentOffset(), r.fragmentLength());
        while (r.contentType() == 22 && fragments.hasRemaining()) {
          HandshakeFragment f = HandshakeFragment.parse(fragments);
          if (f.type() == HandshakeType.SERVER_HELLO.code()) {
            if (body == null) {
              body = new byte[f.length()];
            }
            System.arraycopy(f.data(), 0, body, f.fragmentOffset(), f.fragmentLength());
          }
        }
      }
    }
    return ServerHello.parse(body);
  }

  static List<byte[]> fixture(String name) throws IOException {
    try (InputStream in =
        DtlsOverVirtualNetworkTest.class.getResourceAsStream("fixtures/" + name)) {
      List<byte[]> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (!line.isBlank()) {
          out.add(HexFormat.of().parseHex(line.trim()));
        }
      }
      return out;
    }
  }

  private static InetSocketAddress address(String ip, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByName(ip), port);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
