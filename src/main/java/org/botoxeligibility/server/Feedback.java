package org.botoxeligibility.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A CDS Hooks feedback body (cds-hooks.md §5): {@code {"feedback": [{"card", "outcome",
 * "overrideReason", "outcomeTimestamp", ...}]}}. Only what the audit trail keeps is read, and each
 * value is checked to be what it claims (a uuid, a code, a time), so no free text (a user's
 * comment) can reach the audit log.
 */
final class Feedback {
  private Feedback() {}

  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final Pattern SYSTEM = Pattern.compile("[A-Za-z0-9._:/#?=&%+-]{1,256}");
  static final int MAX_ITEMS = 100;

  /**
   * One feedback item as the audit trail keeps it.
   *
   * @param card the card's uuid
   * @param outcome {@code accepted} or {@code overridden}
   * @param overrideReasonSystem the override reason's system, or null
   * @param overrideReasonCode the override reason's code, or null
   * @param outcomeTimestamp when the user acted, in UTC (ISO 8601)
   */
  record Item(String card, String outcome, String overrideReasonSystem,
      String overrideReasonCode, String outcomeTimestamp) {}

  /**
   * Parses a feedback body.
   *
   * @param body the body
   * @return its items
   * @throws CallRefused 400 naming the item and field at fault
   */
  static List<Item> parse(byte[] body) throws CallRefused {
    JsonNode root = HookCall.readTree(body);
    JsonNode list = root.isObject() ? root.get("feedback") : null;
    if (list == null || !list.isArray()) {
      throw HookCall.bad("feedback: expected an array of feedback items");
    }
    if (list.size() > MAX_ITEMS) {
      throw HookCall.bad("feedback: at most " + MAX_ITEMS + " items in one call");
    }
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "feedback[" + i + "]";
      JsonNode item = list.get(i);
      if (!item.isObject()) {
        throw HookCall.bad(at + ": expected an object");
      }
      JsonNode card = item.get("card");
      if (card == null || !card.isTextual() || !UUID.matcher(card.asText()).matches()) {
        throw HookCall.bad(at + ".card: expected the uuid of a card of this service");
      }
      JsonNode outcome = item.get("outcome");
      if (outcome == null || !(outcome.asText().equals("accepted")
          || outcome.asText().equals("overridden")) || !outcome.isTextual()) {
        throw HookCall.bad(at + ".outcome: expected \"accepted\" or \"overridden\"");
      }
      String system = null;
      String code = null;
      JsonNode reason = item.path("overrideReason").path("reason");
      if (!reason.isMissingNode() && !reason.isNull()) {
        JsonNode c = reason.get("code");
        JsonNode s = reason.get("system");
        if (c == null || !c.isTextual() || !CODE.matcher(c.asText()).matches()) {
          throw HookCall.bad(at + ".overrideReason.reason.code: expected a code");
        }
        if (s != null && (!s.isTextual() || !SYSTEM.matcher(s.asText()).matches())) {
          throw HookCall.bad(at + ".overrideReason.reason.system: expected a URI");
        }
        code = c.asText();
        system = s == null ? "" : s.asText();
      }
      JsonNode time = item.get("outcomeTimestamp");
      String when;
      try {
        when = OffsetDateTime.parse(time == null ? "" : time.asText())
            .withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
      } catch (DateTimeParseException e) {
        throw HookCall.bad(at + ".outcomeTimestamp: expected a time such as "
            + "2026-11-27T10:05:31Z");
      }
      items.add(new Item(card.asText().toLowerCase(java.util.Locale.ROOT), outcome.asText(),
          system, code, when));
    }
    return items;
  }
}
