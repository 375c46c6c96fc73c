package org.botoxeligibility.assessment;

/**
 * Whether a use is approved, used off label, or not recommended (the catalog's column "label",
 * docs/clinical-policy.md §2). A labelled condition injected outside its labelled areas is
 * reported {@link #OFF_LABEL}.
 */
public enum LabelStatus {
  /** An approved indication of onabotulinumtoxinA, injected in its labelled areas. */
  ON_LABEL,
  /** Used outside the label: allowed with informed consent ({@code OFF_LABEL_USE}). */
  OFF_LABEL,
  /** Trials showed no benefit, or another treatment is the usual one: refused. */
  NOT_RECOMMENDED
}
