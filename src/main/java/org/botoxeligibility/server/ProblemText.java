package org.botoxeligibility.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.botoxeligibility.assessment.Problem;

/**
 * A mapping or validation problem as the service may show it to its caller (cds-hooks.md §3:
 * no patient data in an error body): the path, and what was expected there, without any value
 * of the record. The command line shows a problem whole to its local user ({@code unit
 * "Quixmortalova" is not a unit of mass}); the service's 422 says {@code unit (value withheld) is
 * not a unit of mass}.
 *
 * <p>The mapper and the validator write a problem as "what was expected, was what was found";
 * the found part is cut off at {@code ", was "}. The sentences that name values otherwise (a
 * quoted value, the codes two codings disagree on, the product of an order, the patients of a
 * record, a message of the FHIR parser) are recognised and rewritten; whatever is still quoted
 * is withheld, and every date becomes "(a date)". A resource list the mapper appends ({@code (Observation/w1)}) is
 * kept: it names where, as the path does.
 */
final class ProblemText {
  private ProblemText() {}

  static final String WITHHELD = "(value withheld)";

  private static final Pattern RESOURCES = Pattern.compile(
      " \\(((?:[A-Z][A-Za-z]+/[A-Za-z0-9.:_-]{1,100})(?:, [A-Z][A-Za-z]+/[A-Za-z0-9.:_-]{1,100})*)"
          + "\\)$");
  private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");
  private static final Pattern DATE = Pattern.compile(
      "\\d{4}-\\d{2}(?:-\\d{2}(?:T[0-9:.]+(?:Z|[+-]\\d{2}:\\d{2})?)?)?");

  /**
   * The problem's sentence without the record's values.
   *
   * @param p the problem
   * @return {@code path: what was expected}
   */
  static String of(Problem p) {
    return p.path() + ": " + expected(p.message());
  }

  /**
   * What a problem's message says was expected, without the values it quotes.
   *
   * @param message the mapper's or validator's sentence
   * @return the sentence without values
   */
  static String expected(String message) {
    String m = message == null ? "" : message;
    String resources = null;
    Matcher r = RESOURCES.matcher(m);
    if (r.find()) {
      resources = r.group(1);
      m = m.substring(0, r.start());
    }
    int was = m.indexOf(", was ");
    if (was >= 0) {
      m = m.substring(0, was);
    }
    m = rewrite(m);
    // anything still quoted is a value: from the first quote to the last
    int first = m.indexOf('"');
    if (first >= 0) {
      int last = m.lastIndexOf('"');
      m = m.substring(0, first) + WITHHELD + (last > first ? m.substring(last + 1) : "");
    }
    // a date left in the sentence may be the record's (a birth date): never shown
    m = DATE.matcher(m).replaceAll("(a date)");
    return resources == null ? m : m + " (" + resources + ")";
  }

  /** The sentences known to name values other than after ", was ". */
  private static String rewrite(String m) {
    if (m.startsWith("unit \"") && m.contains("\" is not a unit of ")) {
      return "unit " + WITHHELD + m.substring(m.lastIndexOf("\" is not a unit of ") + 1);
    }
    if (m.startsWith("refers to \"") && m.contains("\", ")) {
      return "refers to " + WITHHELD + m.substring(m.lastIndexOf("\", ") + 1);
    }
    if (m.startsWith("cannot be read")) {
      return "cannot be read as the FHIR R4 type of this element";
    }
    if (m.startsWith("HAPI FHIR cannot read it as an R4 ")) {
      int colon = m.indexOf(':');
      return colon < 0 ? m : m.substring(0, colon);
    }
    if (m.contains("codings name different conditions")) {
      return m.substring(0, m.indexOf("codings name different conditions"))
          + "codings name different conditions";
    }
    if (m.startsWith("the codings name different botulinum toxin products (")) {
      int close = m.indexOf("):");
      return "the codings name different botulinum toxin products"
          + (close < 0 ? "" : m.substring(close + 1));
    }
    if (m.startsWith("orders ") && m.contains(": the knowledge base's doses")) {
      return "orders another product than onabotulinumtoxinA"
          + m.substring(m.indexOf(": the knowledge base's doses"));
    }
    if (m.matches("holds \\d+ Patients \\(.*\\): .*")) {
      return "holds more than one Patient" + m.substring(m.lastIndexOf("): ") + 1);
    }
    return m;
  }
}
