package org.rtc4j.dtls.interop;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Vector;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSRequest;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DTLSVerifier;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsTimeoutException;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.rtc4j.common.Time;
import org.rtc4j.dtls.CipherSuite;
import org.rtc4j.dtls.SrtpProfile;

/**
 * A real Bouncy Castle DTLS 1.2 peer (bctls, on its own lightweight crypto {@link BcTlsCrypto}) for
 * interop tests, configured the way WebRTC uses DTLS: self-signed certificates both ways, use_srtp
 * (RFC 5764), the extended master secret (RFC 7627), ECDHE with AEAD suites.
 *
 * <p>Bouncy Castle's DTLS is blocking, so the peer runs it on one thread of its own (a
 * single-thread executor that {@link #close()} shuts down): first the handshake, then a loop that
 * sends what {@link #send} queued and queues what arrives for {@link #received}. It talks either
 * over its own UDP socket on 127.0.0.1 ({@link Builder#startOnUdp()}, {@link
 * Builder#startOnUdp(InetSocketAddress)}), or through a {@link PumpedEndpoint} that a {@link
 * UdpPump} drives ({@link Builder#startPumped()}).
 *
 * <p>After the handshake the peer keeps what was negotiated: the SRTP profile, the SRTP keying
 * material exported with {@code EXTRACTOR-dtls_srtp} (RFC 5764 §4.2), the peer's certificate, the
 * cipher suite, and whether the extended master secret and secure renegotiation were agreed.
 */
public final class BouncyCastleDtlsPeer implements AutoCloseable {
  /** What the peer's thread may run for at most, handshake and data loop together. */
  public static final Duration MAX_LIFETIME = Duration.ofMinutes(2);

  /** The exporter label of DTLS-SRTP (RFC 5764 §4.2). */
  public static final String DTLS_SRTP_EXPORTER_LABEL = "EXTRACTOR-dtls_srtp";

  private static final int RECEIVE_WAIT_MILLIS = 10;
  private static final int MAX_COOKIE_ROUNDS = 100_000;
  private static final byte[] CLIENT_ID = {'c'};
  private static final long MAX_LOOP_TURNS = 50_000_000L;
  private static final int MAX_QUEUED_DATAGRAMS = 4096;
  private static final int UDP_IPV4_OVERHEAD = 28; // RFC 791 header without options + RFC 768
  private static final int MAX_DATAGRAM = 65_507;

  private final boolean server;
  private final Settings settings;
  private final Transport transport;
  private final ExecutorService thread;
  private final CompletableFuture<Result> handshake = new CompletableFuture<>();
  private final Queue<byte[]> outgoing = new ConcurrentLinkedQueue<>();
  private final BlockingQueue<byte[]> incoming = new LinkedBlockingQueue<>();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private volatile boolean closing;
  private volatile boolean peerClosed;
  private volatile Throwable failure;
  private boolean closed;

  private BouncyCastleDtlsPeer(boolean server, Settings settings, Transport transport) {
    this.server = server;
    this.settings = settings;
    this.transport = transport;
    String name = "bc-dtls-" + (server ? "server" : "client");
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true); // never keeps a failed test run alive
              return t;
            });
  }

  /** A builder for a DTLS server: it requests the client's certificate unless told otherwise. */
  public static Builder server() {
    return new Builder(true);
  }

  /** A builder for a DTLS client. */
  public static Builder client() {
    return new Builder(false);
  }

  /** Whether this is the DTLS server. */
  public boolean isServer() {
    return server;
  }

  /**
   * The peer's own UDP address on 127.0.0.1.
   *
   * @throws IllegalStateException if the peer was started {@linkplain Builder#startPumped() pumped}
   */
  public InetSocketAddress localAddress() {
    if (!(transport instanceof UdpTransport udp)) {
      throw new IllegalStateException("a pumped peer has no socket of its own");
    }
    return (InetSocketAddress) udp.socket.getLocalSocketAddress();
  }

  /**
   * The sans-I/O face of a {@linkplain Builder#startPumped() pumped} peer, for {@link UdpPump}:
   * datagrams in and out; Bouncy Castle keeps its own timers on its thread, so {@link
   * PumpedEndpoint#pollTimeout()} is always {@link Time#NEVER}.
   *
   * @throws IllegalStateException if the peer has its own UDP socket
   */
  public PumpedEndpoint endpoint() {
    if (!(transport instanceof QueueTransport queue)) {
      throw new IllegalStateException("this peer has its own UDP socket");
    }
    return queue;
  }

  /** Whether the handshake has completed successfully. */
  public boolean isHandshakeDone() {
    return handshake.isDone() && !handshake.isCompletedExceptionally();
  }

  /**
   * Waits for the handshake to complete.
   *
   * @throws AssertionError if it fails, or does not complete within {@code timeout}; the message
   *     says what the peer saw
   */
  public void awaitHandshake(Duration timeout) {
    try {
      handshake.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "Bouncy Castle handshake not done within " + timeout.toMillis() + " ms" + describe());
    } catch (ExecutionException e) {
      throw new AssertionError("Bouncy Castle handshake failed" + describe(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted" + describe(), e);
    }
  }

  /** The negotiated SRTP protection profile, or {@code null} when use_srtp was not agreed. */
  public SrtpProfile srtpProfile() {
    return result().srtpProfile();
  }

  /**
   * The SRTP keying material: {@code 2 * (key + salt)} bytes of the negotiated profile exported
   * with {@code EXTRACTOR-dtls_srtp} and no context (RFC 5764 §4.2), or {@code null} when use_srtp
   * was not agreed.
   */
  public byte[] keyingMaterial() {
    byte[] k = result().keyingMaterial();
    return k == null ? null : k.clone();
  }

  /** The DER of the certificate the other side sent, or {@code null} if it sent none. */
  public byte[] peerCertificate() {
    byte[] der = result().peerCertificate();
    return der == null ? null : der.clone();
  }

  /** The negotiated cipher suite. */
  public CipherSuite cipherSuite() {
    return result().cipherSuite();
  }

  /** Whether the connection uses the extended master secret (RFC 7627). */
  public boolean extendedMasterSecret() {
    return result().extendedMasterSecret();
  }

  /** Whether both sides indicated secure renegotiation (RFC 5746). */
  public boolean secureRenegotiation() {
    return result().secureRenegotiation();
  }

  /** Queues {@code data} to be sent as one application data record once the handshake is done. */
  public void send(byte[] data) {
    outgoing.add(data.clone());
  }

  /**
   * The next application data record received, waiting up to {@code timeout} for it.
   *
   * @throws AssertionError if none arrives in time; the message says what the peer saw
   */
  public byte[] received(Duration timeout) {
    try {
      byte[] data = incoming.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (data == null) {
        throw new AssertionError(
            "Bouncy Castle received no application data within "
                + timeout.toMillis()
                + " ms"
                + describe());
      }
      return data;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted" + describe(), e);
    }
  }

  /**
   * The next application data record received, or {@code null} if none is waiting. Never blocks:
   * for a {@link UdpPump}'s {@code done} condition.
   */
  public byte[] pollReceived() {
    return incoming.poll();
  }

  /** Alerts raised and received, and other things the peer's thread saw, in order. */
  public List<String> events() {
    return List.copyOf(events);
  }

  /**
   * Stops the peer: after a completed handshake it sends close_notify and ends its loop; otherwise
   * it aborts the handshake. Waits up to 5 s for its thread, then closes the socket. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closing = true;
    thread.shutdown();
    try {
      boolean graceful = isHandshakeDone();
      if (!graceful || !thread.awaitTermination(2, TimeUnit.SECONDS)) {
        thread.shutdownNow(); // interrupts a queue wait
        transport.close(); // ends a socket wait
      }
      if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
        throw new IllegalStateException("Bouncy Castle thread did not stop" + describe());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      transport.close();
    }
  }

  @Override
  public String toString() {
    return "Bouncy Castle DTLS " + (server ? "server" : "client") + " " + transport;
  }

  private Result result() {
    if (!isHandshakeDone()) {
      throw new IllegalStateException("handshake not done" + describe());
    }
    return handshake.join();
  }

  private String describe() {
    Throwable f = failure;
    return "\n"
        + this
        + "; events: "
        + events
        + (f == null ? "" : "; failure: " + f)
        + (handshake.isCompletedExceptionally() ? "; handshake failed" : "");
  }

  private void start() {
    thread.execute(this::run);
  }

  /** The peer's thread: the handshake, then the data loop. */
  private void run() {
    long start = System.nanoTime();
    DTLSTransport dtls;
    Peer peer = server ? new Server() : new Client();
    try {
      if (server) {
        DTLSRequest request =
            settings.helloVerifyRequest ? verifiedClientHello(((Server) peer).getCrypto()) : null;
        dtls = new DTLSServerProtocol().accept((Server) peer, transport, request);
      } else {
        dtls = new DTLSClientProtocol().connect((Client) peer, transport);
      }
      handshake.complete(
          Objects.requireNonNull(peer.result(), "Bouncy Castle skipped notifyHandshakeComplete"));
    } catch (Throwable t) {
      failure = t;
      handshake.completeExceptionally(t);
      return;
    }
    byte[] buffer = new byte[MAX_DATAGRAM];
    try {
      for (long turn = 0; turn < MAX_LOOP_TURNS && !closing && !peerClosed; turn++) {
        if (System.nanoTime() - start > MAX_LIFETIME.toNanos()) {
          events.add("lifetime over");
          break;
        }
        for (byte[] data = outgoing.poll(); data != null; data = outgoing.poll()) {
          dtls.send(data, 0, data.length);
        }
        int n = dtls.receive(buffer, 0, buffer.length, RECEIVE_WAIT_MILLIS);
        if (n >= 0) {
          incoming.add(Arrays.copyOf(buffer, n));
        }
      }
      if (!peerClosed) {
        dtls.close(); // close_notify
      }
    } catch (Throwable t) {
      if (!closing) {
        failure = t;
        events.add("data loop failed: " + t);
      }
    }
  }

  /**
   * RFC 6347 §4.2.1: answers ClientHellos with a HelloVerifyRequest until one comes back with the
   * cookie, and returns that one. Bouncy Castle's server leaves this to its {@link DTLSVerifier}.
   */
  private DTLSRequest verifiedClientHello(TlsCrypto crypto) throws IOException {
    DTLSVerifier verifier = new DTLSVerifier(crypto);
    byte[] buffer = new byte[MAX_DATAGRAM];
    long start = System.nanoTime();
    long timeout = settings.handshakeTimeout.toNanos();
    for (int i = 0; i < MAX_COOKIE_ROUNDS && System.nanoTime() - start < timeout && !closing; i++) {
      int n;
      try {
        n = transport.receive(buffer, 0, buffer.length, RECEIVE_WAIT_MILLIS);
      } catch (SocketTimeoutException e) {
        n = -1;
      }
      if (n > 0) {
        // One client per peer: the cookie need not tell clients apart.
        DTLSRequest request = verifier.verifyRequest(CLIENT_ID, buffer, 0, n, transport);
        if (request != null) {
          return request;
        }
      }
    }
    throw new TlsTimeoutException("no ClientHello with a valid cookie");
  }

  /** What the handshake negotiated. */
  private record Result(
      SrtpProfile srtpProfile,
      byte[] keyingMaterial,
      byte[] peerCertificate,
      CipherSuite cipherSuite,
      boolean extendedMasterSecret,
      boolean secureRenegotiation) {}

  /** What the client and server classes share. */
  private interface Peer {
    /** What {@code notifyHandshakeComplete()} recorded. */
    Result result();
  }

  private Result resultOf(TlsContext context, SrtpProfile profile) throws IOException {
    SecurityParameters sp = context.getSecurityParametersConnection();
    byte[] keys = null;
    if (profile != null) {
      // RFC 5764 §4.2: client key, server key, client salt, server salt.
      int length = 2 * (profile.keyLength() + profile.saltLength());
      keys = context.exportKeyingMaterial(DTLS_SRTP_EXPORTER_LABEL, null, length);
    }
    Certificate peerChain = sp.getPeerCertificate();
    byte[] peerDer =
        peerChain == null || peerChain.isEmpty()
            ? null
            : peerChain.getCertificateAt(0).getEncoded();
    return new Result(
        profile,
        keys,
        peerDer,
        CipherSuite.fromId(sp.getCipherSuite()),
        sp.isExtendedMasterSecret(),
        sp.isSecureRenegotiation());
  }

  private TlsCredentialedSigner signer(TlsContext context, BcTlsCrypto crypto) throws IOException {
    PeerCredentials c = settings.credentials;
    Certificate chain =
        new Certificate(new TlsCertificate[] {crypto.createCertificate(c.certificateDer())});
    short algorithm = c.isEcdsa() ? SignatureAlgorithm.ecdsa : SignatureAlgorithm.rsa;
    return new BcDefaultTlsCredentialedSigner(
        new TlsCryptoParameters(context),
        crypto,
        PrivateKeyFactory.createKey(c.privateKey().getEncoded()),
        chain,
        SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, algorithm));
  }

  private void alertRaised(short level, short description, String message, Throwable cause) {
    events.add(
        "raised "
            + AlertLevel.getText(level)
            + " "
            + AlertDescription.getText(description)
            + (message == null ? "" : ": " + message)
            + (cause == null ? "" : " (" + cause + ")"));
  }

  private void alertReceived(short level, short description) {
    events.add(
        "received " + AlertLevel.getText(level) + " " + AlertDescription.getText(description));
    if (description == AlertDescription.close_notify) {
      peerClosed = true;
    }
  }

  private int[] suitesFor(boolean ecdsaOnly, boolean rsaOnly) {
    return settings.cipherSuites.stream()
        .filter(s -> !(ecdsaOnly && !s.ecdsa()) && !(rsaOnly && s.ecdsa()))
        .mapToInt(CipherSuite::id)
        .toArray();
  }

  /** The server side, on Bouncy Castle's {@link DefaultTlsServer}. */
  private final class Server extends DefaultTlsServer implements Peer {
    private SrtpProfile srtpProfile;

    Server() {
      super(new BcTlsCrypto(new SecureRandom()));
    }

    private Result result;

    @Override
    public Result result() {
      return result;
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
      super.notifyHandshakeComplete();
      result = resultOf(context, srtpProfile); // the exporter works only from here
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
      return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
      // A server can only pick suites its certificate's key can sign for.
      boolean ecdsa = settings.credentials.isEcdsa();
      return TlsUtils.getSupportedCipherSuites(getCrypto(), suitesFor(ecdsa, !ecdsa));
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
      return settings.requireExtendedMasterSecret;
    }

    @Override
    public int getHandshakeTimeoutMillis() {
      return (int) settings.handshakeTimeout.toMillis();
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
      return settings.credentials.isEcdsa() ? signer(context, (BcTlsCrypto) getCrypto()) : null;
    }

    @Override
    protected TlsCredentialedSigner getRSASignerCredentials() throws IOException {
      return settings.credentials.isEcdsa() ? null : signer(context, (BcTlsCrypto) getCrypto());
    }

    @Override
    public CertificateRequest getCertificateRequest() {
      if (!settings.requestClientCertificate) {
        return null;
      }
      short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
      @SuppressWarnings("unchecked")
      Vector<SignatureAndHashAlgorithm> algorithms =
          TlsUtils.getDefaultSupportedSignatureAlgorithms(context);
      return new CertificateRequest(types, algorithms, null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
      if (settings.requestClientCertificate && clientCertificate.isEmpty()) {
        // WebRTC authenticates both sides (RFC 8827 §6.5).
        throw new TlsFatalAlert(AlertDescription.handshake_failure, "no client certificate");
      }
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
      super.processClientExtensions(clientExtensions);
      UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
      if (offered == null) {
        return;
      }
      // RFC 5764 §4.1.1: the server picks one of the client's profiles; here, by its own order.
      for (SrtpProfile p : settings.srtpProfiles) {
        for (int id : offered.getProtectionProfiles()) {
          if (id == p.id() && srtpProfile == null) {
            srtpProfile = p;
          }
        }
      }
      if (srtpProfile == null) {
        events.add("no common SRTP profile in " + Arrays.toString(offered.getProtectionProfiles()));
      }
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getServerExtensions() throws IOException {
      Hashtable extensions = super.getServerExtensions();
      if (srtpProfile != null) {
        TlsSRTPUtils.addUseSRTPExtension(
            extensions, new UseSRTPData(new int[] {srtpProfile.id()}, TlsUtils.EMPTY_BYTES));
      }
      return extensions;
    }

    @Override
    public void notifyAlertRaised(short level, short description, String message, Throwable c) {
      alertRaised(level, description, message, c);
    }

    @Override
    public void notifyAlertReceived(short level, short description) {
      alertReceived(level, description);
    }
  }

  /** The client side, on Bouncy Castle's {@link DefaultTlsClient}. */
  private final class Client extends DefaultTlsClient implements Peer {
    private SrtpProfile srtpProfile;

    Client() {
      super(new BcTlsCrypto(new SecureRandom()));
    }

    private Result result;

    @Override
    public Result result() {
      return result;
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
      super.notifyHandshakeComplete();
      result = resultOf(context, srtpProfile); // the exporter works only from here
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
      return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
      return TlsUtils.getSupportedCipherSuites(getCrypto(), suitesFor(false, false));
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
      return settings.requireExtendedMasterSecret;
    }

    @Override
    public int getHandshakeTimeoutMillis() {
      return (int) settings.handshakeTimeout.toMillis();
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getClientExtensions() throws IOException {
      Hashtable extensions = super.getClientExtensions();
      if (!settings.srtpProfiles.isEmpty()) {
        int[] ids = settings.srtpProfiles.stream().mapToInt(SrtpProfile::id).toArray();
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(ids, TlsUtils.EMPTY_BYTES));
      }
      return extensions;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
      super.processServerExtensions(serverExtensions);
      UseSRTPData chosen = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
      if (chosen == null) {
        return;
      }
      // RFC 5764 §4.1.1: exactly one profile, one the client offered.
      int[] ids = chosen.getProtectionProfiles();
      SrtpProfile p = ids.length == 1 ? SrtpProfile.fromId(ids[0]) : null;
      if (p == null || !settings.srtpProfiles.contains(p)) {
        throw new TlsFatalAlert(
            AlertDescription.illegal_parameter, "server chose SRTP " + Arrays.toString(ids));
      }
      srtpProfile = p;
    }

    @Override
    public TlsAuthentication getAuthentication() {
      return new TlsAuthentication() {
        @Override
        public void notifyServerCertificate(TlsServerCertificate serverCertificate)
            throws IOException {
          // Self-signed, as in WebRTC: the SDP fingerprint would vouch for it, not a CA.
          if (serverCertificate.getCertificate().isEmpty()) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "no server certificate");
          }
        }

        @Override
        public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
          return signer(context, (BcTlsCrypto) getCrypto());
        }
      };
    }

    @Override
    public void notifyAlertRaised(short level, short description, String message, Throwable c) {
      alertRaised(level, description, message, c);
    }

    @Override
    public void notifyAlertReceived(short level, short description) {
      alertReceived(level, description);
    }
  }

  /** A Bouncy Castle datagram transport that {@link #close()} can always end. */
  private interface Transport extends DatagramTransport {
    @Override
    void close();
  }

  /**
   * Bouncy Castle's datagrams over a real UDP socket on 127.0.0.1. Unlike Bouncy Castle's own
   * {@code UDPTransport} it needs no connected socket: a server learns its client from the first
   * datagram, and ignores datagrams from anyone else.
   */
  private static final class UdpTransport implements Transport {
    private static final int MAX_STRANGERS = 64;
    private final DatagramSocket socket;
    private final int sendLimit;
    private volatile InetSocketAddress peer;

    UdpTransport(DatagramSocket socket, InetSocketAddress peer, int mtu) {
      this.socket = socket;
      this.peer = peer;
      this.sendLimit = mtu - UDP_IPV4_OVERHEAD;
    }

    @Override
    public int getReceiveLimit() {
      return MAX_DATAGRAM; // OpenSSL on loopback may send datagrams far above 1500 bytes
    }

    @Override
    public int getSendLimit() {
      return sendLimit;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
      socket.setSoTimeout(Math.max(1, waitMillis));
      DatagramPacket packet = new DatagramPacket(buf, off, len);
      for (int i = 0; i < MAX_STRANGERS; i++) {
        socket.receive(packet);
        InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
        if (peer == null) {
          peer = from;
        }
        if (peer.equals(from)) {
          return packet.getLength();
        }
        packet.setData(buf, off, len);
      }
      throw new SocketTimeoutException("only strangers' datagrams");
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
      InetSocketAddress to = peer;
      if (to == null) {
        throw new IOException("no peer yet");
      }
      socket.send(new DatagramPacket(buf, off, len, to));
    }

    @Override
    public void close() {
      socket.close();
    }

    @Override
    public String toString() {
      return "on UDP " + socket.getLocalSocketAddress() + " with " + peer;
    }
  }

  /**
   * Bouncy Castle's datagrams through two queues, and the {@link PumpedEndpoint} on their other
   * end: what the pump hands in, Bouncy Castle's thread receives; what it sends, the pump sends.
   */
  private static final class QueueTransport implements Transport, PumpedEndpoint {
    private final BlockingQueue<byte[]> in = new LinkedBlockingQueue<>(MAX_QUEUED_DATAGRAMS);
    private final Queue<byte[]> out = new ConcurrentLinkedQueue<>();
    private final int sendLimit;
    private volatile long dropped;

    QueueTransport(int mtu) {
      this.sendLimit = mtu - UDP_IPV4_OVERHEAD;
    }

    @Override
    public int getReceiveLimit() {
      return MAX_DATAGRAM;
    }

    @Override
    public int getSendLimit() {
      return sendLimit;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
      byte[] datagram;
      try {
        datagram = in.poll(Math.max(0, waitMillis), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("peer closed");
      }
      if (datagram == null) {
        return -1; // Bouncy Castle reads -1 as a timeout
      }
      int n = Math.min(len, datagram.length);
      System.arraycopy(datagram, 0, buf, off, n);
      return n;
    }

    @Override
    public void send(byte[] buf, int off, int len) {
      out.add(Arrays.copyOfRange(buf, off, off + len));
    }

    @Override
    public void close() {
      // Nothing to release: the pump owns the socket.
    }

    @Override
    public void handleRead(byte[] data, int offset, int length, long nowNanos) {
      if (!in.offer(Arrays.copyOfRange(data, offset, offset + length))) {
        dropped++;
      }
    }

    @Override
    public byte[] pollWrite() {
      return out.poll();
    }

    @Override
    public void handleTimeout(long nowNanos) {
      // Bouncy Castle runs its retransmission timers on its own thread.
    }

    @Override
    public long pollTimeout() {
      return Time.NEVER;
    }

    @Override
    public String toString() {
      return "pumped (" + in.size() + " in, " + out.size() + " out, " + dropped + " dropped)";
    }
  }

  /** The settings a builder collects. */
  private static final class Settings {
    PeerCredentials credentials;
    List<SrtpProfile> srtpProfiles = List.of();
    boolean requestClientCertificate = true;
    boolean requireExtendedMasterSecret = true;
    boolean helloVerifyRequest = true;
    List<CipherSuite> cipherSuites = List.of(CipherSuite.values());
    Duration handshakeTimeout = Duration.ofSeconds(10);
    int mtu = 1500;
  }

  /** Options for one Bouncy Castle peer. */
  public static final class Builder {
    private final boolean server;
    private final Settings settings = new Settings();

    private Builder(boolean server) {
      this.server = server;
    }

    /** The private key and certificate this peer authenticates with. Required. */
    public Builder credentials(PeerCredentials credentials) {
      settings.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * The SRTP protection profiles a client offers, or a server accepts, in order of preference
     * (use_srtp, RFC 5764 §4.1.1). None: no use_srtp.
     */
    public Builder srtpProfiles(SrtpProfile... profiles) {
      settings.srtpProfiles = List.of(profiles);
      return this;
    }

    /**
     * Whether a server sends a CertificateRequest and fails the handshake when the client sends no
     * certificate, as WebRTC needs. Default true.
     */
    public Builder requestClientCertificate(boolean request) {
      settings.requestClientCertificate = request;
      return this;
    }

    /**
     * Whether the handshake fails unless both sides agree to the extended master secret (RFC 7627).
     * Default true. Either way the peer offers it.
     */
    public Builder requireExtendedMasterSecret(boolean require) {
      settings.requireExtendedMasterSecret = require;
      return this;
    }

    /**
     * Whether a server first answers a ClientHello with a HelloVerifyRequest cookie (RFC 6347
     * §4.2.1). Default true.
     */
    public Builder helloVerifyRequest(boolean verify) {
      settings.helloVerifyRequest = verify;
      return this;
    }

    /**
     * The cipher suites, in order of preference; default all of {@link CipherSuite}. A server uses
     * only those its key can sign for.
     */
    public Builder cipherSuites(CipherSuite... suites) {
      if (suites.length == 0) {
        throw new IllegalArgumentException("at least one cipher suite");
      }
      settings.cipherSuites = List.of(suites);
      return this;
    }

    /** How long Bouncy Castle tries to complete the handshake; default 10 s. */
    public Builder handshakeTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_LIFETIME) > 0) {
        throw new IllegalArgumentException("timeout " + timeout);
      }
      settings.handshakeTimeout = timeout;
      return this;
    }

    /** The link MTU Bouncy Castle fragments its handshake for (IPv4 and UDP headers included). */
    public Builder mtu(int mtu) {
      if (mtu < 256 || mtu > 65_535) {
        throw new IllegalArgumentException("mtu " + mtu);
      }
      settings.mtu = mtu;
      return this;
    }

    /**
     * Starts a server on its own UDP socket on 127.0.0.1 (see {@link
     * BouncyCastleDtlsPeer#localAddress()}); it takes its client from the first datagram it
     * receives.
     *
     * @throws IllegalStateException on a client builder
     */
    public BouncyCastleDtlsPeer startOnUdp() throws IOException {
      if (!server) {
        throw new IllegalStateException("a client needs the server's address");
      }
      return startOnUdp(null, "server");
    }

    /**
     * Starts a client on its own UDP socket on 127.0.0.1, sending to {@code server}.
     *
     * @throws IllegalStateException on a server builder
     * @throws IllegalArgumentException if {@code server} is not a loopback address
     */
    public BouncyCastleDtlsPeer startOnUdp(InetSocketAddress server) throws IOException {
      if (this.server) {
        throw new IllegalStateException("a server learns its client's address");
      }
      if (server.isUnresolved() || !server.getAddress().isLoopbackAddress()) {
        throw new IllegalArgumentException("interop peers stay on loopback, not " + server);
      }
      return startOnUdp(server, "client");
    }

    private BouncyCastleDtlsPeer startOnUdp(InetSocketAddress peer, String role)
        throws IOException {
      check();
      DatagramSocket socket =
          new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      try {
        BouncyCastleDtlsPeer p =
            new BouncyCastleDtlsPeer(
                server, settings, new UdpTransport(socket, peer, settings.mtu));
        p.start();
        return p;
      } catch (RuntimeException | Error e) {
        socket.close();
        throw e;
      }
    }

    /**
     * Starts the peer behind a {@link PumpedEndpoint} (see {@link BouncyCastleDtlsPeer#endpoint()})
     * for a {@link UdpPump} to drive. A client sends its ClientHello as soon as the pump runs.
     */
    public BouncyCastleDtlsPeer startPumped() {
      check();
      BouncyCastleDtlsPeer p =
          new BouncyCastleDtlsPeer(server, settings, new QueueTransport(settings.mtu));
      p.start();
      return p;
    }

    private void check() {
      if (settings.credentials == null) {
        throw new IllegalStateException("credentials are required");
      }
      if (server) {
        boolean ecdsa = settings.credentials.isEcdsa();
        if (settings.cipherSuites.stream().noneMatch(s -> s.ecdsa() == ecdsa)) {
          throw new IllegalStateException(
              "no cipher suite for a " + (ecdsa ? "ECDSA" : "RSA") + " key");
        }
      }
    }
  }
}
