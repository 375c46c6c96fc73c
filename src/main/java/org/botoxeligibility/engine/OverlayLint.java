package org.botoxeligibility.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.assessment.RuleError;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Finds an overlay's mistakes at build, before any patient meets them: in each rule's consequence,
 * a built-in reason code ({@code ReasonCode.PREGNANCY}, or the literal {@code "PREGNANCY"} as a
 * finding's code), a code that is not upper snake case, a literal pointer without {@code /} or
 * naming no field of the intake ({@code .restingOn("/patient/wieght")}, {@code
 * $p.pointer("headacheDays")}, {@code given.patient("x")}), a rule name holding control or
 * bidirectional characters, and a timer (an evaluation is one moment). What is computed at run time is checked when the finding is inserted
 * ({@link EvaluationGuard}). The conditions of a rule are not read: an overlay may match the
 * built-in findings by their codes.
 */
final class OverlayLint {
  private static final Pattern REASON_CODE =
      Pattern.compile("\\bReasonCode\\s*\\.\\s*([A-Z][A-Z0-9_]*)\\b");
  private static final Pattern FINDING_CALL =
      Pattern.compile("\\bFinding\\s*\\.\\s*of\\s*\\(|\\bnew\\s+Finding\\s*\\(");
  private static final Pattern RESTING_ON = Pattern.compile("\\.\\s*restingOn\\s*\\(");
  private static final Pattern CONCERN_FIELD =
      Pattern.compile("\\.\\s*pointer\\s*\\(\\s*\"([^\"\\\\]*)\"\\s*\\)");
  private static final Pattern GIVEN_FIELD =
      Pattern.compile("\\bgiven\\s*\\.\\s*(patient|workflow)\\s*\\(\\s*\"([^\"\\\\]*)\"\\s*\\)");
  private static final Pattern LITERAL = Pattern.compile("\\s*\"([^\"\\\\]*)\"\\s*");
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  private OverlayLint() {}

  /**
   * The mistakes of one DRL file.
   *
   * @param file the file's name, for the errors
   * @param drl its text
   * @return the errors, each with its line; empty when none is found
   */
  static List<RuleError> check(String file, String drl) {
    PackageDescr pkg;
    try {
      pkg = new DrlParser().parse(false, drl);
    } catch (DroolsParserException | RuntimeException e) {
      return List.of(); // the compiler reports what does not parse
    }
    List<RuleError> errors = new ArrayList<>();
    if (pkg == null) {
      return errors;
    }
    for (RuleDescr rule : pkg.getRules()) {
      String name = rule.getName();
      String quoted = EvaluationGuard.quote(name);
      if (!Problem.escape(name).equals(name)) {
        errors.add(new RuleError(file, rule.getLine(), "the rule " + quoted + " has a control "
            + "or bidirectional character in its name; a rule's name is printed with every "
            + "reason it gives"));
      }
      for (String timed : List.of("timer", "duration", "calendars")) {
        if (rule.getAttributes().containsKey(timed)) {
          errors.add(new RuleError(file, rule.getLine(), "the rule " + quoted + " has the "
              + "attribute " + timed + "; an evaluation is one moment, and a timed rule would "
              + "fire after it ends"));
        }
      }
      if (!(rule.getConsequence() instanceof String text)) {
        continue;
      }
      String code = withoutComments(text);
      int line = consequenceLine(drl, rule.getConsequenceLine(), text);
      Matcher m = REASON_CODE.matcher(code);
      while (m.find()) {
        errors.add(new RuleError(file, line + lineOf(code, m.start()), "the rule " + quoted
            + " uses the built-in reason code " + m.group(1) + "; the built-in codes are the "
            + "knowledge base's own: an overlay's findings use codes of their own, such as "
            + "CLINIC_" + m.group(1)));
      }
      m = FINDING_CALL.matcher(code);
      while (m.find()) {
        List<String> args = arguments(code, m.end());
        if (args.size() < 2) {
          continue;
        }
        String value = literal(args.get(1));
        if (value == null) {
          continue;
        }
        int at = line + lineOf(code, m.start());
        if (EvaluationGuard.BUILT_IN_CODES.contains(value)) {
          errors.add(new RuleError(file, at, "the rule " + quoted + " gives its finding the "
              + "built-in reason code " + value + "; the built-in codes are the knowledge base's "
              + "own: an overlay's findings use codes of their own, such as CLINIC_" + value));
        } else if (!CODE.matcher(value).matches()) {
          errors.add(new RuleError(file, at, "the rule " + quoted + " gives its finding the code "
              + "\"" + Problem.escape(value) + "\", which is not upper snake case (a capital "
              + "letter, then capitals, digits and _, at most 64 characters in all)"));
        }
      }
      m = RESTING_ON.matcher(code);
      while (m.find()) {
        for (String arg : arguments(code, m.end())) {
          String pointer = literal(arg);
          if (pointer != null) {
            pointer(errors, file, line + lineOf(code, m.start()), quoted, pointer, pointer);
          }
        }
      }
      m = CONCERN_FIELD.matcher(code);
      while (m.find()) {
        pointer(errors, file, line + lineOf(code, m.start()), quoted,
            "$p.pointer(\"" + m.group(1) + "\")", "/concerns/0/" + m.group(1));
      }
      m = GIVEN_FIELD.matcher(code);
      while (m.find()) {
        pointer(errors, file, line + lineOf(code, m.start()), quoted,
            "given." + m.group(1) + "(\"" + m.group(2) + "\")", "/" + m.group(1) + "/"
                + m.group(2));
      }
    }
    return errors;
  }

  private static void pointer(List<RuleError> errors, String file, int line, String rule,
      String written, String pointer) {
    String problem = IntakeSchema.problem(pointer, null);
    if (problem != null) {
      errors.add(new RuleError(file, line, "the rule " + rule + " rests a finding on "
          + Problem.escape(written) + ", which names no place of the intake: " + problem));
    }
  }

  /** The text of a string literal, or null when the argument is something else. */
  private static String literal(String argument) {
    Matcher m = LITERAL.matcher(argument);
    return m.matches() ? m.group(1) : null;
  }

  /** The top-level arguments of the call whose parenthesis opens just before {@code from}. */
  static List<String> arguments(String code, int from) {
    List<String> args = new ArrayList<>();
    int depth = 0;
    int start = from;
    for (int i = from; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '"' || c == '\'') {
        i = endOfLiteral(code, i);
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) {
          if (i > start || !args.isEmpty()) {
            args.add(code.substring(start, i));
          }
          return args;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        args.add(code.substring(start, i));
        start = i + 1;
      }
    }
    return args;
  }

  private static int endOfLiteral(String code, int open) {
    char quote = code.charAt(open);
    for (int i = open + 1; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return code.length() - 1;
  }

  /** The code with its comments blanked out (line breaks kept), string literals untouched. */
  static String withoutComments(String code) {
    StringBuilder sb = new StringBuilder(code);
    for (int i = 0; i < sb.length(); i++) {
      char c = sb.charAt(i);
      if (c == '"' || c == '\'') {
        i = endOfLiteral(code, i);
      } else if (c == '/' && i + 1 < sb.length() && sb.charAt(i + 1) == '/') {
        while (i < sb.length() && sb.charAt(i) != '\n') {
          sb.setCharAt(i++, ' ');
        }
      } else if (c == '/' && i + 1 < sb.length() && sb.charAt(i + 1) == '*') {
        int end = code.indexOf("*/", i + 2);
        end = end < 0 ? sb.length() : end + 2;
        for (; i < end; i++) {
          if (sb.charAt(i) != '\n') {
            sb.setCharAt(i, ' ');
          }
        }
        i--;
      }
    }
    return sb.toString();
  }

  /**
   * The line where the consequence's text starts: the parser gives the line of {@code then}, and
   * the text without its leading blanks, which may start on a later line.
   */
  private static int consequenceLine(String drl, int thenLine, String text) {
    int from = 0;
    for (int line = 1; line < thenLine && from >= 0; line++) {
      from = drl.indexOf('\n', from) + 1;
    }
    int at = from < 0 || text.isEmpty() ? -1 : drl.indexOf(text, from);
    return at < 0 ? thenLine : 1 + lineOf(drl, at);
  }

  private static int lineOf(String code, int index) {
    int lines = 0;
    for (int i = 0; i < index; i++) {
      if (code.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
