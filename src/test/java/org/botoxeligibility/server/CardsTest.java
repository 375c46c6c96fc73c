package org.botoxeligibility.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.engine.EligibilityEngine;
import org.botoxeligibility.fhir.FhirIntakeMapper;
import org.botoxeligibility.fhir.Mapping;
import org.botoxeligibility.json.AssessmentWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hooks through a real server with the real mapper and engine (cds-hooks.md §3, §4): a card
 * per toxin order with the indicator of its decision, every card field, the empty answer, 412 and
 * 422 and their precedence, order-select's selection, the audit line of an evaluated call.
 */
class CardsTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  @TempDir static Path dir;
  static Tokens tokens;
  static CdsServer server;
  static Path audit;

  @BeforeAll
  static void start() throws Exception {
    tokens = new Tokens();
    audit = dir.resolve("audit.ndjson");
    server = CdsServer.builder().port(0).trust(tokens.trust()).clock(Tokens.CLOCK)
        .auditLog(audit).start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static Http.Answer call(String service, String body) {
    String path = "/cds-services/" + service;
    return Http.post(URI.create(server.baseUrl() + path),
        tokens.es384(server.baseUrl() + path), body);
  }

  static Http.Answer sign(String body) {
    return call(Services.ORDER_SIGN, body);
  }

  static JsonNode onlyCard(Http.Answer a) {
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    JsonNode cards = a.json().get("cards");
    assertThat(cards).hasSize(1);
    return cards.get(0);
  }

  @Test
  void given_the_four_cases_then_each_decision_gets_its_indicator() {
    Map<String, String> cases = Records.indicatorCases("order-sign", "sign");
    JsonNode info = onlyCard(sign(cases.get("info")));
    JsonNode evaluation = onlyCard(sign(cases.get("warning-evaluation")));
    JsonNode deferred = onlyCard(sign(cases.get("warning-deferred")));
    JsonNode critical = onlyCard(sign(cases.get("critical")));

    assertThat(decision(info)).isEqualTo("ELIGIBLE");
    assertThat(info.get("indicator").asText()).isEqualTo("info");
    assertThat(decision(evaluation)).isEqualTo("NEEDS_MEDICAL_EVALUATION");
    assertThat(evaluation.get("indicator").asText()).isEqualTo("warning");
    assertThat(decision(deferred)).isEqualTo("DEFERRED");
    assertThat(deferred.get("indicator").asText()).isEqualTo("warning");
    assertThat(decision(critical)).isEqualTo("NOT_ELIGIBLE");
    assertThat(critical.get("indicator").asText()).isEqualTo("critical");
    for (JsonNode card : List.of(info, evaluation, deferred, critical)) {
      assertThat(card.get("summary").asText()).startsWith("Frown lines (glabellar lines): ").hasSizeLessThan(140);
      assertThat(card.get("source").get("label").asText())
          .isEqualTo("botox-eligibility knowledge base " + server.knowledgeBaseVersion());
      assertThat(card.get("source").get("topic").get("system").asText())
          .isEqualTo("urn:botox-eligibility:decision");
      assertThat(card.get("source").get("topic").get("code").asText()).isEqualTo(decision(card));
      assertThat(card.get("detail").asText()).contains("**Reasons**", "**Insurance**",
          "**Earliest treatment date**", "**Outstanding requirements**");
    }
    assertThat(info.get("summary").asText()).isEqualTo("Frown lines (glabellar lines): eligible (ready to book)");
    assertThat(critical.get("summary").asText())
        .isEqualTo("Frown lines (glabellar lines): not eligible (botulinum toxin "
            + "hypersensitivity)");
    assertThat(info.has("overrideReasons")).isFalse();
    assertThat(info.has("suggestions")).isFalse();
    for (JsonNode card : List.of(evaluation, deferred, critical)) {
      assertThat(card.get("overrideReasons")).isNotEmpty();
      for (JsonNode reason : card.get("overrideReasons")) {
        assertThat(reason.get("system").asText()).isIn(Cards.NON_ADHERENCE,
            Cards.LOCAL_OVERRIDE);
        assertThat(reason.get("code").asText()).isNotBlank();
        assertThat(reason.get("display").asText()).isNotBlank();
      }
    }
    assertThat(evaluation.has("suggestions")).isFalse();
    assertThat(critical.get("selectionBehavior").asText()).isEqualTo("at-most-one");
    JsonNode suggestion = critical.get("suggestions").get(0);
    assertThat(suggestion.get("label").asText()).isEqualTo("Cancel the botulinum toxin order");
    JsonNode action = suggestion.get("actions").get(0);
    assertThat(action.get("type").asText()).isEqualTo("delete");
    assertThat(action.get("resourceId").asText()).isEqualTo("MedicationRequest/mr-glabellar");
    assertThat(critical.get("detail").asText()).contains("BOTULINUM\\_TOXIN\\_HYPERSENSITIVITY");
    for (JsonNode card : List.of(info, evaluation, deferred, critical)) {
      assertDetailNamesEveryResource(card);
    }
  }

  @Test
  void given_a_refusal_for_unmet_criteria_then_the_card_is_a_warning_not_critical() {
    // 10 headache days a month: chronic migraine criteria not met, NOT_ELIGIBLE, no harm
    String body = Records.migraine("criteria-not-met").bundle("observations",
        Records.migraineObservations().stream().map(o -> o.replace("\"valueInteger\":18",
            "\"valueInteger\":10")).toArray(String[]::new)).json();
    JsonNode card = onlyCard(sign(body));

    assertThat(decision(card)).isEqualTo("NOT_ELIGIBLE");
    assertThat(card.get("extension").get(Cards.EXTENSION).get("reasons").toString())
        .contains("CHRONIC_MIGRAINE_CRITERIA_NOT_MET")
        .doesNotContain(Cards.HARM.toArray(String[]::new));
    assertThat(card.get("indicator").asText()).isEqualTo("warning");
    assertThat(card.get("overrideReasons")).isNotEmpty();
  }

  @Test
  void given_the_harm_codes_then_each_is_a_reason_code_of_the_knowledge_base() {
    for (String code : Cards.HARM) {
      assertThat(org.botoxeligibility.knowledge.ReasonCode.valueOf(code).name()).isEqualTo(code);
    }
  }

  @Test
  void given_a_refusal_resting_on_a_contraindication_beside_unmet_criteria_then_critical() {
    String body = Records.migraine("criteria-and-allergy").bundle("observations",
        Records.migraineObservations().stream().map(o -> o.replace("\"valueInteger\":18",
            "\"valueInteger\":10")).toArray(String[]::new))
        .bundle("allergies", Records.TOXIN_ALLERGY).json();
    JsonNode card = onlyCard(sign(body));

    assertThat(card.get("extension").get(Cards.EXTENSION).get("reasons").toString())
        .contains("CHRONIC_MIGRAINE_CRITERIA_NOT_MET", "BOTULINUM_TOXIN_HYPERSENSITIVITY");
    assertThat(card.get("indicator").asText()).isEqualTo("critical");
  }

  @Test
  void given_a_call_then_the_extension_is_the_recommendation_as_the_assessment_writes_it() {
    String body = Records.indicatorCases("order-sign", "ext").get("critical");
    JsonNode card = onlyCard(sign(body));

    JsonNode expected = Records.parse(independently(body, true));
    assertThat(card.get("extension").get(Cards.EXTENSION)).isEqualTo(expected);
    assertThat(card.get("uuid").asText()).isEqualTo(Cards.uuid("ext-allergic", "mr-glabellar"));
  }

  /** The recommendation the library gives for the same record, without the server. */
  static String independently(String callJson, boolean signing) {
    JsonNode call = Records.parse(callJson);
    HookCall parsed;
    try {
      parsed = HookCall.parse(callJson.getBytes(StandardCharsets.UTF_8),
          Services.byId(signing ? Services.ORDER_SIGN : Services.ORDER_SELECT));
    } catch (CallRefused e) {
      throw new AssertionError(e);
    }
    EligibilityEngine engine = EligibilityEngine.withDefaultKnowledgeBase();
    FhirIntakeMapper.Options options = FhirIntakeMapper.Options.orders()
        .withIntakeId("cds-" + call.get("hookInstance").asText());
    options = signing ? options.signing() : options.withSelectedOrders(parsed.selections());
    Mapping m = FhirIntakeMapper.create().map(PatientRecord.bundle(parsed, Map.of()), TODAY,
        options);
    assertThat(m.problems()).isEmpty();
    Assessment a = engine.evaluate(m.intake()).withProvenance(m.provenance());
    return new AssessmentWriter().compact(a.recommendations().get(0));
  }

  @Test
  void given_the_same_call_twice_then_the_same_cards() {
    String body = Records.indicatorCases("order-sign", "twice").get("warning-deferred");
    Http.Answer first = sign(body);
    Http.Answer second = sign(body);

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body());
  }

  @Test
  void given_no_toxin_order_then_200_with_no_cards() {
    String body = new Records.Call("order-sign", "no-toxin").draft(Records.IBUPROFEN_ORDER)
        .resource("patient", Records.PATIENT).restEmpty().json();
    Http.Answer a = sign(body);

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().get("cards")).isEmpty();
  }

  @Test
  void given_no_toxin_order_and_missing_keys_without_a_fhir_server_then_200_before_412() {
    String body = new Records.Call("order-sign", "no-toxin-missing")
        .draft(Records.IBUPROFEN_ORDER).json();
    Http.Answer a = sign(body);

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().get("cards")).isEmpty();
  }

  @Test
  void given_missing_prefetch_keys_and_no_fhir_server_then_412_naming_them() {
    String body = Records.glabellar("order-sign", "missing-keys")
        .bundle("observations", Records.NOT_PREGNANT).nothing("conditions").json();
    Http.Answer a = sign(body);

    assertThat(a.status()).isEqualTo(412);
    EndpointsTest.assertOutcome(a, "incomplete");
    assertThat(a.diagnostics()).contains("allergies", "medicationStatements",
        "medicationRequests", "procedures", "medicationAdministrations", "encounters")
        .doesNotContain("conditions,", "observations,", "patient,");
  }

  @Test
  void given_an_operation_outcome_as_a_prefetch_value_then_the_key_counts_as_missing() {
    String body = Records.glabellar("order-sign", "oo-prefetch").restEmpty()
        .resource("allergies", "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":"
            + "\"error\",\"code\":\"timeout\"}]}").json();
    Http.Answer a = sign(body);

    assertThat(a.status()).isEqualTo(412);
    assertThat(a.diagnostics()).contains("allergies");
  }

  @Test
  void given_a_partial_birth_date_then_422_listing_the_problem() {
    String body = new Records.Call("order-sign", "partial-birth-date")
        .draft(Records.glabellarOrder("mr-glabellar"))
        .resource("patient", Records.PATIENT.replace("1988-04-02", "1988")).restEmpty().json();
    Http.Answer a = sign(body);

    assertThat(a.status()).as(a.body()).isEqualTo(422);
    EndpointsTest.assertOutcome(a, "processing");
    assertThat(a.body()).contains("birthDate");
  }

  @Test
  void given_a_mapping_problem_and_a_missing_key_then_412_comes_before_422() {
    String body = new Records.Call("order-sign", "partial-and-missing")
        .draft(Records.glabellarOrder("mr-glabellar"))
        .resource("patient", Records.PATIENT.replace("1988-04-02", "1988")).json();
    assertThat(sign(body).status()).isEqualTo(412);
  }

  @Test
  void given_order_select_then_only_the_selected_toxin_order_gets_a_card() {
    String body = new Records.Call("order-select", "select-one")
        .draft(Records.glabellarOrder("mr-a")).draft(Records.glabellarOrder("mr-b"))
        .draft(Records.IBUPROFEN_ORDER).select("MedicationRequest/mr-b")
        .resource("patient", Records.PATIENT)
        .bundle("observations", Records.NOT_PREGNANT, Records.NOT_BREASTFEEDING)
        .restEmpty().json();
    JsonNode card = onlyCard(call(Services.ORDER_SELECT, body));

    assertThat(card.get("extension").get(Cards.EXTENSION).get("concernId").asText())
        .isEqualTo("mr-b");
    assertThat(card.get("uuid").asText()).isEqualTo(Cards.uuid("select-one", "mr-b"));
  }

  @Test
  void given_order_select_of_a_non_toxin_order_then_no_cards() {
    String body = new Records.Call("order-select", "select-other")
        .draft(Records.glabellarOrder("mr-a")).draft(Records.IBUPROFEN_ORDER)
        .select("MedicationRequest/mr-ibuprofen").resource("patient", Records.PATIENT)
        .restEmpty().json();
    Http.Answer a = call(Services.ORDER_SELECT, body);

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().get("cards")).isEmpty();
  }

  @Test
  void given_order_select_then_the_prescription_is_outstanding_and_order_sign_issues_it() {
    String select = Records.migraine("migraine-select").json()
        .replace("\"hook\":\"order-sign\"", "\"hook\":\"order-select\"")
        .replace("\"patientId\":\"p1\"", "\"patientId\":\"p1\",\"selections\":"
            + "[\"MedicationRequest/mr-migraine\"]");
    JsonNode selected = onlyCard(call(Services.ORDER_SELECT, select));
    JsonNode signed = onlyCard(sign(Records.migraine("migraine-sign").json()));

    assertThat(selected.get("extension").get(Cards.EXTENSION)
        .get("outstandingRequirements").toString()).contains("PRESCRIPTION");
    assertThat(signed.get("extension").get(Cards.EXTENSION)
        .get("outstandingRequirements").toString()).doesNotContain("PRESCRIPTION");
    assertThat(signed.get("detail").asText()).contains("Rests on:");
    assertDetailNamesEveryResource(signed);
  }

  @Test
  void given_an_evaluated_call_then_one_audit_line_with_hook_and_hook_instance()
      throws Exception {
    sign(Records.indicatorCases("order-sign", "audited").get("info"));

    List<String> lines = EndpointsTest.lines(audit).stream()
        .filter(l -> l.contains("audited-eligible")).toList();
    assertThat(lines).hasSize(1);
    JsonNode line = Http.JSON.readTree(lines.get(0));
    assertThat(line.get("event").asText()).isEqualTo("evaluation");
    assertThat(line.get("hook").asText()).isEqualTo("order-sign");
    assertThat(line.get("hookInstance").asText()).isEqualTo("audited-eligible");
    assertThat(line.get("intakeId").asText()).isEqualTo("cds-audited-eligible");
    assertThat(line.get("intakeSha256").asText()).matches("[0-9a-f]{64}");
    assertThat(line.get("concerns").get(0).get("decision").asText()).isEqualTo("ELIGIBLE");
    assertThat(lines.get(0)).doesNotContain("1988", "p1\"", "GLABELLAR");
  }

  /** Every FHIR resource in the recommendation's evidence is named in the card's detail. */
  static void assertDetailNamesEveryResource(JsonNode card) {
    for (JsonNode reason : card.get("extension").get(Cards.EXTENSION).get("reasons")) {
      for (JsonNode evidence : reason.get("evidence")) {
        if (evidence.has("resource")) {
          assertThat(card.get("detail").asText()).contains(evidence.get("resource").asText());
        }
      }
    }
  }

  static String decision(JsonNode card) {
    return card.get("extension").get(Cards.EXTENSION).get("decision").asText();
  }
}
