package org.rtc4j.srtp.context;

/**
 * SSRC to per-source state, bounded: at most {@code limit} entries, never removed, found without
 * allocating (no boxing of the SSRC). Open addressing with linear probing over a power-of-two table
 * at most half full.
 *
 * @param <T> the per-source state
 */
public final class SsrcTable<T> {
  private final int limit;
  private final int[] keys;
  private final Object[] values;
  private final int mask;
  private int size;

  /**
   * @param limit how many SSRCs the table holds at most, at least 1
   */
  public SsrcTable(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit " + limit);
    }
    this.limit = limit;
    int capacity = Integer.highestOneBit(Math.max(2, limit) * 2 - 1) << 1;
    this.keys = new int[capacity];
    this.values = new Object[capacity];
    this.mask = capacity - 1;
  }

  /** The state of {@code ssrc}, or null. */
  @SuppressWarnings("unchecked")
  public T get(int ssrc) {
    for (int i = slot(ssrc); ; i = (i + 1) & mask) {
      Object v = values[i];
      if (v == null) {
        return null;
      }
      if (keys[i] == ssrc) {
        return (T) v;
      }
    }
  }

  /** Whether a new SSRC can be added. */
  public boolean isFull() {
    return size >= limit;
  }

  /**
   * Adds {@code ssrc}, which the table does not hold yet, with its state.
   *
   * @throws IllegalStateException if the table is full or already holds the SSRC
   */
  public void add(int ssrc, T state) {
    if (size >= limit) {
      throw new IllegalStateException("already " + size + " SSRCs");
    }
    int i = slot(ssrc);
    for (; values[i] != null; i = (i + 1) & mask) {
      if (keys[i] == ssrc) {
        throw new IllegalStateException("SSRC already present");
      }
    }
    keys[i] = ssrc;
    values[i] = state;
    size++;
  }

  /** How many SSRCs the table holds. */
  public int size() {
    return size;
  }

  private int slot(int ssrc) {
    // Fibonacci hashing: SSRCs are random, but a peer may pick them; the table stays bounded.
    return (ssrc * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(keys.length)) & mask;
  }
}
