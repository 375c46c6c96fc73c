package org.botoxeligibility.knowledge;

/** Likely insurance coverage of a concern (clinical-policy.md §5), concluded by decision.drl. */
public record Coverage(String concernId, Insurance insurance, String rule) {}
