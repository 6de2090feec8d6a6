package org.rtc4j.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Whatever valid values go into a description come back out of its SDP: writing and parsing are
 * inverse.
 */
class RoundTripPropertyTest {
  private static final String ICE_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/";
  private static final String TOKEN_CHARS = ICE_CHARS.replace("/", "") + "!#$%&'*-.^_`{|}~";

  private static Gen<String> chars(String alphabet, int min, int max) {
    return in -> {
      int length = integers().between(min, max).generate(in);
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < length; i++) {
        s.append(alphabet.charAt(integers().between(0, alphabet.length() - 1).generate(in)));
      }
      return s.toString();
    };
  }

  private static <T> Gen<T> oneOf(List<T> values) {
    return integers().between(0, values.size() - 1).map(values::get);
  }

  private static <T> Gen<List<T>> listsOf(Gen<T> element, int max) {
    return listsOf(element, 0, max);
  }

  private static <T> Gen<List<T>> listsOf(Gen<T> element, int min, int max) {
    return in -> {
      int n = integers().between(min, max).generate(in);
      List<T> list = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        list.add(element.generate(in));
      }
      return list;
    };
  }

  /** Fixed, so that every run checks the same examples (the tests are deterministic). */
  private static final long SEED = 0x5d9L;

  private static final Gen<String> TOKENS = chars(TOKEN_CHARS, 1, 12);

  private static final Gen<Candidate> CANDIDATES =
      in -> {
        boolean related = booleans().all().generate(in);
        boolean tcp = booleans().all().generate(in);
        List<Candidate.Extension> extensions =
            listsOf(
                    TOKENS
                        .assuming(
                            n -> !n.equals("raddr") && !n.equals("rport") && !n.equals("tcptype"))
                        .zip(chars(TOKEN_CHARS + ":/@[]", 1, 8), Candidate.Extension::new),
                    4)
                .generate(in);
        return new Candidate(
            chars(ICE_CHARS, 1, 32).generate(in),
            integers().between(1, 256).generate(in),
            oneOf(List.of("udp", "UDP", "tcp", "TCP")).generate(in),
            longs().between(0, 0xFFFF_FFFFL).generate(in),
            oneOf(List.of("192.0.2.1", "2001:db8::1", "f00d.local")).generate(in),
            integers().between(0, 65535).generate(in),
            oneOf(List.of(Candidate.Type.values())).generate(in),
            related ? "198.51.100.2" : null,
            related ? integers().between(0, 65535).generate(in) : Candidate.NO_PORT,
            tcp ? oneOf(List.of(Candidate.TcpType.values())).generate(in) : null,
            extensions);
      };

  /** Attributes of every kind this package knows, and unknown ones. */
  private static final Gen<TypedAttribute> TYPED =
      in -> {
        int pt = integers().between(0, 127).generate(in);
        return switch (integers().between(0, 13).generate(in)) {
          case 0 -> CANDIDATES.generate(in);
          case 1 ->
              new RtpMap(
                  pt,
                  TOKENS.generate(in),
                  integers().between(1, 200000).generate(in),
                  booleans().all().generate(in) ? 2 : RtpMap.NO_CHANNELS);
          case 2 -> new Fmtp(pt, "apt=" + integers().between(0, 127).generate(in) + ";x=y z");
          case 3 ->
              new RtcpFeedback(
                  booleans().all().generate(in) ? RtcpFeedback.ALL_PAYLOAD_TYPES : pt,
                  TOKENS.generate(in),
                  booleans().all().generate(in) ? "pli" : null);
          case 4 ->
              new ExtMap(
                  integers().between(1, 255).generate(in),
                  oneOf(List.of(Direction.values())).generate(in),
                  "urn:x:" + TOKENS.generate(in),
                  null);
          case 5 -> new Msid(TOKENS.generate(in), TOKENS.generate(in));
          case 6 ->
              new Ssrc(longs().between(0, 0xFFFF_FFFFL).generate(in), "cname", TOKENS.generate(in));
          case 7 ->
              new Rid(
                  chars("abc123-_", 1, 4).generate(in),
                  Rid.Direction.RECV,
                  List.of(pt),
                  List.of(new Rid.Restriction("max-width", "1280")));
          case 8 ->
              new Simulcast(
                  List.of(Simulcast.Stream.of("a")),
                  List.of(new Simulcast.Stream(List.of(new Simulcast.Alternative("b", true)))));
          case 9 -> oneOf(List.of(Direction.values())).generate(in);
          case 10 -> oneOf(List.of(PropertyAttribute.values())).generate(in);
          case 11 -> oneOf(List.of(Setup.values())).generate(in);
          case 12 -> new Mid(TOKENS.generate(in));
          default -> {
            // An attribute this package does not know, with any value.
            Attribute unknown =
                Attribute.of(
                    "x-" + TOKENS.generate(in), chars(TOKEN_CHARS + " :=", 0, 20).generate(in));
            yield () -> unknown;
          }
        };
      };

  private static final Gen<MediaDescription> MEDIA =
      in -> {
        MediaDescription.Builder m =
            MediaDescription.builder(
                    oneOf(List.of("audio", "video", "application")).generate(in),
                    integers().between(0, 65535).generate(in),
                    oneOf(List.of("UDP/TLS/RTP/SAVPF", "UDP/DTLS/SCTP", "RTP/AVP")).generate(in))
                .formats(listsOf(TOKENS, 1, 5).generate(in))
                .connections(
                    listsOf(TOKENS.map(a -> new Connection("IN", "IP4", a)), 2).generate(in))
                .bandwidths(
                    listsOf(longs().between(0, 1 << 30).map(v -> new Bandwidth("AS", v)), 2)
                        .generate(in));
        if (booleans().all().generate(in)) {
          m.numberOfPorts(integers().between(1, 4).generate(in));
        }
        for (TypedAttribute a : listsOf(TYPED, 20).generate(in)) {
          m.addAttribute(a);
        }
        return m.build();
      };

  @Test
  void aCandidateIsWrittenAndReadBackTheSame() {
    qt().withFixedSeed(SEED)
        .forAll(CANDIDATES)
        .checkAssert(
            c -> {
              try {
                assertEquals(c, Candidate.parse(c.toString()));
              } catch (SdpParseException e) {
                throw new AssertionError(c.toString(), e);
              }
            });
  }

  @Test
  void aDescriptionIsWrittenAndReadBackTheSame() {
    Gen<SessionDescription> descriptions =
        in ->
            SessionDescription.builder(
                    new Origin(
                        "-",
                        Long.toString(longs().between(0, Long.MAX_VALUE).generate(in)),
                        longs().between(0, Long.MAX_VALUE).generate(in),
                        "IN",
                        "IP4",
                        "127.0.0.1"))
                .addAttribute(Group.bundle(listsOf(TOKENS, 3).generate(in)))
                .attributes(listsOf(TYPED.map(TypedAttribute::toAttribute), 5).generate(in))
                .mediaDescriptions(listsOf(MEDIA, 4).generate(in))
                .build();
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(descriptions)
        .checkAssert(
            d -> {
              String sdp = d.toString();
              try {
                SessionDescription parsed = SessionDescription.parse(sdp);
                assertEquals(d, parsed);
                assertEquals(sdp, parsed.toString());
              } catch (SdpParseException e) {
                throw new AssertionError(sdp, e);
              }
            });
  }
}
