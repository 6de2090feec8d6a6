package org.rtc4j.dtls;

import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.RandomSource;
import org.rtc4j.dtls.crypto.Prf;
import org.rtc4j.dtls.crypto.RandomSourceSecureRandom;
import org.rtc4j.dtls.handshake.Alert;
import org.rtc4j.dtls.handshake.HandshakeReassembler.Message;
import org.rtc4j.dtls.handshake.HandshakeType;
import org.rtc4j.dtls.handshake.Transcript;

/**
 * What the client and server handshakes share: the transcript, the randoms, the negotiated
 * parameters, the key schedule (RFC 5246 §8.1, §6.3; RFC 7627 §4) and the peer certificate check
 * against the fingerprints of the remote description (RFC 8122 §5).
 */
abstract sealed class Handshake permits ClientHandshake, ServerHandshake {

  /** What the handshake needs from its endpoint. */
  interface Host {
    /** Sends a flight now; a flight that awaits a response is retransmitted until one comes. */
    void send(OutgoingFlight flight);

    /** Installs the epoch 1 keys for both directions. */
    void installKeys(CipherSuite suite, byte[] keyBlock);

    /** The fingerprints from the remote description, or {@code null} while unknown. */
    List<CertificateFingerprint> remoteFingerprints();
  }

  /** The largest handshake message we accept: room for certificate chains. */
  static final int MAX_MESSAGE_LENGTH = 1 << 16;

  final DtlsConfig config;
  final RandomSource random;
  final SecureRandom secureRandom;
  final Host host;
  final Transcript transcript = new Transcript();

  byte[] clientRandom;
  byte[] serverRandom;
  CipherSuite suite;
  SrtpProfile srtpProfile;
  boolean extendedMasterSecret;
  byte[] masterSecret;
  X509Certificate peerCertificate;
  int nextSendSeq;
  boolean complete;

  Handshake(DtlsConfig config, RandomSource random, Host host) {
    this.config = config;
    this.random = random;
    this.secureRandom = new RandomSourceSecureRandom(random);
    this.host = host;
  }

  /** Starts the handshake (the client sends its hello; the server waits). */
  abstract void start() throws HandshakeFailure;

  /** Takes the peer's next handshake message, in order. */
  final void onMessage(Message m) throws HandshakeFailure {
    HandshakeType type = HandshakeType.fromCode(m.type());
    if (m.epoch() != 0 && type != HandshakeType.FINISHED) {
      // Only the Finished travels under the new keys: anything else would be a second handshake.
      throw new HandshakeFailure(Alert.UNEXPECTED_MESSAGE, "renegotiation is not supported");
    }
    try {
      handle(m, type);
    } catch (ParseException e) {
      throw new HandshakeFailure(
          Alert.DECODE_ERROR, "handshake message type " + m.type() + ": " + e.getMessage());
    }
  }

  /** The role's reaction to the peer's next message; {@code type} is null when unknown. */
  abstract void handle(Message m, HandshakeType type) throws HandshakeFailure, ParseException;

  /** Tries again to finish a handshake that waited for the remote fingerprints. */
  abstract void resume() throws HandshakeFailure;

  /** Whether the handshake waits for the remote fingerprints to check the peer's certificate. */
  abstract boolean awaitingFingerprint();

  /** Whether this side is the client. */
  abstract boolean client();

  final boolean complete() {
    return complete;
  }

  /** A hello random: 32 bytes from the injected source (RFC 5246 §7.4.1.2). */
  final byte[] newRandom() {
    byte[] r = new byte[32];
    random.nextBytes(r);
    return r;
  }

  /** Parses the peer's leaf certificate. */
  static X509Certificate parseCertificate(byte[] der) throws HandshakeFailure {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | RuntimeException e) {
      throw new HandshakeFailure(Alert.BAD_CERTIFICATE, "the peer's certificate does not parse");
    }
  }

  /**
   * RFC 8122 §5: the certificate must match a fingerprint of the remote description.
   *
   * @return false when the fingerprints are not known yet
   */
  final boolean checkFingerprint() throws HandshakeFailure {
    if (peerCertificate == null) {
      // Only a server that did not ask for a client certificate gets here: nothing to check.
      return true;
    }
    List<CertificateFingerprint> expected = host.remoteFingerprints();
    if (expected == null) {
      return false;
    }
    byte[] der;
    try {
      der = peerCertificate.getEncoded();
    } catch (CertificateException e) {
      throw new HandshakeFailure(Alert.BAD_CERTIFICATE, "the peer's certificate does not encode");
    }
    for (CertificateFingerprint f : expected) {
      if (f.matches(der)) {
        return true;
      }
    }
    throw new HandshakeFailure(
        Alert.BAD_CERTIFICATE,
        "the peer's certificate matches none of the remote fingerprints "
            + expected
            + "; it has "
            + CertificateFingerprint.of("sha-256", der));
  }

  /** RFC 5246 §8.1 or RFC 7627 §4, then the key block of RFC 5246 §6.3, installed at once. */
  final void deriveKeys(byte[] preMasterSecret) {
    if (extendedMasterSecret) {
      byte[] sessionHash = transcript.hash(suite.digestAlgorithm());
      masterSecret = Prf.extendedMasterSecret(suite, preMasterSecret, sessionHash);
    } else {
      masterSecret = Prf.masterSecret(suite, preMasterSecret, clientRandom, serverRandom);
    }
    Arrays.fill(preMasterSecret, (byte) 0);
    if (config.keyLog() != null) {
      HexFormat hex = HexFormat.of();
      config
          .keyLog()
          .accept(
              "CLIENT_RANDOM " + hex.formatHex(clientRandom) + " " + hex.formatHex(masterSecret));
    }
    int length = 2 * (suite.keyLength() + suite.fixedIvLength());
    host.installKeys(suite, Prf.keyBlock(suite, masterSecret, clientRandom, serverRandom, length));
  }

  /** The verify_data of a Finished message over the transcript so far (RFC 5246 §7.4.9). */
  final byte[] verifyData(boolean ofClient) {
    return Prf.verifyData(suite, masterSecret, ofClient, transcript.hash(suite.digestAlgorithm()));
  }

  /** RFC 5705 §4 over this handshake's master secret and randoms. */
  final byte[] export(String label, byte[] context, int length) {
    return Prf.exporter(suite, masterSecret, label, clientRandom, serverRandom, context, length);
  }

  /** Adds one of our messages to a flight and to the transcript, with the next message_seq. */
  final void add(OutgoingFlight flight, HandshakeType type, byte[] body, int epoch) {
    int seq = nextSendSeq++;
    transcript.add(type.code(), seq, body);
    flight.add(type.code(), seq, body, epoch);
  }

  static HandshakeFailure unexpected(Message m, String expected) {
    return new HandshakeFailure(
        Alert.UNEXPECTED_MESSAGE,
        "expected " + expected + " but got handshake message type " + m.type());
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }
}
