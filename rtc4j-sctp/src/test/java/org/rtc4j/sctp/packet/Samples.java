package org.rtc4j.sctp.packet;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.rtc4j.sctp.PayloadProtocolId;
import org.rtc4j.sctp.common.Data;

/**
 * One or more values of every chunk, parameter and error cause type, with awkward field values: odd
 * lengths that need padding, all-ones 32-bit fields, empty lists.
 */
final class Samples {
  private Samples() {}

  static byte[] bytes(int length, int seed) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) (seed + 37 * i);
    }
    return out;
  }

  static List<ErrorCause> causes() {
    return List.of(
        new InvalidStreamIdentifierCause(65535),
        new MissingMandatoryParameterCause(List.of(7, 0xC000, 5)),
        new MissingMandatoryParameterCause(List.of()),
        new StaleCookieCause(0xFFFF_FFFFL),
        new OutOfResourceCause(),
        new UnrecognizedChunkTypeCause(bytes(5, 1)),
        new InvalidMandatoryParameterCause(),
        new UnrecognizedParametersCause(bytes(10, 2)),
        new NoUserDataCause(0xDEAD_BEEF),
        new CookieReceivedWhileShuttingDownCause(),
        new UserInitiatedAbortCause("channel closed – för good"),
        UserInitiatedAbortCause.fromBytes(new byte[] {(byte) 0xC3, 0x28, 0x00}),
        new ProtocolViolationCause("DATA past the peer's window"),
        new UnknownCause(11, bytes(6, 3)),
        new UnknownCause(0xFFFF, new byte[0]));
  }

  static List<Parameter> parameters() {
    return List.of(
        new HeartbeatInfoParameter(bytes(13, 4)),
        new StateCookieParameter(bytes(43, 5)),
        new UnrecognizedParameterParameter(bytes(6, 6)),
        new SupportedExtensionsParameter(
            List.of(ReConfigChunk.TYPE, ForwardTsnChunk.TYPE, IDataChunk.TYPE)),
        new SupportedExtensionsParameter(List.of()),
        new ForwardTsnSupportedParameter(),
        new ZeroChecksumAcceptableParameter(ZeroChecksumAcceptableParameter.DTLS),
        new OutgoingSsnResetRequestParameter(-1, 0x7FFF_FFFF, 0x8000_0000, List.of(1, 3, 65535)),
        new OutgoingSsnResetRequestParameter(1, 0, 2, List.of()),
        new IncomingSsnResetRequestParameter(9, List.of(2, 4)),
        new IncomingSsnResetRequestParameter(10, List.of(5)),
        new SsnTsnResetRequestParameter(0xFFFF_FFFE),
        new ReconfigurationResponseParameter(3, ReconfigurationResponseParameter.IN_PROGRESS),
        new ReconfigurationResponseParameter(
            4, ReconfigurationResponseParameter.SUCCESS_PERFORMED, true, 0x1000, -5),
        new AddOutgoingStreamsRequestParameter(11, 65535),
        new AddIncomingStreamsRequestParameter(12, 1),
        new UnknownParameter(5, new byte[] {(byte) 192, 0, 2, 1}),
        new UnknownParameter(0x8002, bytes(3, 7)),
        new UnknownParameter(9, new byte[0]));
  }

  static List<Chunk> chunks() {
    return List.of(
        new DataChunk(
            0xFFFF_FFFE,
            new Data(7, 65535, 0, 0, PayloadProtocolId.BINARY, bytes(5, 8), true, false, true),
            true),
        new DataChunk(1, new Data(0, 0, 0, 0, 0, bytes(1, 9), false, true, false), false),
        new IDataChunk(
            0x8000_0000,
            new Data(
                3, 0, 0x8000_0001, 0, PayloadProtocolId.STRING, bytes(3, 10), true, false, false),
            false),
        new IDataChunk(
            0x8000_0001, new Data(3, 0, 0x8000_0001, -2, 0, bytes(8, 11), false, true, true), true),
        new InitChunk(
            0x1234_5678,
            0xFFFF_FFFFL,
            65535,
            0,
            -1,
            List.of(
                new ForwardTsnSupportedParameter(),
                new UnknownParameter(0xC004, bytes(2, 12)),
                new SupportedExtensionsParameter(List.of(130, 192, 64, 194, 15)))),
        new InitChunk(1, 0, 1, 1, 0, List.of()),
        new InitAckChunk(
            0x0BA2_2A8B,
            131072,
            16,
            16,
            42,
            List.of(
                new StateCookieParameter(bytes(37, 13)),
                new UnrecognizedParameterParameter(
                    new UnknownParameter(0x8123, bytes(1, 14)).toBytes()),
                new ZeroChecksumAcceptableParameter(1))),
        new SackChunk(
            0xFFFF_FFF0,
            0,
            List.of(new GapAckBlock(1, 1), new GapAckBlock(3, 65535)),
            List.of(0xFFFF_FFF1, 7)),
        new SackChunk(5, 1500, List.of(), List.of()),
        HeartbeatRequestChunk.of(bytes(21, 15)),
        new HeartbeatAckChunk(List.of(new HeartbeatInfoParameter(bytes(8, 16)))),
        new AbortChunk(true, causes()),
        new AbortChunk(false, List.of()),
        new ShutdownChunk(0xFFFF_FFFF),
        new ShutdownAckChunk(),
        new ErrorChunk(List.of(new UnrecognizedChunkTypeCause(bytes(7, 17)))),
        new CookieEchoChunk(bytes(37, 18)),
        new CookieEchoChunk(new byte[0]),
        new CookieAckChunk(),
        new ShutdownCompleteChunk(true),
        new ShutdownCompleteChunk(false),
        new ReConfigChunk(
            List.of(
                new OutgoingSsnResetRequestParameter(5, 4, 3, List.of(1)),
                new IncomingSsnResetRequestParameter(6, List.of()))),
        new ReConfigChunk(parameters()),
        new ForwardTsnChunk(
            -1, List.of(new SkippedStream(0, false, 65535), new SkippedStream(65535, false, 0))),
        new ForwardTsnChunk(0, List.of()),
        new IForwardTsnChunk(
            7, List.of(new SkippedStream(1, true, -1), new SkippedStream(2, false, 0x8000_0000))),
        new UnknownChunk(0xC1, 0x05, bytes(5, 19)),
        new UnknownChunk(0x84, 0, new byte[0]),
        new UnknownChunk(13, 0xFF, "CWR".getBytes(StandardCharsets.US_ASCII)));
  }
}
