package org.rtc4j.sctp.rx;

import java.util.Map;
import java.util.TreeMap;
import org.rtc4j.sctp.common.Data;

/**
 * The fragments received so far of one message, each under its place in the message: its TSN for
 * DATA, whose fragments take consecutive TSNs (RFC 9260 §6.9), or its FSN for I-DATA, counted from
 * 0 (RFC 8260 §2.1). It is complete when the lowest fragment has the B bit, the highest the E bit,
 * and no place between them is empty.
 *
 * <p>A message of one fragment, the common case, allocates no map.
 */
final class PartialMessage {
  private long onlyKey;
  private Data only;
  private TreeMap<Long, Data> fragments;
  private long payloadBytes;

  PartialMessage(long key, Data fragment) {
    this.onlyKey = key;
    this.only = fragment;
    this.payloadBytes = fragment.length();
  }

  /** Adds a fragment; false (and nothing changes) if its place is already taken. */
  boolean add(long key, Data fragment) {
    if (fragments == null) {
      if (key == onlyKey) {
        return false;
      }
      fragments = new TreeMap<>();
      fragments.put(onlyKey, only);
      only = null;
    }
    if (fragments.putIfAbsent(key, fragment) != null) {
      return false;
    }
    payloadBytes += fragment.length();
    return true;
  }

  /**
   * Takes in all fragments of {@code other}, whose places this one does not hold, and returns the
   * merged message: whichever of the two was larger, so that a fragment is copied O(log n) times
   * however runs join.
   */
  static PartialMessage merge(PartialMessage a, PartialMessage b) {
    PartialMessage into = a.fragmentCount() >= b.fragmentCount() ? a : b;
    PartialMessage from = into == a ? b : a;
    if (from.fragments == null) {
      into.add(from.onlyKey, from.only);
    } else {
      for (Map.Entry<Long, Data> e : from.fragments.entrySet()) {
        into.add(e.getKey(), e.getValue());
      }
    }
    return into;
  }

  int fragmentCount() {
    return fragments == null ? 1 : fragments.size();
  }

  long payloadBytes() {
    return payloadBytes;
  }

  long firstKey() {
    return fragments == null ? onlyKey : fragments.firstKey();
  }

  long lastKey() {
    return fragments == null ? onlyKey : fragments.lastKey();
  }

  Data first() {
    return fragments == null ? only : fragments.firstEntry().getValue();
  }

  Data last() {
    return fragments == null ? only : fragments.lastEntry().getValue();
  }

  boolean isComplete() {
    return first().beginning() && last().end() && lastKey() - firstKey() + 1 == fragmentCount();
  }

  /** The whole message; only for a complete one. Its stream, PPID and U bit are the first's. */
  ReceivedMessage assemble() {
    Data head = first();
    byte[] payload;
    if (fragments == null) {
      payload = only.payload();
    } else {
      payload = new byte[Math.toIntExact(payloadBytes)];
      int at = 0;
      for (Data fragment : fragments.values()) {
        System.arraycopy(fragment.payload(), 0, payload, at, fragment.length());
        at += fragment.length();
      }
    }
    return new ReceivedMessage(head.streamId(), head.ppid(), payload, head.unordered());
  }

  @Override
  public String toString() {
    return "PartialMessage["
        + firstKey()
        + ".."
        + lastKey()
        + ", "
        + fragmentCount()
        + " fragments, "
        + payloadBytes
        + " B"
        + (isComplete() ? ", complete" : "")
        + "]";
  }
}
