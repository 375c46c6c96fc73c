package org.botoxeligibility.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Type;

/** Small readers of FHIR data types, shared by the mapping. */
final class Codes {
  static final String UCUM = "http://unitsofmeasure.org";
  static final String LOCAL = "urn:botox-eligibility:";
  static final String OBSERVATION = LOCAL + "observation";
  static final String CONDITION = LOCAL + "condition";
  static final String RESPONSE = LOCAL + "response";

  /** The units a toxin dose may be written in (code, else unit text). */
  static final Set<String> DOSE_UNITS = Set.of("U", "[iU]", "{units}", "unit", "units");

  private Codes() {}

  /** The codings of a concept, never null. */
  static List<Coding> codings(CodeableConcept cc) {
    return cc == null ? List.of() : cc.getCoding();
  }

  /** The codings of several concepts, in order. */
  static List<Coding> codings(List<CodeableConcept> concepts) {
    List<Coding> all = new ArrayList<>();
    for (CodeableConcept cc : concepts) {
      all.addAll(codings(cc));
    }
    return all;
  }

  /** A coding's system, trimmed; "" when absent. */
  static String system(Coding c) {
    return c.hasSystem() ? c.getSystem().trim() : "";
  }

  /** A coding's code, trimmed; "" when absent. */
  static String code(Coding c) {
    return c.hasCode() ? c.getCode().trim() : "";
  }

  /** True when the concept has a coding of the system with the code. */
  static boolean has(CodeableConcept cc, String system, String code) {
    for (Coding c : codings(cc)) {
      if (system(c).equals(system) && code(c).equals(code)) {
        return true;
      }
    }
    return false;
  }

  /** True when any coding's code (whatever its system) is one of the codes. */
  static boolean anyCode(CodeableConcept cc, Set<String> codes) {
    for (Coding c : codings(cc)) {
      if (codes.contains(code(c))) {
        return true;
      }
    }
    return false;
  }

  /** The date of a date or dateTime: its date part in its own offset; null when unreadable. */
  static Dated date(BaseDateTimeType t) {
    if (t == null || !t.hasValue()) {
      return null;
    }
    String s = t.getValueAsString();
    if (s == null) {
      return null;
    }
    try {
      if (s.length() >= 10) {
        LocalDate d = LocalDate.parse(s.substring(0, 10));
        return new Dated(d, d);
      }
      if (s.length() == 7) {
        YearMonth ym = YearMonth.parse(s);
        return new Dated(ym.atDay(1), ym.atEndOfMonth());
      }
      if (s.length() == 4) {
        int y = Integer.parseInt(s);
        return new Dated(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    }
    return null;
  }

  /**
   * The date of an {@code effective[x]}-like element: a dateTime or instant, or a Period's end,
   * else its start ({@code startOfPeriod}: the start, else the end). Null for other types.
   */
  static Dated date(Type value, boolean startOfPeriod) {
    if (value instanceof BaseDateTimeType t) {
      return date(t);
    }
    if (value instanceof Period p) {
      Dated start = date(p.getStartElement());
      Dated end = date(p.getEndElement());
      if (startOfPeriod) {
        return start != null ? start : end;
      }
      return end != null ? end : start;
    }
    return null;
  }

  /**
   * A date that may be partial: the first and last day it may mean ({@code 2026-11} is
   * 2026-11-01 to 2026-11-30; a full date is one day).
   */
  record Dated(LocalDate first, LocalDate last) {
    boolean full() {
      return first.equals(last);
    }
  }

  /** A whole number of a decimal, or null when it has a fraction or is out of int range. */
  static Integer whole(BigDecimal v) {
    if (v == null) {
      return null;
    }
    try {
      return v.stripTrailingZeros().intValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** Shows a decimal without an exponent. */
  static String show(BigDecimal v) {
    return v == null ? "none" : v.stripTrailingZeros().toPlainString();
  }
}
