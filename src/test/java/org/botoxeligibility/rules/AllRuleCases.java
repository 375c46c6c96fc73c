package org.botoxeligibility.rules;

import java.util.ArrayList;
import java.util.List;
import org.botoxeligibility.testing.RuleCase;

/** Every rule case, file by file of rules/. */
public final class AllRuleCases {
  private AllRuleCases() {}

  public static List<RuleCase> all() {
    List<RuleCase> all = new ArrayList<>();
    all.addAll(ClassificationCases.cases());
    all.addAll(ContraindicationsCases.cases());
    all.addAll(PrecautionsCases.cases());
    all.addAll(PregnancyCases.cases());
    all.addAll(AgeCases.cases());
    all.addAll(LabelCases.cases());
    all.addAll(CosmeticCases.cases());
    all.addAll(InteractionsCases.cases());
    all.addAll(DosingCases.cases());
    all.addAll(DoseLimitCases.cases());
    all.addAll(WorkflowCases.cases());
    all.addAll(MigraineCases.cases());
    all.addAll(HyperhidrosisCases.cases());
    all.addAll(BladderCases.cases());
    all.addAll(EyesCases.cases());
    all.addAll(SpasticityCases.cases());
    all.addAll(PriorTherapyCases.cases());
    all.addAll(DecisionCases.cases());
    return all;
  }
}
