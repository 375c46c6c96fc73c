package org.botoxeligibility.assessment;

import java.time.LocalDate;

/**
 * One reason behind a decision (formats.md §2): a stable code, its effect, a sentence naming the
 * facts used, the source, and the rule that concluded it.
 *
 * @param deferredUntil for a dated deferral: the first date treatment is possible; else null
 */
public record Reason(
    String code, Effect effect, String message, String source, String rule,
    LocalDate deferredUntil) {}
