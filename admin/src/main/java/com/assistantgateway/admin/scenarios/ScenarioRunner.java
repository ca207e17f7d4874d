package com.assistantgateway.admin.scenarios;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.admin.audit.AuditTrail;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.CanonicalJson;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.Citation;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.AnswerOutcome;
import com.assistantgateway.routes.port.AnswerPolicies;
import com.assistantgateway.routes.port.AnswerPolicy;
import com.assistantgateway.routes.port.AssistantAnswer;
import com.assistantgateway.routes.port.AssistantRequest;
import com.assistantgateway.routes.port.Assistants;
import com.assistantgateway.routes.port.PolicyTrials;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Runs an assistant's scenarios through the same answer path customers reach (language, handover rules, policies,
 * retrieval, the model), checks what each must hold, and stores the report. Deterministic checks only: they hold or
 * fail the same way offline and in the build.
 */
@Service
public class ScenarioRunner {

    static final ChannelId CHANNEL = new ChannelId("webhook");
    private static final int MAX_SCENARIOS = 500;

    private final Assistants assistants;
    private final AnswerPolicies policies;
    private final PolicyTrials trials;
    private final ScenarioMapper mapper;
    private final AuditTrail audit;
    private final Clock clock;

    public ScenarioRunner(
            Assistants assistants,
            AnswerPolicies policies,
            PolicyTrials trials,
            ScenarioMapper mapper,
            AuditTrail audit,
            Clock clock) {
        this.clock = clock;
        this.assistants = assistants;
        this.policies = policies;
        this.trials = trials;
        this.mapper = mapper;
        this.audit = audit;
    }

    public ScenarioSet set(TenantId tenantId, AssistantId assistantId) {
        return mapper.set(tenantId, assistantId).map(ScenarioRunner::readSet).orElse(new ScenarioSet(List.of()));
    }

    public ScenarioSet saveSet(TenantId tenantId, AssistantId assistantId, ScenarioSet set, String actor) {
        if (set.scenarios().size() > MAX_SCENARIOS) {
            throw AdminProblem.invalid("a set holds at most " + MAX_SCENARIOS + " scenarios");
        }
        for (ScenarioSet.Scenario scenario : set.scenarios()) {
            if (scenario.name() == null
                    || scenario.name().isBlank()
                    || scenario.turns().isEmpty()) {
                throw AdminProblem.invalid("every scenario needs a name and at least one customer message");
            }
        }
        String document = CanonicalJson.write(set);
        Instant now = clock.instant();
        if (mapper.updateSet(tenantId, assistantId, document, now) == 0) {
            mapper.insertSet(tenantId, assistantId, document, now);
        }
        audit.record(
                tenantId,
                actor,
                "scenarios.saved",
                "assistant",
                assistantId.value(),
                CanonicalJson.write(Map.of("scenarios", set.scenarios().size())));
        return set;
    }

    /** Runs the assistant's stored scenarios and stores the report. */
    public ScenarioReport run(TenantId tenantId, AssistantId assistantId, String actor) {
        ScenarioSet set = set(tenantId, assistantId);
        if (set.scenarios().isEmpty()) {
            throw AdminProblem.conflict("the assistant has no scenarios yet");
        }
        String runId = UUID.randomUUID().toString();
        Instant started = clock.instant();
        AnswerPolicy policy = policies.current(tenantId, assistantId);
        List<ScenarioReport.Result> results = new ArrayList<>();
        for (ScenarioSet.Scenario scenario : set.scenarios()) {
            results.add(run(tenantId, assistantId, scenario, policy));
        }
        ScenarioReport report =
                new ScenarioReport(runId, assistantId.value(), started, results, totals(set.scenarios(), results));
        mapper.insertRun(
                tenantId,
                runId,
                assistantId,
                started,
                report.totals().passed(),
                report.totals().total(),
                CanonicalJson.write(report));
        audit.record(
                tenantId,
                actor,
                "scenarios.run",
                "assistant",
                assistantId.value(),
                CanonicalJson.write(Map.of(
                        "run",
                        runId,
                        "passed",
                        report.totals().passed(),
                        "total",
                        report.totals().total())));
        return report;
    }

    public List<ScenarioMapper.RunSummary> runs(TenantId tenantId, AssistantId assistantId) {
        return mapper.runs(tenantId, assistantId, 50);
    }

    public ScenarioReport report(TenantId tenantId, String runId) {
        String json = mapper.run(tenantId, runId).orElseThrow(AdminProblem::notFound);
        try {
            return CanonicalJson.mapper().readValue(json, ScenarioReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored scenario run is not readable", e);
        }
    }

    /** Scenario by scenario, what changed between two runs: {@code name -> "passed -> failed"}. */
    public Map<String, String> compare(TenantId tenantId, String baseRun, String otherRun) {
        ScenarioReport base = report(tenantId, baseRun);
        ScenarioReport other = report(tenantId, otherRun);
        Map<String, String> changes = new LinkedHashMap<>();
        Map<String, ScenarioReport.Result> before = new LinkedHashMap<>();
        base.results().forEach(r -> before.put(r.name(), r));
        for (ScenarioReport.Result after : other.results()) {
            ScenarioReport.Result was = before.remove(after.name());
            String from = was == null ? "new" : was.passed() ? "passed" : "failed";
            String to = after.passed() ? "passed" : "failed";
            if (!from.equals(to)) {
                changes.put(after.name(), from + " -> " + to);
            }
        }
        before.keySet().forEach(name -> changes.put(name, "removed"));
        return changes;
    }

    private ScenarioReport.Result run(
            TenantId tenantId, AssistantId assistantId, ScenarioSet.Scenario scenario, AnswerPolicy policy) {
        ConversationId conversation = new ConversationId("scenario-" + UUID.randomUUID());
        List<GatewayMessage> history = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        ScenarioSet.Expectation expect = scenario.expect();
        AssistantAnswer answer = null;
        long began = System.nanoTime();
        for (String turn : scenario.turns()) {
            for (String personal : expect.neverSent()) {
                // What the assistant (and so the model) is given, redacted exactly as the answer path does it.
                String given = policy.enabled() ? trials.trial(policy, turn).redacted() : turn;
                if (given.contains(personal)) {
                    failures.add("personal data reached the assistant: " + mask(personal));
                }
            }
            GatewayMessage message = GatewayMessage.inbound()
                    .id(MessageId.random())
                    .tenant(tenantId)
                    .assistant(assistantId)
                    .conversation(conversation)
                    .channel(CHANNEL)
                    .from("scenario@test.invalid")
                    .text(turn)
                    .locale(scenario.locale())
                    .build();
            try {
                answer = assistants.answer(new AssistantRequest(message, history, null, false));
            } catch (RuntimeException e) {
                failures.add("the answer failed: " + e.getMessage());
                break;
            }
            history.add(message);
            history.add(message.reply(
                    MessageId.random(),
                    answer.text(),
                    answer.citations(),
                    answer.confidence(),
                    answer.metadata(),
                    clock.instant()));
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        if (answer == null) {
            return new ScenarioReport.Result(
                    scenario.name(), false, failures, "failed", 0.0, null, null, List.of(), "", millis);
        }
        check(expect, answer, failures);
        return new ScenarioReport.Result(
                scenario.name(),
                failures.isEmpty(),
                failures,
                answer.outcome().code(),
                answer.confidence(),
                answer.language(),
                answer.handover() == null ? null : answer.handover().code(),
                answer.citations().stream().map(Citation::source).toList(),
                answer.text(),
                millis);
    }

    private static void check(ScenarioSet.Expectation expect, AssistantAnswer answer, List<String> failures) {
        if (!expect.outcome().isEmpty()
                && !expect.outcome().contains(answer.outcome().code())) {
            failures.add("outcome " + answer.outcome().code() + ", expected " + String.join(" or ", expect.outcome()));
        }
        if (expect.cites() != null
                && answer.citations().stream().noneMatch(c -> c.source().equals(expect.cites()))) {
            failures.add("does not cite " + expect.cites());
        }
        String text = answer.text().toLowerCase(Locale.ROOT);
        for (String word : expect.contains()) {
            if (!text.contains(word.toLowerCase(Locale.ROOT))) {
                failures.add("does not contain '" + word + "'");
            }
        }
        for (String word : expect.notContains()) {
            if (text.contains(word.toLowerCase(Locale.ROOT))) {
                failures.add("contains '" + word + "'");
            }
        }
        if (expect.language() != null && !expect.language().equals(answer.language())) {
            failures.add("answered in " + answer.language() + ", expected " + expect.language());
        }
        if (expect.handover() != null
                && (answer.handover() == null
                        || !expect.handover().equals(answer.handover().code()))) {
            failures.add("no handover for " + expect.handover());
        }
    }

    static ScenarioReport.Totals totals(List<ScenarioSet.Scenario> scenarios, List<ScenarioReport.Result> results) {
        int passed = 0;
        int answersExpected = 0;
        int answersRight = 0;
        int cited = 0;
        int citedRight = 0;
        int escalationsRight = 0;
        int violations = 0;
        double leastConfidentAnswer = Double.MAX_VALUE;
        double mostConfidentUnknown = -1;
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ScenarioSet.Expectation expect = scenarios.get(i).expect();
            ScenarioReport.Result result = results.get(i);
            passed += result.passed() ? 1 : 0;
            times.add(result.millis());
            if (expect.expectsAnswer()) {
                answersExpected++;
                answersRight += result.passed() ? 1 : 0;
                leastConfidentAnswer = Math.min(leastConfidentAnswer, result.confidence());
            }
            if (expect.outcome().contains(AnswerOutcome.DONT_KNOW.code())
                    && !AnswerOutcome.HANDED_OVER.code().equals(result.outcome())) {
                mostConfidentUnknown = Math.max(mostConfidentUnknown, result.confidence());
            }
            if (expect.cites() != null) {
                cited += result.cited().size();
                citedRight += (int)
                        result.cited().stream().filter(expect.cites()::equals).count();
            }
            boolean handedOver = AnswerOutcome.HANDED_OVER.code().equals(result.outcome());
            boolean shouldHandOver = expect.expectsHandover();
            boolean mayHandOver = expect.outcome().isEmpty() || expect.outcome().contains("handed-over");
            escalationsRight += handedOver == shouldHandOver || handedOver && mayHandOver ? 1 : 0;
            violations += (int) result.failures().stream()
                    .filter(f -> f.startsWith("personal data") || f.startsWith("contains '"))
                    .count();
        }
        times.sort(Long::compare);
        double threshold = mostConfidentUnknown >= 0
                        && leastConfidentAnswer < Double.MAX_VALUE
                        && mostConfidentUnknown < leastConfidentAnswer
                ? Math.round((mostConfidentUnknown + leastConfidentAnswer) / 2 * 100) / 100.0
                : Double.NaN;
        return new ScenarioReport.Totals(
                passed,
                results.size(),
                answersExpected == 0 ? 1.0 : answersRight / (double) answersExpected,
                cited == 0 ? 1.0 : citedRight / (double) cited,
                results.isEmpty() ? 1.0 : escalationsRight / (double) results.size(),
                violations,
                times.isEmpty() ? 0 : times.get(times.size() / 2),
                times.isEmpty() ? 0 : times.get(Math.min(times.size() - 1, (int) Math.ceil(times.size() * 0.95) - 1)),
                threshold);
    }

    public static ScenarioSet readSet(String json) {
        try {
            return CanonicalJson.mapper().readValue(json, ScenarioSet.class);
        } catch (JsonProcessingException e) {
            throw AdminProblem.invalid("the scenarios are not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String mask(String personal) {
        return personal.length() <= 4
                ? "****"
                : personal.substring(0, 2) + "…" + personal.substring(personal.length() - 2);
    }
}
