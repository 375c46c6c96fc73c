package org.botoxeligibility.knowledge;

/** A workflow step a therapeutic concern still needs before booking (workflow.drl). */
public record Outstanding(String concernId, Requirement requirement) {}
