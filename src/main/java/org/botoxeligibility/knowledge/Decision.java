package org.botoxeligibility.knowledge;

/** The decision for a concern, folded by decision.drl from the concern's findings. */
public record Decision(String concernId, Effect decision, String rule) {}
