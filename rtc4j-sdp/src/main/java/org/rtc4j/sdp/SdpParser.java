package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a session description line by line (RFC 8866 §5): checks each line's form, that the types
 * come in the order RFC 8866 §9 gives, and each value's syntax, and says on which line anything is
 * wrong.
 */
final class SdpParser {
  /** The line types RFC 8866 §5 defines; any other is refused (RFC 8866 §5). */
  private static final String KNOWN_TYPES = "vosiuepcbtrzkam";

  private final List<String> lines;
  private int index;

  private SdpParser(List<String> lines) {
    this.lines = lines;
  }

  static SessionDescription parse(String text) throws SdpParseException {
    if (text.length() > SessionDescription.MAX_LENGTH) {
      throw new SdpParseException(
          "description longer than " + SessionDescription.MAX_LENGTH + " characters", 0);
    }
    return new SdpParser(lines(text)).session();
  }

  /**
   * The lines of {@code text}, split at LF with a CR before it dropped; the last line need not end
   * in one. A CR elsewhere, like any other control character, is refused.
   */
  private static List<String> lines(String text) throws SdpParseException {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int n = text.length();
    while (start < n) {
      int lf = text.indexOf('\n', start);
      int end = lf < 0 ? n : lf;
      if (lf >= 0 && end > start && text.charAt(end - 1) == '\r') {
        end--;
      }
      int number = lines.size() + 1;
      if (number > SessionDescription.MAX_LINES) {
        throw new SdpParseException("more than " + SessionDescription.MAX_LINES + " lines", number);
      }
      for (int i = start; i < end; i++) {
        char c = text.charAt(i);
        if (Character.isISOControl(c)) {
          throw new SdpParseException(
              String.format("control character U+%04X at column %d", (int) c, i - start + 1),
              number);
        }
      }
      lines.add(text.substring(start, end));
      start = lf < 0 ? n : lf + 1;
    }
    return lines;
  }

  // Session level.

  /** RFC 8866 §9: the order of the session-level lines after v=, o= and s=. */
  private static int sessionRank(char type) {
    return switch (type) {
      case 'i' -> 1;
      case 'u' -> 2;
      case 'e' -> 3;
      case 'p' -> 4;
      case 'c' -> 5;
      case 'b' -> 6;
      case 't', 'r', 'z' -> 7;
      case 'k' -> 8;
      case 'a' -> 9;
      default -> 0;
    };
  }

  private SessionDescription session() throws SdpParseException {
    if (lines.isEmpty()) {
      throw new SdpParseException("empty description", 0);
    }
    String version = expect('v');
    if (!version.equals("0")) {
      throw new SdpParseException("v= must be 0, is " + Syntax.quote(version), 1);
    }
    String originValue = expect('o');
    Origin origin;
    try {
      origin = Origin.parse(originValue);
    } catch (SdpParseException e) {
      throw Syntax.atLine(e, 2);
    }
    String sessionName = expect('s');

    String information = null;
    String uri = null;
    List<String> emails = new ArrayList<>();
    List<String> phones = new ArrayList<>();
    Connection connection = null;
    List<Bandwidth> bandwidths = new ArrayList<>();
    List<TimeDescription> times = new ArrayList<>();
    String key = null;
    List<Attribute> attributes = new ArrayList<>();

    // The time description being read: its t= values, r= lines and z= line.
    long start = 0;
    long stop = 0;
    List<String> repeats = null;
    String zone = null;

    int rank = 0;
    char previous = 's';
    for (; index < lines.size(); index++) {
      int number = index + 1;
      String line = lines.get(index);
      char type = type(line, number);
      if (type == 'm') {
        break;
      }
      String value = line.substring(2);
      int lineRank = sessionRank(type);
      if (lineRank < rank || lineRank == 0) {
        throw new SdpParseException(type + "= line out of order, after " + previous + "=", number);
      }
      boolean once = type == 'i' || type == 'u' || type == 'c' || type == 'k';
      if (once && lineRank == rank) {
        throw new SdpParseException("a second " + type + "= line", number);
      }
      if ((type == 'k' || type == 'a') && times.isEmpty() && repeats == null) {
        throw new SdpParseException("missing t= line before " + type + "=", number);
      }
      switch (type) {
        case 'i' -> information = value;
        case 'u' -> uri = value;
        case 'e' -> emails.add(value);
        case 'p' -> phones.add(value);
        case 'c' -> connection = connection(value, number);
        case 'b' -> bandwidths.add(bandwidth(value, number));
        case 't' -> {
          if (repeats != null) {
            times.add(new TimeDescription(start, stop, repeats, zone));
          }
          List<String> f = Syntax.fields(value);
          if (f.size() != 2) {
            throw new SdpParseException("t= must be <start> <stop>", number);
          }
          try {
            start = Syntax.number(f.get(0), 0, Long.MAX_VALUE, "start time");
            stop = Syntax.number(f.get(1), 0, Long.MAX_VALUE, "stop time");
          } catch (SdpParseException e) {
            throw Syntax.atLine(e, number);
          }
          repeats = new ArrayList<>();
          zone = null;
        }
        case 'r' -> {
          // RFC 8866 §5.10: repeat times belong to the time description before them.
          if (previous != 't' && previous != 'r') {
            throw new SdpParseException("r= must follow t= or r=", number);
          }
          repeats.add(nonEmpty(value, type, number));
        }
        case 'z' -> {
          // RFC 8866 §5.11 (and RFC 4566 §5.11, which put it after the t= lines).
          if (previous != 't' && previous != 'r') {
            throw new SdpParseException("z= must follow t= or r=", number);
          }
          zone = nonEmpty(value, type, number);
        }
        case 'k' -> key = value;
        default -> attributes.add(attribute(value, number));
      }
      if (type != 't' && type != 'r' && type != 'z' && repeats != null) {
        times.add(new TimeDescription(start, stop, repeats, zone));
        repeats = null;
      }
      rank = lineRank;
      previous = type;
    }
    if (repeats != null) {
      times.add(new TimeDescription(start, stop, repeats, zone));
    }
    if (times.isEmpty()) {
      throw new SdpParseException(
          "missing t= line", index < lines.size() ? index + 1 : lines.size());
    }

    List<MediaDescription> media = new ArrayList<>();
    while (index < lines.size()) {
      media.add(media());
    }
    String name = sessionName;
    String info = information;
    String u = uri;
    Connection c = connection;
    String k = key;
    return Syntax.build(
        () ->
            new SessionDescription(
                origin, name, info, u, emails, phones, c, bandwidths, times, k, attributes, media));
  }

  /**
   * The value of the next line, which must be of {@code type}.
   *
   * @throws SdpParseException if there is no next line or it is of another type
   */
  private String expect(char type) throws SdpParseException {
    int number = index + 1;
    if (index >= lines.size()) {
      throw new SdpParseException("missing " + type + "= line", number);
    }
    String line = lines.get(index);
    char actual = type(line, number);
    if (actual != type) {
      throw new SdpParseException("expected " + type + "= line, found " + actual + "=", number);
    }
    index++;
    return line.substring(2);
  }

  // Media level.

  /** RFC 8866 §9: the order of the lines after an m= line. */
  private static int mediaRank(char type) {
    return switch (type) {
      case 'i' -> 1;
      case 'c' -> 2;
      case 'b' -> 3;
      case 'k' -> 4;
      case 'a' -> 5;
      default -> 0;
    };
  }

  /** Reads the media description that starts at the current line, an m= line. */
  private MediaDescription media() throws SdpParseException {
    int mediaLine = index + 1;
    MediaDescription.Builder section = mediaLine(lines.get(index).substring(2), mediaLine);
    index++;
    int rank = 0;
    for (; index < lines.size(); index++) {
      int number = index + 1;
      String line = lines.get(index);
      char type = type(line, number);
      if (type == 'm') {
        break;
      }
      String value = line.substring(2);
      int lineRank = mediaRank(type);
      if (lineRank == 0) {
        throw new SdpParseException(type + "= line not allowed in a media description", number);
      }
      if (lineRank < rank) {
        throw new SdpParseException(type + "= line out of order in a media description", number);
      }
      if ((type == 'i' || type == 'k') && lineRank == rank) {
        throw new SdpParseException("a second " + type + "= line in a media description", number);
      }
      switch (type) {
        case 'i' -> section.information(value);
        case 'c' -> section.addConnection(connection(value, number));
        case 'b' -> section.addBandwidth(bandwidth(value, number));
        case 'k' -> section.key(value);
        default -> section.addAttribute(attribute(value, number));
      }
      rank = lineRank;
    }
    try {
      return Syntax.build(section::build);
    } catch (SdpParseException e) {
      throw Syntax.atLine(e, mediaLine);
    }
  }

  /**
   * Reads an m= line's value (RFC 8866 §5.14): {@code <media> <port>[/<number of ports>] <proto>
   * <fmt> ...}.
   */
  private static MediaDescription.Builder mediaLine(String value, int number)
      throws SdpParseException {
    List<String> f = Syntax.fields(value);
    if (f.size() < 4) {
      throw new SdpParseException(
          "m= must be <media> <port> <proto> <fmt>..., has " + f.size() + " fields", number);
    }
    try {
      String port = f.get(1);
      int slash = port.indexOf('/');
      int portNumber =
          Syntax.intNumber(slash < 0 ? port : port.substring(0, slash), 0, 0xFFFF, "port");
      int numberOfPorts =
          slash < 0
              ? MediaDescription.NO_NUMBER_OF_PORTS
              : Syntax.intNumber(
                  port.substring(slash + 1), 1, Integer.MAX_VALUE, "number of ports");
      MediaDescription.Builder section =
          MediaDescription.builder(f.get(0), portNumber, f.get(2))
              .numberOfPorts(numberOfPorts)
              .formats(f.subList(3, f.size()));
      // Check the m= line alone, so that its errors name its line.
      Syntax.build(section::build);
      return section;
    } catch (SdpParseException e) {
      throw Syntax.atLine(e, number);
    }
  }

  // Lines of either level.

  /**
   * The type of {@code line}: its first character, which must be a known type followed by {@code
   * =}.
   */
  private static char type(String line, int number) throws SdpParseException {
    if (line.length() < 2 || line.charAt(1) != '=') {
      throw new SdpParseException(
          line.isEmpty() ? "empty line" : "expected <type>=<value>: " + Syntax.quote(line), number);
    }
    char type = line.charAt(0);
    if (KNOWN_TYPES.indexOf(type) < 0) {
      throw new SdpParseException(
          "unknown line type " + Syntax.quote(line.substring(0, 1)), number);
    }
    return type;
  }

  private static Connection connection(String value, int number) throws SdpParseException {
    try {
      return Connection.parse(value);
    } catch (SdpParseException e) {
      throw Syntax.atLine(e, number);
    }
  }

  private static Bandwidth bandwidth(String value, int number) throws SdpParseException {
    try {
      return Bandwidth.parse(value);
    } catch (SdpParseException e) {
      throw Syntax.atLine(e, number);
    }
  }

  private static Attribute attribute(String value, int number) throws SdpParseException {
    try {
      return Attribute.parseLineValue(value);
    } catch (SdpParseException e) {
      throw Syntax.atLine(e, number);
    }
  }

  private static String nonEmpty(String value, char type, int number) throws SdpParseException {
    if (value.isEmpty()) {
      throw new SdpParseException(type + "= must not be empty", number);
    }
    return value;
  }
}
