package org.botoxeligibility.rules;

import static org.botoxeligibility.intake.ConditionCode.CHRONIC_MIGRAINE;
import static org.botoxeligibility.intake.ConditionCode.MIGRAINE;
import static org.botoxeligibility.intake.ConditionCode.TENSION_TYPE_HEADACHE;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE;
import static org.botoxeligibility.assessment.Effect.NEEDS_MEDICAL_EVALUATION;
import static org.botoxeligibility.assessment.Effect.NOT_ELIGIBLE;
import static org.botoxeligibility.testing.Reasons.decision;
import static org.botoxeligibility.testing.Reasons.noReason;
import static org.botoxeligibility.testing.Reasons.reason;
import static org.botoxeligibility.testing.Reasons.reasons;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RuleCase;

/** Cases for the rules of rules/migraine.drl: for each rule, a case where it applies and a near miss. */
final class MigraineCases {
  private MigraineCases() {}

  /** A chronic migraine concern with the given headache facts; payer criteria met. */
  private static Intakes migraine(Integer headacheDays, Integer migraineDays, Double hours, Integer months) {
    return Intakes.patient().concern(Intakes.chronicMigraine("c1").withHeadache(headacheDays, migraineDays, hours, months));
  }

  static List<RuleCase> cases() {
    return List.of(
        // Criteria met.
        RuleCase.of("given chronic migraine with 18 headache days, 10 migraine days, 6 hours a day for 14 months, then the chronic migraine criteria are met",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")),
            a -> {
              reason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_MET", ELIGIBLE, "18 headache days", "14 months", "6 hours", "10 of them migraine days");
              noReason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_NOT_MET");
              noReason(a, "c1", "MISSING_INFORMATION");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given chronic migraine exactly at every threshold (15 headache days, 8 migraine days, 4 hours, 4 months), then the chronic migraine criteria are met",
            migraine(15, 8, 4.0, 4),
            a -> {
              reason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_MET", ELIGIBLE, "15 headache days", "4 months", "4 hours", "8 of them migraine days");
              noReason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_NOT_MET");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given chronic migraine without migraine days a month, then the chronic migraine criteria are met on the other three facts",
            migraine(18, null, 6.0, 14),
            a -> {
              var r = reason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_MET", ELIGIBLE, "18 headache days", "14 months", "6 hours");
              assertThat(r.message()).doesNotContain("of them migraine days");
              noReason(a, "c1", "MISSING_INFORMATION");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given migraine (alias) with 18 headache days and every other criterion, then it is classified and the chronic migraine criteria are met",
            Intakes.patient().concern(Intakes.chronicMigraine("c1").withCondition(MIGRAINE)),
            a -> {
              reason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_MET", ELIGIBLE, "18 headache days");
              decision(a, "c1", ELIGIBLE);
            }),
        // Headache days: 14 fails, 15 passes.
        RuleCase.of("given chronic migraine with 14 headache days a month, then too few headache days: chronic migraine criteria not met",
            migraine(14, 10, 6.0, 14),
            a -> {
              reason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_NOT_MET", NOT_ELIGIBLE, "14 headache days", "15");
              noReason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_MET");
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        RuleCase.of("given chronic migraine with 15 headache days a month, then the headache days are enough for chronic migraine",
            migraine(15, 10, 6.0, 14),
            a -> {
              noReason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_NOT_MET");
              reason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_MET", ELIGIBLE, "15 headache days");
            }),
        // Months with symptoms: 3 fails ("more than 3"), 4 passes.
        RuleCase.of("given chronic migraine with symptoms for 3 months, then symptoms are too recent: chronic migraine criteria not met",
            migraine(18, 10, 6.0, 3),
            a -> {
              reason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_NOT_MET", NOT_ELIGIBLE, "3 months", "more than 3 months");
              noReason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_MET");
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        RuleCase.of("given chronic migraine with symptoms for 4 months, then the symptom duration is long enough for chronic migraine",
            migraine(18, 10, 6.0, 4),
            a -> {
              noReason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_NOT_MET");
              reason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_MET", ELIGIBLE, "4 months");
            }),
        // Hours a day: 3.5 fails, 4 passes.
        RuleCase.of("given chronic migraine with headaches of 3.5 hours a day, then headaches are too short: chronic migraine criteria not met",
            migraine(18, 10, 3.5, 14),
            a -> {
              reason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_NOT_MET", NOT_ELIGIBLE, "3.5 hours", "4 hours");
              noReason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_MET");
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        RuleCase.of("given chronic migraine with headaches of 4 hours a day, then the headache duration is long enough for chronic migraine",
            migraine(18, 10, 4.0, 14),
            a -> {
              noReason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_NOT_MET");
              reason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_MET", ELIGIBLE, "4 hours");
            }),
        // Migraine days: 7 fails, 8 passes.
        RuleCase.of("given chronic migraine with 7 migraine days a month, then too few migraine days: chronic migraine criteria not met",
            migraine(18, 7, 6.0, 14),
            a -> {
              reason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_NOT_MET", NOT_ELIGIBLE, "7 migraine days", "8");
              noReason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_MET");
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        RuleCase.of("given chronic migraine with 8 migraine days a month, then the migraine days are enough for chronic migraine",
            migraine(18, 8, 6.0, 14),
            a -> {
              noReason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_NOT_MET");
              reason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_MET", ELIGIBLE, "8 of them migraine days");
            }),
        RuleCase.of("given chronic migraine failing both headache days and hours, then each failing criterion is its own chronic migraine criteria not met reason",
            migraine(12, null, 2.0, 14),
            a -> {
              assertThat(reasons(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_NOT_MET")).hasSize(2)
                  .anySatisfy(r -> assertThat(r.message()).contains("12 headache days"))
                  .anySatisfy(r -> assertThat(r.message()).contains("2 hours"));
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        // Missing facts.
        RuleCase.of("given chronic migraine without headache days a month, then the chronic migraine criteria need them (missing information)",
            migraine(null, null, 6.0, 14),
            a -> {
              reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "headacheDaysPerMonth", "15");
              noReason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_MET");
              noReason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_NOT_MET");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given chronic migraine without months with symptoms, then the chronic migraine criteria need them (missing information)",
            migraine(18, 10, 6.0, null),
            a -> {
              reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "monthsWithSymptoms", "more than 3 months");
              noReason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_MET");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given chronic migraine without headache hours a day, then the chronic migraine criteria need them (missing information)",
            migraine(18, 10, null, 14),
            a -> {
              reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "headacheHoursPerDay", "4 hours");
              noReason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_MET");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given chronic migraine with 14 headache days and no hours a day, then chronic migraine criteria not met and the missing hours are both reported",
            migraine(14, null, null, 14),
            a -> {
              reason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_NOT_MET", NOT_ELIGIBLE, "14 headache days");
              reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "headacheHoursPerDay");
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        // Other conditions: headache facts are read only for chronic migraine.
        RuleCase.of("given tension-type headache with 14 headache days and 2 hours a day, then no chronic migraine criteria are applied",
            Intakes.patient().concern(Concern.of("c1", TENSION_TYPE_HEADACHE).withHeadache(14, null, 2.0, 2)),
            a -> {
              noReason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_NOT_MET");
              noReason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_MET");
              noReason(a, "c1", "MISSING_INFORMATION");
            }),
        RuleCase.of("given migraine (alias) without a headache diary, then it stays unclassified and no chronic migraine missing-fact reasons are added",
            Intakes.with(MIGRAINE),
            a -> {
              assertThat(reasons(a, "c1", "MISSING_INFORMATION")).hasSize(1);
              noReason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_MET");
              noReason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_NOT_MET");
            }),
        RuleCase.of("given chronic migraine failing every criterion, then each reason cites its source: the PI for days and hours, ICHD-3 for months and migraine days",
            Intakes.patient().concern(Concern.of("c1", CHRONIC_MIGRAINE).withHeadache(14, 7, 3.5, 3).withPriorTherapiesFailed(2)),
            a -> {
              var sources = reasons(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_NOT_MET").stream()
                  .collect(java.util.stream.Collectors.toMap(r -> r.evidence().get(0).path(), r -> r.source()));
              assertThat(sources).containsEntry("/concerns/0/headacheDaysPerMonth", "BOTOX PI §1")
                  .containsEntry("/concerns/0/headacheHoursPerDay", "BOTOX PI §1")
                  .containsEntry("/concerns/0/monthsWithSymptoms", "ICHD-3 1.3")
                  .containsEntry("/concerns/0/migraineDaysPerMonth", "ICHD-3 1.3");
            }));
  }
}
