package org.rtc4j.dtls.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.RandomSource;
import org.rtc4j.dtls.CipherSuite;
import org.rtc4j.dtls.NamedGroup;

/**
 * Replays real DTLS 1.2 handshakes between OpenSSL's s_client and s_server, one per cipher suite,
 * captured datagram by datagram on loopback (the files {@code openssl-dtls12-<suite>.txt} beside
 * this class say how). The ServerKeyExchange's signature must verify under the certificate's key.
 * With only the master secret OpenSSL logged, the key block must give the keys that open every
 * encrypted record, the transcript hash and the PRF must give both Finished messages' verify_data,
 * and the exporter must give what OpenSSL exported.
 */
class OpenSslDtlsCaptureTest {
  private static final HexFormat HEX = HexFormat.of();

  private static final int CHANGE_CIPHER_SPEC = 20;
  private static final int ALERT = 21;
  private static final int HANDSHAKE = 22;
  private static final int APPLICATION_DATA = 23;

  private static final int CLIENT_HELLO = 1;
  private static final int SERVER_HELLO = 2;
  private static final int HELLO_VERIFY_REQUEST = 3;
  private static final int CERTIFICATE = 11;
  private static final int SERVER_KEY_EXCHANGE = 12;
  private static final int FINISHED = 20;

  @ParameterizedTest
  @EnumSource(CipherSuite.class)
  void keysFromTheMasterSecretOpenEveryRecordAndBothFinishedMessagesVerify(CipherSuite suite)
      throws Exception {
    Capture capture = Capture.load(suite);
    assertEquals(suite, capture.suite);
    List<Record> records = capture.records();

    Reassembly reassembly = new Reassembly();
    MessageDigest transcript = MessageDigest.getInstance(suite.digestAlgorithm());
    byte[] clientRandom = null;
    byte[] serverRandom = null;
    RecordProtection fromClient = null;
    RecordProtection fromServer = null;
    PublicKey serverKey = null;
    List<String> seen = new ArrayList<>();
    for (Record r : records) {
      if (r.epoch() == 0) {
        if (r.type == HANDSHAKE) {
          byte[] message = reassembly.add(r.client, r.fragment);
          if (message == null) {
            continue;
          }
          int type = message[0];
          int messageSeq = ((message[4] & 0xFF) << 8) | (message[5] & 0xFF);
          // RFC 6347 §4.2.6: the first ClientHello and the HelloVerifyRequest stay out of the
          // transcript; the ClientHello with the cookie goes in.
          if (type == HELLO_VERIFY_REQUEST || (type == CLIENT_HELLO && messageSeq == 0)) {
            continue;
          }
          transcript.update(message);
          if (type == CLIENT_HELLO) {
            clientRandom = Arrays.copyOfRange(message, 12 + 2, 12 + 2 + 32);
          } else if (type == SERVER_HELLO) {
            serverRandom = Arrays.copyOfRange(message, 12 + 2, 12 + 2 + 32);
          } else if (type == CERTIFICATE) {
            serverKey = firstCertificateKey(message);
          } else if (type == SERVER_KEY_EXCHANGE) {
            assertServerKeyExchangeVerifies(message, clientRandom, serverRandom, serverKey);
            seen.add("ServerKeyExchange");
          }
        } else {
          assertEquals(CHANGE_CIPHER_SPEC, r.type);
          if (fromClient == null) {
            // RFC 5246 §6.3: client_write_key, server_write_key, client_write_IV, server_write_IV.
            int k = suite.keyLength();
            int iv = suite.fixedIvLength();
            byte[] block =
                Prf.keyBlock(
                    suite, capture.masterSecret, clientRandom, serverRandom, 2 * k + 2 * iv);
            fromClient =
                RecordProtection.create(
                    suite,
                    Arrays.copyOfRange(block, 0, k),
                    Arrays.copyOfRange(block, 2 * k, 2 * k + iv));
            fromServer =
                RecordProtection.create(
                    suite,
                    Arrays.copyOfRange(block, k, 2 * k),
                    Arrays.copyOfRange(block, 2 * k + iv, 2 * k + 2 * iv));
          }
        }
        continue;
      }
      RecordProtection protection = r.client ? fromClient : fromServer;
      assertNotNull(protection, "an encrypted record before ChangeCipherSpec");
      byte[] plaintext = new byte[r.fragment.length];
      int n =
          protection.open(
              r.epochAndSequence,
              r.type,
              r.version,
              r.fragment,
              0,
              r.fragment.length,
              plaintext,
              0);
      assertEquals(r.fragment.length - protection.overhead(), n, r.toString());
      plaintext = Arrays.copyOf(plaintext, n);
      String who = r.client ? "client" : "server";
      if (r.type == HANDSHAKE) {
        assertEquals(FINISHED, plaintext[0]);
        byte[] expected =
            Prf.verifyData(
                suite,
                capture.masterSecret,
                r.client,
                ((MessageDigest) transcript.clone()).digest());
        assertArrayEquals(
            expected, Arrays.copyOfRange(plaintext, 12, plaintext.length), who + " Finished");
        transcript.update(plaintext);
        seen.add(who + " Finished");
      } else if (r.type == APPLICATION_DATA) {
        assertEquals(
            "hello from the rtc4j test client\n", new String(plaintext, StandardCharsets.UTF_8));
        seen.add(who + " data");
      } else {
        assertEquals(ALERT, r.type);
        assertEquals("0100", HEX.formatHex(plaintext), "close_notify");
        seen.add(who + " close_notify");
      }
      if (suite.explicitNonceLength() == 0) {
        // RFC 7905's nonce leaves the sender no choice, so sealing gives OpenSSL's bytes.
        byte[] sealed = new byte[r.fragment.length];
        protection(suite, capture, clientRandom, serverRandom, r.client)
            .seal(r.epochAndSequence, r.type, r.version, plaintext, 0, n, sealed, 0);
        assertArrayEquals(r.fragment, sealed, r.toString());
      }
    }
    assertEquals(
        List.of(
            "ServerKeyExchange",
            "client Finished",
            "server Finished",
            "client data",
            "client close_notify",
            "server close_notify"),
        seen);

    assertArrayEquals(
        capture.exported,
        Prf.exporter(
            suite,
            capture.masterSecret,
            capture.exporterLabel,
            clientRandom,
            serverRandom,
            null,
            capture.exported.length));
  }

  /** The public key of the first certificate in a Certificate message (RFC 5246 §7.4.2). */
  private static PublicKey firstCertificateKey(byte[] message) {
    ByteBuffer b = ByteBuffer.wrap(message, 12 + 3, message.length - 12 - 3);
    byte[] der = new byte[Reassembly.u24(b)];
    b.get(der);
    try {
      return CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der))
          .getPublicKey();
    } catch (CertificateException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * RFC 8422 §5.4: the signature covers client_random + server_random + ServerECDHParams, under the
   * certificate's key, with the scheme the server names. OpenSSL signs with ECDSA-SHA256 or
   * RSA-PSS-SHA256. The server's X25519 share must be a key EcdheKeyPair accepts.
   */
  private static void assertServerKeyExchangeVerifies(
      byte[] message, byte[] clientRandom, byte[] serverRandom, PublicKey serverKey) {
    int paramsLength = 1 + 2 + 1 + (message[12 + 3] & 0xFF);
    byte[] params = Arrays.copyOfRange(message, 12, 12 + paramsLength);
    ByteBuffer b = ByteBuffer.wrap(message, 12 + paramsLength, message.length - 12 - paramsLength);
    SignatureScheme scheme = SignatureScheme.fromId(b.getShort() & 0xFFFF);
    assertNotNull(scheme);
    byte[] signature = new byte[b.getShort() & 0xFFFF];
    b.get(signature);
    assertFalse(b.hasRemaining());
    byte[] signed = new byte[64 + params.length];
    System.arraycopy(clientRandom, 0, signed, 0, 32);
    System.arraycopy(serverRandom, 0, signed, 32, 32);
    System.arraycopy(params, 0, signed, 64, params.length);
    assertTrue(scheme.verify(serverKey, signed, signature), scheme.name());
    signed[0] ^= 1;
    assertFalse(scheme.verify(serverKey, signed, signature), scheme.name());

    NamedGroup group = NamedGroup.fromId(((params[1] & 0xFF) << 8) | (params[2] & 0xFF));
    assertNotNull(group);
    byte[] share = Arrays.copyOfRange(params, 4, params.length);
    try {
      assertEquals(
          group == NamedGroup.SECP384R1 ? 48 : 32,
          EcdheKeyPair.generate(group, new RandomSourceSecureRandom(RandomSource.seeded(1)))
              .agree(share)
              .length);
    } catch (ParseException e) {
      throw new AssertionError(e);
    }
  }

  private static RecordProtection protection(
      CipherSuite suite,
      Capture capture,
      byte[] clientRandom,
      byte[] serverRandom,
      boolean client) {
    int k = suite.keyLength();
    int iv = suite.fixedIvLength();
    byte[] block =
        Prf.keyBlock(suite, capture.masterSecret, clientRandom, serverRandom, 2 * k + 2 * iv);
    int key = client ? 0 : k;
    int ivAt = 2 * k + (client ? 0 : iv);
    return RecordProtection.create(
        suite, Arrays.copyOfRange(block, key, key + k), Arrays.copyOfRange(block, ivAt, ivAt + iv));
  }

  /** One DTLS record (RFC 6347 §4.1) from the capture. */
  private record Record(
      boolean client, int type, int version, long epochAndSequence, byte[] fragment) {
    int epoch() {
      return (int) (epochAndSequence >>> 48);
    }

    @Override
    public String toString() {
      return (client ? "C" : "S")
          + " type "
          + type
          + " epoch/seq "
          + Long.toHexString(epochAndSequence)
          + " "
          + HEX.formatHex(fragment);
    }
  }

  /**
   * Puts fragmented handshake messages back together (RFC 6347 §4.2.3) and gives each whole one
   * with the header it would have unfragmented: fragment_offset 0, fragment_length = length. That
   * is the form the transcript hashes (RFC 6347 §4.2.6).
   */
  private static final class Reassembly {
    private final Map<String, byte[]> bodies = new LinkedHashMap<>();
    private final Map<String, Integer> received = new LinkedHashMap<>();
    private final Set<String> done = new HashSet<>();

    byte[] add(boolean client, byte[] fragment) {
      ByteBuffer b = ByteBuffer.wrap(fragment);
      int type = b.get() & 0xFF;
      int length = u24(b);
      int messageSeq = b.getShort() & 0xFFFF;
      int offset = u24(b);
      int fragmentLength = u24(b);
      String key = (client ? "C" : "S") + messageSeq;
      if (done.contains(key)) {
        return null; // a retransmission
      }
      byte[] body = bodies.computeIfAbsent(key, k -> new byte[length]);
      b.get(body, offset, fragmentLength);
      int got = received.merge(key, fragmentLength, Integer::sum);
      if (got < length) {
        return null;
      }
      done.add(key);
      ByteBuffer whole = ByteBuffer.allocate(12 + length);
      whole.put((byte) type).put(u24Bytes(length)).putShort((short) messageSeq);
      whole.put(u24Bytes(0)).put(u24Bytes(length)).put(body);
      return whole.array();
    }

    static int u24(ByteBuffer b) {
      return ((b.get() & 0xFF) << 16) | ((b.get() & 0xFF) << 8) | (b.get() & 0xFF);
    }

    private static byte[] u24Bytes(int v) {
      return new byte[] {(byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
  }

  /** A capture file: the suite, the logged master secret, the exported keying material. */
  private static final class Capture {
    CipherSuite suite;
    byte[] masterSecret;
    String exporterLabel;
    byte[] exported;
    final List<String> datagrams = new ArrayList<>();

    static Capture load(CipherSuite suite) throws IOException {
      String name = "openssl-dtls12-" + suite.name() + ".txt";
      Capture capture = new Capture();
      try (InputStream in = OpenSslDtlsCaptureTest.class.getResourceAsStream(name)) {
        assertNotNull(in, name);
        for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
          String[] words = line.trim().split(" ");
          switch (words[0]) {
            case "suite" -> capture.suite = CipherSuite.valueOf(words[1]);
            case "master_secret" -> capture.masterSecret = HEX.parseHex(words[1]);
            case "exporter" -> {
              capture.exporterLabel = words[1];
              capture.exported = HEX.parseHex(words[3]);
              assertEquals(Integer.parseInt(words[2]), capture.exported.length);
            }
            case "C", "S" -> capture.datagrams.add(line.trim());
            default -> assertTrue(words[0].startsWith("#") || words[0].isEmpty(), line);
          }
        }
      }
      return capture;
    }

    List<Record> records() {
      List<Record> records = new ArrayList<>();
      for (String datagram : datagrams) {
        boolean client = datagram.startsWith("C");
        ByteBuffer b = ByteBuffer.wrap(HEX.parseHex(datagram.substring(2)));
        while (b.hasRemaining()) {
          int type = b.get() & 0xFF;
          int version = b.getShort() & 0xFFFF;
          long epochAndSequence = b.getLong();
          byte[] fragment = new byte[b.getShort() & 0xFFFF];
          b.get(fragment);
          records.add(new Record(client, type, version, epochAndSequence, fragment));
        }
      }
      return records;
    }
  }
}
