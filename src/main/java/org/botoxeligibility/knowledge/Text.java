package org.botoxeligibility.knowledge;

import java.math.BigDecimal;

/** Numbers in reason messages. */
public final class Text {
  private Text() {}

  /** A number as a clinician writes it: 6 rather than 6.0, 63.5 as is, at most two decimals. */
  public static String number(double value) {
    BigDecimal d = BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }
}
