package org.rtc4j.dtls;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.RandomSource;
import org.rtc4j.dtls.crypto.EcdheKeyPair;
import org.rtc4j.dtls.crypto.SignatureScheme;
import org.rtc4j.dtls.handshake.Alert;
import org.rtc4j.dtls.handshake.CertificateMessage;
import org.rtc4j.dtls.handshake.CertificateRequest;
import org.rtc4j.dtls.handshake.CertificateVerify;
import org.rtc4j.dtls.handshake.ClientHello;
import org.rtc4j.dtls.handshake.ClientKeyExchange;
import org.rtc4j.dtls.handshake.Extension;
import org.rtc4j.dtls.handshake.ExtensionType;
import org.rtc4j.dtls.handshake.Extensions;
import org.rtc4j.dtls.handshake.Finished;
import org.rtc4j.dtls.handshake.HandshakeReassembler.Message;
import org.rtc4j.dtls.handshake.HandshakeType;
import org.rtc4j.dtls.handshake.HelloVerifyRequest;
import org.rtc4j.dtls.handshake.ServerHello;
import org.rtc4j.dtls.handshake.ServerKeyExchange;
import org.rtc4j.dtls.record.DtlsRecord;

/**
 * The server's side of the DTLS 1.2 full handshake (RFC 6347 §4.2.4, Figure 1): an optional cookie
 * round trip, then flight 4 (ServerHello, Certificate, ServerKeyExchange, CertificateRequest,
 * ServerHelloDone), the client's flight 5, and our ChangeCipherSpec and Finished as the last
 * flight.
 */
final class ServerHandshake extends Handshake {
  private enum Step {
    CLIENT_HELLO,
    CLIENT_CERTIFICATE,
    CLIENT_KEY_EXCHANGE,
    CERTIFICATE_VERIFY,
    CLIENT_FINISHED,
    FINGERPRINT,
    DONE
  }

  /** The TLS_EMPTY_RENEGOTIATION_INFO_SCSV cipher suite value (RFC 5746 §3.3). */
  private static final int EMPTY_RENEGOTIATION_INFO_SCSV = 0x00ff;

  /** Certificate types we accept from a client (RFC 5246 §7.4.4): ecdsa_sign, rsa_sign. */
  private static final byte[] CLIENT_CERTIFICATE_TYPES = {64, 1};

  private final byte[] cookieSecret = new byte[32];
  private Step step = Step.CLIENT_HELLO;
  private NamedGroup group;
  private EcdheKeyPair keyPair;
  private boolean clientCertificateRequested;

  ServerHandshake(DtlsConfig config, RandomSource random, Host host) {
    super(config, random, host);
    random.nextBytes(cookieSecret);
  }

  @Override
  boolean client() {
    return false;
  }

  @Override
  boolean awaitingFingerprint() {
    return step == Step.FINGERPRINT;
  }

  @Override
  void start() {}

  @Override
  void handle(Message m, HandshakeType type) throws HandshakeFailure, ParseException {
    switch (step) {
      case CLIENT_HELLO -> {
        if (type != HandshakeType.CLIENT_HELLO) {
          throw unexpected(m, "ClientHello");
        }
        onClientHello(m, ClientHello.parse(m.body()));
      }
      case CLIENT_CERTIFICATE -> {
        if (type == HandshakeType.CERTIFICATE) {
          CertificateMessage cm = CertificateMessage.parse(m.body());
          if (!cm.certificates().isEmpty()) {
            peerCertificate = parseCertificate(cm.certificates().get(0));
          }
          transcript.add(m.type(), m.messageSeq(), m.body());
          step = Step.CLIENT_KEY_EXCHANGE;
        } else if (type == HandshakeType.CLIENT_KEY_EXCHANGE && !clientCertificateRequested) {
          onClientKeyExchange(m);
        } else {
          throw unexpected(m, "Certificate");
        }
      }
      case CLIENT_KEY_EXCHANGE -> {
        if (type != HandshakeType.CLIENT_KEY_EXCHANGE) {
          throw unexpected(m, "ClientKeyExchange");
        }
        onClientKeyExchange(m);
      }
      case CERTIFICATE_VERIFY -> {
        if (type != HandshakeType.CERTIFICATE_VERIFY) {
          throw unexpected(m, "CertificateVerify");
        }
        CertificateVerify cv = CertificateVerify.parse(m.body());
        SignatureScheme scheme = SignatureScheme.fromId(cv.signatureScheme());
        if (scheme == null || !scheme.supports(peerCertificate.getPublicKey())) {
          throw new HandshakeFailure(
              Alert.ILLEGAL_PARAMETER, "the client signed with a scheme that does not fit its key");
        }
        if (!scheme.verify(peerCertificate.getPublicKey(), transcript.bytes(), cv.signature())) {
          throw new HandshakeFailure(
              Alert.DECRYPT_ERROR, "the CertificateVerify signature is wrong");
        }
        transcript.add(m.type(), m.messageSeq(), m.body());
        step = Step.CLIENT_FINISHED;
      }
      case CLIENT_FINISHED -> {
        if (type != HandshakeType.FINISHED || m.epoch() != 1) {
          throw unexpected(m, "an encrypted Finished");
        }
        byte[] got = Finished.parse(m.body()).verifyData();
        if (!MessageDigest.isEqual(got, verifyData(true))) {
          throw new HandshakeFailure(Alert.DECRYPT_ERROR, "the client's Finished does not verify");
        }
        transcript.add(m.type(), m.messageSeq(), m.body());
        step = Step.FINGERPRINT;
        resume();
      }
      case FINGERPRINT, DONE -> throw unexpected(m, "nothing");
    }
  }

  private void onClientHello(Message m, ClientHello ch) throws HandshakeFailure, ParseException {
    // DTLS versions count down: 0xfefd is 1.2, 0xfefc 1.3. A 1.3 client still says 0xfefd here
    // and lists 1.3 in supported_versions, which we ignore (RFC 8446 §4.2.1, §D.1).
    if (ch.version() > DtlsRecord.DTLS_1_2) {
      throw new HandshakeFailure(
          Alert.PROTOCOL_VERSION,
          "the client offers only version 0x" + Integer.toHexString(ch.version()));
    }
    if (config.helloVerifyRequest()) {
      byte[] cookie = cookieFor(ch);
      if (!MessageDigest.isEqual(cookie, ch.cookie())) {
        // Stateless (RFC 6347 §4.2.1): the transcript starts again with the next hello.
        host.send(
            new OutgoingFlight(false)
                .add(
                    HandshakeType.HELLO_VERIFY_REQUEST.code(),
                    m.messageSeq(),
                    new HelloVerifyRequest(DtlsRecord.DTLS_1_0, cookie).encode(),
                    0));
        return;
      }
    }
    negotiate(ch);
    clientRandom = ch.random();
    serverRandom = newRandom();
    nextSendSeq = m.messageSeq();
    transcript.add(m.type(), m.messageSeq(), m.body());

    OutgoingFlight flight = new OutgoingFlight(true);
    List<Extension> ext = new ArrayList<>();
    if (ch.extension(ExtensionType.RENEGOTIATION_INFO) != null
        || contains(ch.cipherSuites(), EMPTY_RENEGOTIATION_INFO_SCSV)) {
      ext.add(Extensions.renegotiationInfo(new byte[0]));
    }
    if (extendedMasterSecret) {
      ext.add(Extensions.extendedMasterSecret());
    }
    if (srtpProfile != null) {
      ext.add(Extensions.useSrtp(new int[] {srtpProfile.id()}, new byte[0]));
    }
    if (ch.extension(ExtensionType.EC_POINT_FORMATS) != null) {
      ext.add(Extensions.ecPointFormats());
    }
    ServerHello sh =
        new ServerHello(DtlsRecord.DTLS_1_2, serverRandom, new byte[0], suite.id(), 0, ext);
    add(flight, HandshakeType.SERVER_HELLO, sh.encode(), 0);
    add(
        flight,
        HandshakeType.CERTIFICATE,
        new CertificateMessage(config.certificate().encodedChain()).encode(),
        0);

    keyPair = EcdheKeyPair.generate(group, secureRandom);
    List<Integer> offered = new ArrayList<>();
    Extension sigAlgs = ch.extension(ExtensionType.SIGNATURE_ALGORITHMS);
    if (sigAlgs != null) {
      for (int s : Extensions.parseSignatureAlgorithms(sigAlgs.data())) {
        offered.add(s);
      }
    }
    SignatureScheme scheme = SignatureScheme.choose(offered, config.certificate().privateKey());
    if (scheme == null) {
      throw new HandshakeFailure(
          Alert.HANDSHAKE_FAILURE, "no signature scheme the client accepts fits our key");
    }
    byte[] params = ServerKeyExchange.params(group.id(), keyPair.publicKey());
    byte[] signature =
        scheme.sign(
            config.certificate().privateKey(),
            concat(clientRandom, serverRandom, params),
            secureRandom);
    add(
        flight,
        HandshakeType.SERVER_KEY_EXCHANGE,
        new ServerKeyExchange(group.id(), keyPair.publicKey(), scheme.id(), signature).encode(),
        0);
    if (config.requireClientCertificate()) {
      clientCertificateRequested = true;
      add(
          flight,
          HandshakeType.CERTIFICATE_REQUEST,
          new CertificateRequest(
                  CLIENT_CERTIFICATE_TYPES, SignatureScheme.defaultOffer(), List.of())
              .encode(),
          0);
    }
    add(flight, HandshakeType.SERVER_HELLO_DONE, new byte[0], 0);
    step = Step.CLIENT_CERTIFICATE;
    host.send(flight);
  }

  /** Picks suite, group and SRTP profile by our preference among what the client offers. */
  private void negotiate(ClientHello ch) throws HandshakeFailure, ParseException {
    boolean ecdsa = config.certificate().ecdsa();
    for (CipherSuite s : config.cipherSuites()) {
      if (s.ecdsa() == ecdsa && contains(ch.cipherSuites(), s.id())) {
        suite = s;
        break;
      }
    }
    if (suite == null) {
      throw new HandshakeFailure(
          Alert.HANDSHAKE_FAILURE, "no cipher suite in common that fits our certificate");
    }
    if (!contains(ch.compressionMethods(), 0)) {
      throw new HandshakeFailure(
          Alert.ILLEGAL_PARAMETER, "the client does not offer null compression");
    }
    Extension groups = ch.extension(ExtensionType.SUPPORTED_GROUPS);
    int[] offeredGroups =
        groups == null
            ? new int[] {NamedGroup.SECP256R1.id()}
            : Extensions.parseSupportedGroups(groups.data());
    for (NamedGroup g : config.namedGroups()) {
      if (contains(offeredGroups, g.id())) {
        group = g;
        break;
      }
    }
    if (group == null) {
      throw new HandshakeFailure(Alert.HANDSHAKE_FAILURE, "no ECDHE group in common");
    }
    Extension formats = ch.extension(ExtensionType.EC_POINT_FORMATS);
    if (formats != null && !contains(Extensions.parseEcPointFormats(formats.data()), 0)) {
      throw new HandshakeFailure(
          Alert.HANDSHAKE_FAILURE, "the client does not accept uncompressed points");
    }
    Extension ri = ch.extension(ExtensionType.RENEGOTIATION_INFO);
    if (ri != null && Extensions.parseRenegotiationInfo(ri.data()).length != 0) {
      throw new HandshakeFailure(
          Alert.HANDSHAKE_FAILURE, "renegotiation_info is not empty in a first handshake");
    }
    extendedMasterSecret = ch.extension(ExtensionType.EXTENDED_MASTER_SECRET) != null;
    if (config.requireExtendedMasterSecret() && !extendedMasterSecret) {
      throw new HandshakeFailure(
          Alert.HANDSHAKE_FAILURE, "the client does not do extended master secret (RFC 7627)");
    }
    Extension srtp = ch.extension(ExtensionType.USE_SRTP);
    if (srtp != null) {
      int[] offered = Extensions.parseUseSrtp(srtp.data()).profiles();
      for (SrtpProfile p : config.srtpProfiles()) {
        if (contains(offered, p.id())) {
          srtpProfile = p;
          break;
        }
      }
    }
  }

  private void onClientKeyExchange(Message m) throws HandshakeFailure, ParseException {
    if (clientCertificateRequested && peerCertificate == null) {
      throw new HandshakeFailure(Alert.HANDSHAKE_FAILURE, "the client sent no certificate");
    }
    ClientKeyExchange cke = ClientKeyExchange.parse(m.body());
    byte[] preMaster;
    try {
      preMaster = keyPair.agree(cke.publicKey());
    } catch (ParseException e) {
      throw new HandshakeFailure(Alert.ILLEGAL_PARAMETER, "the client's ECDHE key is invalid");
    }
    transcript.add(m.type(), m.messageSeq(), m.body());
    deriveKeys(preMaster);
    step = peerCertificate != null ? Step.CERTIFICATE_VERIFY : Step.CLIENT_FINISHED;
  }

  @Override
  void resume() throws HandshakeFailure {
    if (step != Step.FINGERPRINT || !checkFingerprint()) {
      return;
    }
    OutgoingFlight flight = new OutgoingFlight(false).changeCipherSpec();
    add(flight, HandshakeType.FINISHED, new Finished(verifyData(false)).encode(), 1);
    step = Step.DONE;
    complete = true;
    host.send(flight);
  }

  /** RFC 6347 §4.2.1: a cookie the server can check without keeping state. */
  private byte[] cookieFor(ClientHello ch) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(cookieSecret, "HmacSHA256"));
      return mac.doFinal(ch.withCookie(new byte[0]).encode());
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("the JDK lacks HmacSHA256", e);
    }
  }

  private static boolean contains(int[] values, int v) {
    for (int x : values) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(byte[] values, int v) {
    for (byte x : values) {
      if ((x & 0xff) == v) {
        return true;
      }
    }
    return false;
  }
}
