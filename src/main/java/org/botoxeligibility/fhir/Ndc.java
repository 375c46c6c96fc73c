package org.botoxeligibility.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * National Drug Codes as the product table keys them (docs/fhir-mapping.md §8): the 11-digit
 * 5-4-2 form of a package ({@code 00023-1145-01}), or the 5-4 form of a product ({@code
 * 00023-3919}).
 */
final class Ndc {
  private static final Pattern HYPHENATED = Pattern.compile("(\\d{4,5})-(\\d{3,4})(?:-(\\d{1,2}))?");
  private static final Pattern DIGITS = Pattern.compile("\\d{10,11}");

  private Ndc() {}

  /**
   * The 5-4-2 (or, without a package, 5-4) form of a hyphenated NDC: 4-4-2, 5-3-2, 5-4-1 and
   * 5-4-2 are padded with leading zeros in the short segment; an 11-digit NDC without hyphens is
   * split 5-4-2. Null when it is not written as an NDC, or is 10 digits without hyphens (see
   * {@link #candidates}).
   */
  static String normalize(String code) {
    if (code == null) {
      return null;
    }
    String c = code.trim();
    Matcher m = HYPHENATED.matcher(c);
    if (m.matches()) {
      String labeler = m.group(1);
      String product = m.group(2);
      String pkg = m.group(3);
      int digits = labeler.length() + product.length() + (pkg == null ? 0 : pkg.length());
      if (pkg == null ? digits != 8 && digits != 9 : digits != 10 && digits != 11) {
        return null;
      }
      String out = pad(labeler, 5) + "-" + pad(product, 4);
      return pkg == null ? out : out + "-" + pad(pkg, 2);
    }
    if (c.length() == 11 && DIGITS.matcher(c).matches()) {
      return c.substring(0, 5) + "-" + c.substring(5, 9) + "-" + c.substring(9);
    }
    return null;
  }

  /**
   * Every 5-4-2 form an NDC may mean: one for a hyphenated or 11-digit code, three for 10 digits
   * without hyphens (4-4-2, 5-3-2, 5-4-1); none when it is not an NDC.
   */
  static List<String> candidates(String code) {
    List<String> out = new ArrayList<>();
    String one = normalize(code);
    if (one != null) {
      out.add(one);
      return out;
    }
    String c = code == null ? "" : code.trim();
    if (c.length() == 10 && DIGITS.matcher(c).matches()) {
      out.add("0" + c.substring(0, 4) + "-" + c.substring(4, 8) + "-" + c.substring(8));
      out.add(c.substring(0, 5) + "-0" + c.substring(5, 8) + "-" + c.substring(8));
      out.add(c.substring(0, 5) + "-" + c.substring(5, 9) + "-0" + c.substring(9));
    }
    return out;
  }

  /** The product part (5-4) of a 5-4-2 package code. */
  static String product(String ndc542) {
    return ndc542.length() > 10 ? ndc542.substring(0, 10) : ndc542;
  }

  private static String pad(String s, int n) {
    return "0".repeat(Math.max(0, n - s.length())) + s;
  }
}
