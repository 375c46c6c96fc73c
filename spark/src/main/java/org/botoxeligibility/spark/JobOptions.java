package org.botoxeligibility.spark;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The job's command line: {@code --input DIR --output DIR [--format bulk-fhir|intake-ndjson]
 * [--date YYYY-MM-DD] [--rules DIR] [--tables DIR] [--overwrite]}. Immutable.
 *
 * @param input the Bulk Data export folder, or a folder (or file) of NDJSON intakes; any Hadoop
 *     path ({@code file:}, {@code hdfs:}, {@code s3a:} …)
 * @param output the folder that receives the {@code recommendations}, {@code problems} and {@code
 *     summary} tables
 * @param format what the input holds
 * @param date the assessment date (the FHIR windows count back from it; for intakes, the date of
 *     those that give none); decided once, on the driver
 * @param rules a folder of overlay {@code *.drl} files on the driver's file system, or null
 * @param tables a folder of table overrides ({@code *.tsv}) on the driver's file system, or null
 * @param overwrite replace tables already in the output folder (otherwise the job refuses to
 *     start)
 */
public record JobOptions(String input, String output, Format format, LocalDate date,
    String rules, String tables, boolean overwrite) {

  /** What the input holds. */
  public enum Format {
    /** A FHIR Bulk Data export: one or more NDJSON files per resource type. */
    BULK_FHIR,
    /** One intake (formats.md §1) per line. */
    INTAKE_NDJSON;

    /**
     * The name used on the command line.
     *
     * @return {@code bulk-fhir} or {@code intake-ndjson}
     */
    public String cliName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** The usage line. */
  public static final String USAGE = "usage: ScreeningJob --input DIR --output DIR "
      + "[--format bulk-fhir|intake-ndjson] [--date YYYY-MM-DD] [--rules DIR] [--tables DIR] "
      + "[--overwrite]";

  /** A command line that cannot be used; the message says why. */
  public static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /**
   * Reads the command line.
   *
   * @param args the arguments
   * @param today the date to use when {@code --date} is not given
   * @return the options
   * @throws UsageException when an option is unknown, repeated, lacks its value or has a bad one
   */
  public static JobOptions parse(List<String> args, LocalDate today) throws UsageException {
    String input = null;
    String output = null;
    Format format = Format.BULK_FHIR;
    LocalDate date = today;
    String rules = null;
    String tables = null;
    boolean overwrite = false;
    boolean formatSeen = false;
    boolean dateSeen = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--overwrite")) {
        overwrite = true;
        continue;
      }
      String value;
      int eq = a.indexOf('=');
      String name = eq > 0 && a.startsWith("--") ? a.substring(0, eq) : a;
      if (eq > 0 && a.startsWith("--")) {
        value = a.substring(eq + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new UsageException(name + " needs a value");
      }
      switch (name) {
        case "--input" -> input = once(input, name, value);
        case "--output" -> output = once(output, name, value);
        case "--rules" -> rules = once(rules, name, value);
        case "--tables" -> tables = once(tables, name, value);
        case "--format" -> {
          if (formatSeen) {
            throw new UsageException("--format is given twice");
          }
          formatSeen = true;
          format = switch (value) {
            case "bulk-fhir" -> Format.BULK_FHIR;
            case "intake-ndjson" -> Format.INTAKE_NDJSON;
            default -> throw new UsageException("--format must be bulk-fhir or intake-ndjson, was \""
                + value + "\"");
          };
        }
        case "--date" -> {
          if (dateSeen) {
            throw new UsageException("--date is given twice");
          }
          dateSeen = true;
          try {
            date = LocalDate.parse(value);
          } catch (DateTimeParseException e) {
            throw new UsageException("--date must be a date YYYY-MM-DD, was \"" + value + "\"");
          }
        }
        default -> throw new UsageException("unknown option " + name);
      }
    }
    if (input == null || input.isBlank()) {
      throw new UsageException("--input is required");
    }
    if (output == null || output.isBlank()) {
      throw new UsageException("--output is required");
    }
    return new JobOptions(input, output, format, date, rules, tables, overwrite);
  }

  private static String once(String previous, String name, String value) throws UsageException {
    if (previous != null) {
      throw new UsageException(name + " is given twice");
    }
    if (value.isBlank()) {
      throw new UsageException(name + " needs a value");
    }
    return value;
  }
}
