package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=simulcast} (RFC 8853 §5.1): the simulcast streams the writer sends and receives, each
 * given by the RIDs ({@link Rid}) it may use: {@code send h;m;l}, {@code recv 1,~2;3}.
 *
 * @param send the streams sent, in order of preference; empty if none
 * @param receive the streams received, in order of preference; empty if none
 */
public record Simulcast(List<Stream> send, List<Stream> receive) implements TypedAttribute {
  /** The attribute name, {@code simulcast}. */
  public static final String NAME = "simulcast";

  /**
   * One simulcast stream: the RIDs that are alternatives for it (RFC 8853 §5.1 sc-alt-list).
   *
   * @param alternatives one or more, in order of preference
   */
  public record Stream(List<Alternative> alternatives) {
    /**
     * @throws IllegalArgumentException if there are none
     */
    public Stream {
      alternatives = List.copyOf(alternatives);
      Syntax.require(!alternatives.isEmpty(), "a simulcast stream needs a rid");
    }

    /** A stream that has the single unpaused RID {@code rid}. */
    public static Stream of(String rid) {
      return new Stream(List.of(new Alternative(rid, false)));
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder();
      for (Alternative a : alternatives) {
        s.append(s.length() == 0 ? "" : ",").append(a);
      }
      return s.toString();
    }
  }

  /**
   * One RID of a simulcast stream (RFC 8853 §5.1 sc-id).
   *
   * @param rid the RID
   * @param paused whether the stream starts paused ({@code ~})
   */
  public record Alternative(String rid, boolean paused) {
    /**
     * @throws IllegalArgumentException if the RID is not letters, digits, - and _
     */
    public Alternative {
      Syntax.require(
          Syntax.isRidId(rid),
          "simulcast rid must be letters, digits, - and _: " + Syntax.quote(rid));
    }

    @Override
    public String toString() {
      return paused ? "~" + rid : rid;
    }
  }

  /**
   * @throws IllegalArgumentException if there are streams in neither direction
   */
  public Simulcast {
    send = List.copyOf(send);
    receive = List.copyOf(receive);
    Syntax.require(!send.isEmpty() || !receive.isEmpty(), "simulcast needs send or recv streams");
  }

  /**
   * Parses the value of {@code a=simulcast}: {@code send <streams> [recv <streams>]} or the other
   * way around, streams separated by {@code ;} and each stream's RIDs by {@code ,}.
   *
   * @throws SdpParseException if it is not of that form
   */
  public static Simulcast parse(String value) throws SdpParseException {
    Syntax.Cursor cursor = new Syntax.Cursor(value);
    List<Stream> send = null;
    List<Stream> receive = null;
    for (String dir = cursor.require("send or recv"); dir != null; dir = cursor.next()) {
      List<Stream> streams = streams(cursor.require("simulcast streams"));
      if (dir.equals("send") && send == null) {
        send = streams;
      } else if (dir.equals("recv") && receive == null) {
        receive = streams;
      } else {
        throw new SdpParseException(
            "expected send or recv, each once, got " + Syntax.quote(dir), 0);
      }
    }
    List<Stream> sent = send == null ? List.of() : send;
    List<Stream> received = receive == null ? List.of() : receive;
    return Syntax.build(() -> new Simulcast(sent, received));
  }

  private static List<Stream> streams(String list) throws SdpParseException {
    List<Stream> streams = new ArrayList<>();
    for (String stream : list.split(";", -1)) {
      List<Alternative> alternatives = new ArrayList<>();
      for (String id : stream.split(",", -1)) {
        boolean paused = id.startsWith("~");
        String rid = paused ? id.substring(1) : id;
        alternatives.add(Syntax.build(() -> new Alternative(rid, paused)));
      }
      streams.add(Syntax.build(() -> new Stream(alternatives)));
    }
    return streams;
  }

  @Override
  public Attribute toAttribute() {
    return Attribute.of(NAME, toString());
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    if (!send.isEmpty()) {
      s.append("send ").append(join(send));
    }
    if (!receive.isEmpty()) {
      s.append(s.length() == 0 ? "" : " ").append("recv ").append(join(receive));
    }
    return s.toString();
  }

  private static String join(List<Stream> streams) {
    StringBuilder s = new StringBuilder();
    for (Stream stream : streams) {
      s.append(s.length() == 0 ? "" : ";").append(stream);
    }
    return s.toString();
  }
}
