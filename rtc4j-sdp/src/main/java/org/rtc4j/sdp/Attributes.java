package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.List;

/** Lookups and edits over a list of attributes, shared by the session level and media sections. */
final class Attributes {
  private Attributes() {}

  /** The first attribute named {@code name}, or null. */
  static Attribute first(List<Attribute> attributes, String name) {
    for (Attribute a : attributes) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    return null;
  }

  /** Every attribute named {@code name}, in order. */
  static List<Attribute> all(List<Attribute> attributes, String name) {
    List<Attribute> found = new ArrayList<>();
    for (Attribute a : attributes) {
      if (a.name().equals(name)) {
        found.add(a);
      }
    }
    return List.copyOf(found);
  }

  /** The typed view of the first attribute named {@code name}, or null. */
  static <T> T first(
      List<Attribute> attributes, String name, KnownAttributes.TypedParser<T> parser) {
    Attribute a = first(attributes, name);
    return a == null ? null : KnownAttributes.view(a, parser);
  }

  /** The typed views of every attribute named {@code name}, in order. */
  static <T> List<T> all(
      List<Attribute> attributes, String name, KnownAttributes.TypedParser<T> parser) {
    List<T> found = new ArrayList<>();
    for (Attribute a : attributes) {
      if (a.name().equals(name)) {
        found.add(KnownAttributes.view(a, parser));
      }
    }
    return List.copyOf(found);
  }

  /** The first direction attribute, or null. */
  static Direction direction(List<Attribute> attributes) {
    for (Attribute a : attributes) {
      Direction d = Direction.named(a.name());
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /** Whether there is an attribute named {@code name}. */
  static boolean has(List<Attribute> attributes, String name) {
    return first(attributes, name) != null;
  }

  /**
   * Puts {@code attribute} in place of the first one of the same name and drops the others of that
   * name; appends it if there is none.
   */
  static void set(List<Attribute> attributes, Attribute attribute) {
    int at = -1;
    for (int i = 0; i < attributes.size(); i++) {
      if (attributes.get(i).name().equals(attribute.name())) {
        if (at < 0) {
          at = i;
          attributes.set(i, attribute);
        } else {
          attributes.remove(i--);
        }
      }
    }
    if (at < 0) {
      attributes.add(attribute);
    }
  }

  /**
   * Puts the attribute of {@code direction} in place of the first direction attribute and drops the
   * others; appends it if there is none.
   */
  static void setDirection(List<Attribute> attributes, Direction direction) {
    int at = -1;
    for (int i = 0; i < attributes.size(); i++) {
      if (Direction.named(attributes.get(i).name()) != null) {
        if (at < 0) {
          at = i;
          attributes.set(i, direction.toAttribute());
        } else {
          attributes.remove(i--);
        }
      }
    }
    if (at < 0) {
      attributes.add(direction.toAttribute());
    }
  }

  /** Removes every attribute named {@code name}. */
  static void removeAll(List<Attribute> attributes, String name) {
    attributes.removeIf(a -> a.name().equals(name));
  }
}
