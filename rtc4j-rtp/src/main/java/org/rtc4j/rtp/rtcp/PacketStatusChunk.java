package org.rtc4j.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rtc4j.common.ParseException;

/**
 * A 16-bit packet status chunk of a transport-wide feedback packet
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1.3, §3.1.4): either a run of one status,
 * or a vector of 14 one-bit or 7 two-bit symbols.
 */
public sealed interface PacketStatusChunk {
  /** How many statuses the chunk holds: the run length, 14 or 7. */
  int capacity();

  /** The {@code index}-th status, {@code 0 <= index < capacity()}. */
  PacketStatus status(int index);

  /** The chunk's 16 bits. */
  int toBits();

  /**
   * The chunk of {@code bits}.
   *
   * @throws ParseException if it holds the reserved symbol 11
   */
  static PacketStatusChunk fromBits(int bits, int position) throws ParseException {
    if ((bits & 0x8000) == 0) {
      PacketStatus status = PacketStatus.ofSymbol((bits >>> 13) & 0x3);
      if (status == null) {
        throw new ParseException("run length chunk of the reserved status", position);
      }
      return new RunLength(status, bits & 0x1FFF);
    }
    boolean twoBit = (bits & 0x4000) != 0;
    int count = twoBit ? 7 : 14;
    List<PacketStatus> symbols = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int symbol = twoBit ? (bits >>> (12 - 2 * i)) & 0x3 : (bits >>> (13 - i)) & 0x1;
      PacketStatus status = PacketStatus.ofSymbol(symbol);
      if (status == null) {
        throw new ParseException("status vector chunk with the reserved symbol", position);
      }
      symbols.add(status);
    }
    return new StatusVector(twoBit, symbols);
  }

  /**
   * A run length chunk (§3.1.3): {@code 0}, the status in 2 bits, the run length in 13.
   *
   * @param status the status of every packet in the run
   * @param runLength how many packets, 0 to 8191
   */
  record RunLength(PacketStatus status, int runLength) implements PacketStatusChunk {
    /** The longest run. */
    public static final int MAX_RUN_LENGTH = 0x1FFF;

    /** Checks the run length. */
    public RunLength {
      if (status == null) {
        throw new NullPointerException("status");
      }
      Unsigned.bits("run length", runLength, 13);
    }

    @Override
    public int capacity() {
      return runLength;
    }

    @Override
    public PacketStatus status(int index) {
      Objects.checkIndex(index, runLength);
      return status;
    }

    @Override
    public int toBits() {
      return (status.symbol() << 13) | runLength;
    }
  }

  /**
   * A status vector chunk (§3.1.4): {@code 1}, the symbol size S, then 14 one-bit symbols (S=0: not
   * received or received with a small delta) or 7 two-bit ones (S=1).
   *
   * @param twoBit S: whether the symbols have two bits
   * @param symbols the 7 or 14 statuses; one-bit vectors cannot say {@link
   *     PacketStatus#RECEIVED_LARGE_DELTA}
   */
  record StatusVector(boolean twoBit, List<PacketStatus> symbols) implements PacketStatusChunk {
    /** Checks the number of symbols and that they fit their size; copies them. */
    public StatusVector {
      symbols = List.copyOf(symbols);
      if (symbols.size() != (twoBit ? 7 : 14)) {
        throw new IllegalArgumentException(
            symbols.size() + " symbols in a " + (twoBit ? "two" : "one") + "-bit vector");
      }
      if (!twoBit && symbols.contains(PacketStatus.RECEIVED_LARGE_DELTA)) {
        throw new IllegalArgumentException("a one-bit vector cannot hold a large delta");
      }
    }

    @Override
    public int capacity() {
      return symbols.size();
    }

    @Override
    public PacketStatus status(int index) {
      return symbols.get(index);
    }

    @Override
    public int toBits() {
      int bits = twoBit ? 0xC000 : 0x8000;
      for (int i = 0; i < symbols.size(); i++) {
        int symbol = symbols.get(i).symbol();
        bits |= twoBit ? symbol << (12 - 2 * i) : symbol << (13 - i);
      }
      return bits;
    }
  }
}
