package org.rtc4j.ice;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * The part of an mDNS message (RFC 6762, on the DNS format of RFC 1035 §4) that ICE needs: the
 * questions, and the A and AAAA records of the answer section. Browsers hide their host addresses
 * behind {@code <uuid>.local} names and answer these queries for them.
 *
 * @param response whether this is a response (QR bit) rather than a query
 * @param questions the names asked for, with their types
 * @param answers the address records answered
 */
public record MdnsMessage(boolean response, List<Question> questions, List<Answer> answers) {
  /** The mDNS port. */
  public static final int PORT = 5353;

  /** Record type A (IPv4 address). */
  public static final int TYPE_A = 1;

  /** Record type AAAA (IPv6 address). */
  public static final int TYPE_AAAA = 28;

  private static final int CLASS_IN = 1;
  private static final int MAX_NAME_LENGTH = 255;
  private static final int MAX_POINTERS = 32;

  /** Copies the lists. */
  public MdnsMessage {
    questions = List.copyOf(questions);
    answers = List.copyOf(answers);
  }

  /**
   * A question.
   *
   * @param name the name asked for, e.g. {@code 1f0c….local}
   * @param type {@link #TYPE_A} or {@link #TYPE_AAAA} (others are kept as numbers)
   */
  public record Question(String name, int type) {
    /**
     * @throws NullPointerException if the name is null
     */
    public Question {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * An address record.
   *
   * @param name the owner name
   * @param address the address (IPv4 for A, IPv6 for AAAA)
   * @param ttlSeconds how long it may be cached
   */
  public record Answer(String name, InetAddress address, long ttlSeconds) {
    /**
     * @throws NullPointerException if the name or address is null
     */
    public Answer {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(address, "address");
    }
  }

  /** Encodes the message: id 0, as mDNS wants; answers with the cache-flush bit. */
  public byte[] encode() {
    ByteWriter out = ByteWriter.growable(64, 9000);
    out.u16(0)
        .u16(response ? 0x8400 : 0) // QR and AA for a response
        .u16(questions.size())
        .u16(answers.size())
        .u16(0)
        .u16(0);
    for (Question q : questions) {
      writeName(out, q.name());
      out.u16(q.type()).u16(CLASS_IN);
    }
    for (Answer a : answers) {
      writeName(out, a.name());
      byte[] raw = a.address().getAddress();
      out.u16(raw.length == 4 ? TYPE_A : TYPE_AAAA)
          .u16(0x8000 | CLASS_IN) // cache-flush: this host owns the name (RFC 6762 §10.2)
          .u32(a.ttlSeconds())
          .u16(raw.length)
          .bytes(raw);
    }
    return out.toByteArray();
  }

  /**
   * Parses a message, keeping its questions and its A and AAAA answers; other records are skipped.
   *
   * @throws ParseException if it is malformed: truncated, a bad name or a pointer loop
   */
  public static MdnsMessage parse(byte[] data, int offset, int length) throws ParseException {
    ByteReader in = new ByteReader(data, offset, length);
    in.u16(); // id
    int flags = in.u16();
    int questionCount = in.u16();
    int answerCount = in.u16();
    in.u16(); // authority records: not needed
    in.u16(); // additional records: not needed
    List<Question> questions = new ArrayList<>();
    for (int i = 0; i < questionCount; i++) {
      String name = readName(in);
      int type = in.u16();
      in.u16(); // class, with the unicast-response bit
      questions.add(new Question(name, type));
    }
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < answerCount; i++) {
      String name = readName(in);
      int type = in.u16();
      int recordClass = in.u16() & 0x7FFF;
      long ttl = in.u32();
      int rdLength = in.u16();
      ByteReader rdata = in.slice(rdLength);
      boolean address =
          recordClass == CLASS_IN
              && ((type == TYPE_A && rdLength == 4) || (type == TYPE_AAAA && rdLength == 16));
      if (address) {
        try {
          answers.add(new Answer(name, InetAddress.getByAddress(rdata.bytes(rdLength)), ttl));
        } catch (UnknownHostException e) {
          throw new AssertionError("4 or 16 bytes are always an address", e);
        }
      }
    }
    return new MdnsMessage((flags & 0x8000) != 0, questions, answers);
  }

  private static void writeName(ByteWriter out, String name) {
    for (String label : name.split("\\.")) {
      byte[] bytes = label.getBytes(StandardCharsets.UTF_8);
      if (bytes.length == 0 || bytes.length > 63) {
        throw new IllegalArgumentException("a DNS label has 1 to 63 bytes: " + name);
      }
      out.u8(bytes.length).bytes(bytes);
    }
    out.u8(0);
  }

  /** Reads a name, following compression pointers (RFC 1035 §4.1.4) a bounded number of times. */
  private static String readName(ByteReader in) throws ParseException {
    StringBuilder name = new StringBuilder();
    ByteReader cursor = in;
    int pointers = 0;
    while (true) {
      int length = cursor.u8();
      if (length == 0) {
        break;
      }
      if ((length & 0xC0) == 0xC0) {
        int target = ((length & 0x3F) << 8) | cursor.u8();
        if (++pointers > MAX_POINTERS) {
          throw new ParseException("too many name pointers", cursor.position());
        }
        // Follow the pointer on a fresh reader over the whole message; the main reader stays.
        ByteReader jump = new ByteReader(in.array(), in.arrayOffset(), in.length());
        jump.seek(target);
        cursor = jump;
        continue;
      }
      if ((length & 0xC0) != 0) {
        throw new ParseException("reserved label type", cursor.position() - 1);
      }
      if (name.length() > 0) {
        name.append('.');
      }
      String label = new String(cursor.bytes(length), StandardCharsets.UTF_8);
      if (label.indexOf('.') >= 0) {
        // Legal in DNS, but a dotted name could not say where the label ends; no ICE name has one.
        throw new ParseException("a label contains a dot", cursor.position() - length);
      }
      name.append(label);
      if (name.length() > MAX_NAME_LENGTH) {
        throw new ParseException("name longer than 255", cursor.position());
      }
    }
    return name.toString().toLowerCase(Locale.ROOT);
  }
}
