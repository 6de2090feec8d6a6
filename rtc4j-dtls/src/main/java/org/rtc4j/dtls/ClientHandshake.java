package org.rtc4j.dtls;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
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
 * The client's side of the DTLS 1.2 full handshake (RFC 6347 §4.2.4, Figure 1): flight 1 (or 3,
 * with a cookie) is the ClientHello; flight 4 from the server ends with ServerHelloDone; flight 5
 * is our certificate, key exchange, CertificateVerify and Finished; the server's Finished ends it.
 */
final class ClientHandshake extends Handshake {
  private enum Step {
    SERVER_HELLO,
    CERTIFICATE,
    SERVER_KEY_EXCHANGE,
    CERTIFICATE_REQUEST_OR_DONE,
    FINGERPRINT,
    SERVER_FINISHED,
    DONE
  }

  /** RFC 6347 §4.2.1 allows more than one HelloVerifyRequest; a bound stops a loop. */
  private static final int MAX_HELLO_VERIFY_REQUESTS = 4;

  private Step step = Step.SERVER_HELLO;
  private ClientHello hello;
  private int helloSeq;
  private int helloVerifyRequests;
  private ServerKeyExchange serverKeyExchange;
  private CertificateRequest certificateRequest;
  private byte[] expectedServerVerifyData;

  ClientHandshake(DtlsConfig config, RandomSource random, Host host) {
    super(config, random, host);
  }

  @Override
  boolean client() {
    return true;
  }

  @Override
  boolean awaitingFingerprint() {
    return step == Step.FINGERPRINT;
  }

  @Override
  void start() {
    clientRandom = newRandom();
    hello = buildHello(new byte[0]);
    sendHello();
  }

  private ClientHello buildHello(byte[] cookie) {
    int[] suites = new int[config.cipherSuites().size()];
    for (int i = 0; i < suites.length; i++) {
      suites[i] = config.cipherSuites().get(i).id();
    }
    int[] groups = config.namedGroups().stream().mapToInt(NamedGroup::id).toArray();
    List<Extension> ext = new ArrayList<>();
    ext.add(Extensions.extendedMasterSecret());
    ext.add(Extensions.renegotiationInfo(new byte[0]));
    ext.add(Extensions.supportedGroups(groups));
    ext.add(Extensions.ecPointFormats());
    ext.add(Extensions.signatureAlgorithms(SignatureScheme.defaultOffer()));
    if (!config.srtpProfiles().isEmpty()) {
      int[] profiles = config.srtpProfiles().stream().mapToInt(SrtpProfile::id).toArray();
      ext.add(Extensions.useSrtp(profiles, new byte[0]));
    }
    return new ClientHello(
        DtlsRecord.DTLS_1_2, clientRandom, new byte[0], cookie, suites, new byte[] {0}, ext);
  }

  private void sendHello() {
    helloSeq = nextSendSeq++;
    host.send(
        new OutgoingFlight(true)
            .add(HandshakeType.CLIENT_HELLO.code(), helloSeq, hello.encode(), 0));
  }

  @Override
  void handle(Message m, HandshakeType type) throws HandshakeFailure, ParseException {
    switch (step) {
      case SERVER_HELLO -> {
        if (type == HandshakeType.HELLO_VERIFY_REQUEST) {
          onHelloVerifyRequest(HelloVerifyRequest.parse(m.body()));
        } else if (type == HandshakeType.SERVER_HELLO) {
          onServerHello(m, ServerHello.parse(m.body()));
        } else {
          throw unexpected(m, "ServerHello");
        }
      }
      case CERTIFICATE -> {
        if (type != HandshakeType.CERTIFICATE) {
          throw unexpected(m, "Certificate");
        }
        CertificateMessage cm = CertificateMessage.parse(m.body());
        if (cm.certificates().isEmpty()) {
          throw new HandshakeFailure(Alert.HANDSHAKE_FAILURE, "the server sent no certificate");
        }
        peerCertificate = parseCertificate(cm.certificates().get(0));
        boolean ec = "EC".equals(peerCertificate.getPublicKey().getAlgorithm());
        if (ec != suite.ecdsa()) {
          throw new HandshakeFailure(
              Alert.UNSUPPORTED_CERTIFICATE, "the server's key does not fit " + suite);
        }
        transcript.add(m.type(), m.messageSeq(), m.body());
        step = Step.SERVER_KEY_EXCHANGE;
      }
      case SERVER_KEY_EXCHANGE -> {
        if (type != HandshakeType.SERVER_KEY_EXCHANGE) {
          throw unexpected(m, "ServerKeyExchange");
        }
        onServerKeyExchange(ServerKeyExchange.parse(m.body()));
        transcript.add(m.type(), m.messageSeq(), m.body());
        step = Step.CERTIFICATE_REQUEST_OR_DONE;
      }
      case CERTIFICATE_REQUEST_OR_DONE -> {
        if (type == HandshakeType.CERTIFICATE_REQUEST && certificateRequest == null) {
          certificateRequest = CertificateRequest.parse(m.body());
          transcript.add(m.type(), m.messageSeq(), m.body());
        } else if (type == HandshakeType.SERVER_HELLO_DONE) {
          if (m.body().length != 0) {
            throw new HandshakeFailure(Alert.DECODE_ERROR, "ServerHelloDone is not empty");
          }
          transcript.add(m.type(), m.messageSeq(), m.body());
          step = Step.FINGERPRINT;
          resume();
        } else {
          throw unexpected(m, "CertificateRequest or ServerHelloDone");
        }
      }
      case SERVER_FINISHED -> {
        if (type != HandshakeType.FINISHED || m.epoch() != 1) {
          throw unexpected(m, "an encrypted Finished");
        }
        byte[] got = Finished.parse(m.body()).verifyData();
        if (!MessageDigest.isEqual(got, expectedServerVerifyData)) {
          throw new HandshakeFailure(Alert.DECRYPT_ERROR, "the server's Finished does not verify");
        }
        transcript.add(m.type(), m.messageSeq(), m.body());
        step = Step.DONE;
        complete = true;
      }
      case FINGERPRINT, DONE -> throw unexpected(m, "nothing");
    }
  }

  private void onHelloVerifyRequest(HelloVerifyRequest hvr) throws HandshakeFailure {
    if (++helloVerifyRequests > MAX_HELLO_VERIFY_REQUESTS) {
      throw new HandshakeFailure(Alert.UNEXPECTED_MESSAGE, "too many HelloVerifyRequests");
    }
    if (hvr.cookie().length == 0 || hvr.cookie().length > 255) {
      throw new HandshakeFailure(
          Alert.ILLEGAL_PARAMETER, "bad cookie length in HelloVerifyRequest");
    }
    // RFC 6347 §4.2.1: the hello with the cookie keeps the random, and neither the first hello
    // nor the HelloVerifyRequest enters the transcript.
    hello = hello.withCookie(hvr.cookie());
    sendHello();
  }

  private void onServerHello(Message m, ServerHello sh) throws HandshakeFailure, ParseException {
    if (sh.version() != DtlsRecord.DTLS_1_2) {
      throw new HandshakeFailure(
          Alert.PROTOCOL_VERSION,
          "the server chose version 0x" + Integer.toHexString(sh.version()));
    }
    suite = CipherSuite.fromId(sh.cipherSuite());
    if (suite == null || !config.cipherSuites().contains(suite)) {
      throw new HandshakeFailure(Alert.ILLEGAL_PARAMETER, "the server chose a suite not offered");
    }
    if (sh.compressionMethod() != 0) {
      throw new HandshakeFailure(Alert.ILLEGAL_PARAMETER, "the server chose compression");
    }
    for (Extension e : sh.extensions()) {
      switch (e.type()) {
        case ExtensionType.EXTENDED_MASTER_SECRET -> extendedMasterSecret = true;
        case ExtensionType.RENEGOTIATION_INFO -> {
          if (Extensions.parseRenegotiationInfo(e.data()).length != 0) {
            throw new HandshakeFailure(
                Alert.HANDSHAKE_FAILURE, "renegotiation_info is not empty in a first handshake");
          }
        }
        case ExtensionType.USE_SRTP -> {
          int[] profiles = Extensions.parseUseSrtp(e.data()).profiles();
          SrtpProfile p = profiles.length == 1 ? SrtpProfile.fromId(profiles[0]) : null;
          if (p == null || !config.srtpProfiles().contains(p)) {
            throw new HandshakeFailure(
                Alert.ILLEGAL_PARAMETER, "the server chose an SRTP profile not offered");
          }
          srtpProfile = p;
        }
        case ExtensionType.EC_POINT_FORMATS, ExtensionType.SESSION_TICKET -> {}
        default ->
            // RFC 5246 §7.4.1.4: a server may answer only extensions the client offered.
            throw new HandshakeFailure(
                Alert.UNSUPPORTED_EXTENSION, "the server sent extension " + e.type());
      }
    }
    if (config.requireExtendedMasterSecret() && !extendedMasterSecret) {
      throw new HandshakeFailure(
          Alert.HANDSHAKE_FAILURE, "the server does not do extended master secret (RFC 7627)");
    }
    serverRandom = sh.random();
    transcript.add(HandshakeType.CLIENT_HELLO.code(), helloSeq, hello.encode());
    transcript.add(m.type(), m.messageSeq(), m.body());
    step = Step.CERTIFICATE;
  }

  private void onServerKeyExchange(ServerKeyExchange ske) throws HandshakeFailure {
    NamedGroup group = NamedGroup.fromId(ske.namedGroup());
    if (group == null || !config.namedGroups().contains(group)) {
      throw new HandshakeFailure(Alert.ILLEGAL_PARAMETER, "the server chose a group not offered");
    }
    SignatureScheme scheme = SignatureScheme.fromId(ske.signatureScheme());
    if (scheme == null || !scheme.supports(peerCertificate.getPublicKey())) {
      throw new HandshakeFailure(
          Alert.ILLEGAL_PARAMETER, "the server signed with a scheme that does not fit its key");
    }
    byte[] signed = concat(clientRandom, serverRandom, ske.params());
    if (!scheme.verify(peerCertificate.getPublicKey(), signed, ske.signature())) {
      throw new HandshakeFailure(Alert.DECRYPT_ERROR, "the ServerKeyExchange signature is wrong");
    }
    serverKeyExchange = ske;
  }

  @Override
  void resume() throws HandshakeFailure {
    if (step != Step.FINGERPRINT || !checkFingerprint()) {
      return;
    }
    NamedGroup group = NamedGroup.fromId(serverKeyExchange.namedGroup());
    EcdheKeyPair keyPair = EcdheKeyPair.generate(group, secureRandom);
    byte[] preMaster;
    try {
      preMaster = keyPair.agree(serverKeyExchange.publicKey());
    } catch (ParseException e) {
      throw new HandshakeFailure(Alert.ILLEGAL_PARAMETER, "the server's ECDHE key is invalid");
    }
    OutgoingFlight flight = new OutgoingFlight(true);
    if (certificateRequest != null) {
      byte[] body = new CertificateMessage(config.certificate().encodedChain()).encode();
      add(flight, HandshakeType.CERTIFICATE, body, 0);
    }
    add(
        flight,
        HandshakeType.CLIENT_KEY_EXCHANGE,
        new ClientKeyExchange(keyPair.publicKey()).encode(),
        0);
    deriveKeys(preMaster);
    if (certificateRequest != null) {
      List<Integer> offered = new ArrayList<>();
      for (int s : certificateRequest.signatureSchemes()) {
        offered.add(s);
      }
      SignatureScheme scheme = SignatureScheme.choose(offered, config.certificate().privateKey());
      if (scheme == null) {
        throw new HandshakeFailure(
            Alert.HANDSHAKE_FAILURE, "no signature scheme the server accepts fits our key");
      }
      byte[] signature =
          scheme.sign(config.certificate().privateKey(), transcript.bytes(), secureRandom);
      add(
          flight,
          HandshakeType.CERTIFICATE_VERIFY,
          new CertificateVerify(scheme.id(), signature).encode(),
          0);
    }
    flight.changeCipherSpec();
    add(flight, HandshakeType.FINISHED, new Finished(verifyData(true)).encode(), 1);
    expectedServerVerifyData = verifyData(false);
    step = Step.SERVER_FINISHED;
    host.send(flight);
  }
}
