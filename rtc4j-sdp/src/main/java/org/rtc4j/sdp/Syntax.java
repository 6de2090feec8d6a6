package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.List;

/** The character classes and small grammar rules of RFC 8866 §9 that every line shares. */
final class Syntax {
  private Syntax() {}

  /** RFC 8866 §9: token-char, any of these besides letters and digits. */
  private static final String TOKEN_PUNCTUATION = "!#$%&'*+-.^_`{|}~";

  /** RFC 8866 §9 token-char. */
  static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || TOKEN_PUNCTUATION.indexOf(c) >= 0;
  }

  /** RFC 8866 §9 token: one or more token-chars. */
  static boolean isToken(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isTokenChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * RFC 8866 §9 non-ws-string: visible characters, ASCII or not, without spaces or control
   * characters.
   */
  static boolean isNonWsString(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || Character.isISOControl(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * RFC 8866 §9 byte-string, here also allowed to be empty: anything but control characters (which
   * include NUL, CR and LF, the ones the RFC forbids).
   */
  static boolean isText(String s) {
    if (s == null) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** RFC 8839 §5.1 ice-char: a letter, a digit, {@code +} or {@code /}. */
  static boolean isIceChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** RFC 8851 §10 rid-id: letters, digits, {@code -} and {@code _}. */
  static boolean isRidId(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** One or more ASCII digits. */
  static boolean isDigits(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * The fields of {@code value} separated by spaces. RFC 8866 §5 asks for single spaces; runs of
   * them, and spaces before the first or after the last field, are tolerated.
   */
  static List<String> fields(String value) {
    List<String> fields = new ArrayList<>();
    int i = 0;
    int n = value.length();
    while (i < n) {
      while (i < n && value.charAt(i) == ' ') {
        i++;
      }
      int start = i;
      while (i < n && value.charAt(i) != ' ') {
        i++;
      }
      if (i > start) {
        fields.add(value.substring(start, i));
      }
    }
    return fields;
  }

  /**
   * A decimal number of {@code what} from {@code text}, in {@code [min, max]}.
   *
   * @throws SdpParseException if it is not all digits or out of range
   */
  static long number(String text, long min, long max, String what) throws SdpParseException {
    if (!isDigits(text)) {
      throw new SdpParseException(what + " must be a decimal number: " + quote(text), 0);
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      int digit = text.charAt(i) - '0';
      if (value > Math.floorDiv(max - digit, 10)) {
        throw new SdpParseException(what + " must be at most " + max + ": " + quote(text), 0);
      }
      value = value * 10 + digit;
    }
    if (value < min) {
      throw new SdpParseException(what + " must be at least " + min + ": " + quote(text), 0);
    }
    return value;
  }

  /** {@link #number} for values that fit in an int. */
  static int intNumber(String text, int min, int max, String what) throws SdpParseException {
    return (int) number(text, min, max, what);
  }

  /**
   * {@code text} quoted for an error message, shortened so that a hostile value does not make a
   * huge message.
   */
  static String quote(String text) {
    if (text == null) {
      return "nothing";
    }
    String shown = text.length() > 64 ? text.substring(0, 64) + "..." : text;
    return "\"" + shown + "\"";
  }

  /** Throws {@link IllegalArgumentException} with {@code message} unless {@code ok}. */
  static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Throws {@link IllegalArgumentException} unless {@code s} is a token. */
  static String requireToken(String s, String what) {
    require(isToken(s), what + " must be a token: " + quote(s));
    return s;
  }

  /** Throws {@link IllegalArgumentException} unless {@code s} is a non-ws-string. */
  static String requireNonWs(String s, String what) {
    require(isNonWsString(s), what + " must be visible characters without spaces: " + quote(s));
    return s;
  }

  /** Throws {@link IllegalArgumentException} unless {@code s} is text without control chars. */
  static String requireText(String s, String what) {
    require(isText(s), what + " must be text without control characters: " + quote(s));
    return s;
  }

  /** Throws {@link IllegalArgumentException} unless {@code port} is 0 to 65535. */
  static int requirePort(int port, String what) {
    require(port >= 0 && port <= 0xFFFF, what + " must be 0 to 65535: " + port);
    return port;
  }

  /**
   * Builds a value with {@code constructor}, turning the {@link IllegalArgumentException} its
   * validation throws into the {@link SdpParseException} a parser owes its caller.
   */
  static <T> T build(Construction<T> constructor) throws SdpParseException {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      SdpParseException failure = new SdpParseException(e.getMessage(), 0);
      failure.initCause(e);
      throw failure;
    }
  }

  /** A call of a validating constructor. */
  @FunctionalInterface
  interface Construction<T> {
    T get();
  }

  /** {@code e} again, now saying on which line of the description it happened. */
  static SdpParseException atLine(SdpParseException e, int line) {
    if (e.line() != 0) {
      return e;
    }
    SdpParseException located = new SdpParseException(e.getMessage(), line);
    located.initCause(e);
    return located;
  }

  /**
   * Reads a value field by field, fields separated by runs of spaces, and then, for the values
   * whose last part may hold spaces, the rest as written.
   */
  static final class Cursor {
    private final String text;
    private int at;

    Cursor(String text) {
      this.text = text;
    }

    private void skipSpaces() {
      while (at < text.length() && text.charAt(at) == ' ') {
        at++;
      }
    }

    /** The next field, or null at the end. */
    String next() {
      skipSpaces();
      int start = at;
      while (at < text.length() && text.charAt(at) != ' ') {
        at++;
      }
      return at > start ? text.substring(start, at) : null;
    }

    /**
     * The next field.
     *
     * @throws SdpParseException if there is none
     */
    String require(String what) throws SdpParseException {
      String field = next();
      if (field == null) {
        throw new SdpParseException("missing " + what, 0);
      }
      return field;
    }

    /** The rest after the spaces that follow the last field read, as written; null if none. */
    String rest() {
      skipSpaces();
      String rest = at < text.length() ? text.substring(at) : null;
      at = text.length();
      return rest;
    }

    /**
     * Nothing must follow.
     *
     * @throws SdpParseException if something does
     */
    void end(String what) throws SdpParseException {
      String extra = next();
      if (extra != null) {
        throw new SdpParseException("unexpected " + Syntax.quote(extra) + " after " + what, 0);
      }
    }
  }

  /**
   * Throws {@link IllegalArgumentException} unless {@code rest} is null or text that {@link
   * Cursor#rest} gives back as it is: not empty and not starting with a space.
   */
  static String requireRest(String rest, String what) {
    if (rest != null) {
      requireText(rest, what);
      require(
          !rest.isEmpty() && rest.charAt(0) != ' ',
          what + " must not be empty or start with a space");
    }
    return rest;
  }
}
