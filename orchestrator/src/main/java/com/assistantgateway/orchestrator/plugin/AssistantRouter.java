package com.assistantgateway.orchestrator.plugin;

import com.assistantgateway.orchestrator.answer.Phrases;
import com.assistantgateway.orchestrator.handover.HandoverRules;
import com.assistantgateway.orchestrator.knowledge.Language;
import com.assistantgateway.orchestrator.knowledge.LanguageDetector;
import com.assistantgateway.orchestrator.policy.AnswerRules;
import com.assistantgateway.orchestrator.policy.NameDetector;
import com.assistantgateway.orchestrator.policy.PersonalData;
import com.assistantgateway.orchestrator.policy.Placeholders;
import com.assistantgateway.orchestrator.policy.TopicRules;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.port.AnswerOutcome;
import com.assistantgateway.routes.port.AnswerPolicies;
import com.assistantgateway.routes.port.AnswerPolicy;
import com.assistantgateway.routes.port.AssistantAnswer;
import com.assistantgateway.routes.port.AssistantProfile;
import com.assistantgateway.routes.port.AssistantRequest;
import com.assistantgateway.routes.port.Assistants;
import com.assistantgateway.routes.port.HandoverReason;
import com.assistantgateway.routes.port.PolicyDecision;
import com.assistantgateway.routes.port.ScrapedPages;
import com.assistantgateway.routes.port.TenantDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Hands each message to the plugin of the assistant it is addressed to, through the steps every customer-facing answer
 * takes, in this order:
 *
 * <ol>
 *   <li>the customer's language ({@link LanguageDetector}, else their locale, else the assistant's);
 *   <li>handover rules that need no answer: a request for a person, files without text, a repeated question;
 *   <li>the policy before the answer: personal data replaced by placeholders (question and history), refused and
 *       allowed topics;
 *   <li>the plugin's answer, from the redacted text;
 *   <li>the policy after it: tone and length (rewritten once, else handed over), the disclaimer; a confidence below
 *       the threshold hands over where the assistant says so; placeholders restored for the customer.
 * </ol>
 *
 * Every decision a policy makes travels with the answer, to be audited with the policy's version.
 */
@Service
public class AssistantRouter implements Assistants {

    private static final Logger log = LoggerFactory.getLogger(AssistantRouter.class);

    private final TenantDirectory directory;
    private final Map<String, AssistantPlugin> plugins;
    private final LanguageDetector languages;
    private final HandoverRules handover;
    private final PersonalData personalData;
    private final TopicRules topics;
    private final AnswerPolicies policies;

    public AssistantRouter(
            TenantDirectory directory,
            List<AssistantPlugin> plugins,
            LanguageDetector languages,
            HandoverRules handover,
            PersonalData personalData,
            TopicRules topics,
            AnswerPolicies policies) {
        this.directory = directory;
        this.plugins = plugins.stream()
                .collect(Collectors.toUnmodifiableMap(p -> p.manifest().type(), Function.identity()));
        this.languages = languages;
        this.handover = handover;
        this.personalData = personalData;
        this.topics = topics;
        this.policies = policies;
    }

    public List<AssistantManifest> manifests() {
        return plugins.values().stream().map(AssistantPlugin::manifest).toList();
    }

    @Override
    public AssistantAnswer answer(AssistantRequest request) {
        GatewayMessage message = request.message();
        AssistantProfile profile = directory
                .assistant(message.tenantId(), message.assistantId())
                .orElseThrow(() -> new IllegalStateException(
                        "assistant " + message.assistantId() + " of tenant " + message.tenantId() + " is not active"));
        AssistantPlugin plugin = plugins.get(profile.type());
        if (plugin == null) {
            throw new IllegalStateException("no plugin for assistant type " + profile.type());
        }
        if (!plugin.manifest().supports(message.channel())) {
            throw new IllegalStateException(profile.type() + " assistants do not answer on " + message.channel());
        }
        if (!plugin.talksToCustomers() || ScrapedPages.CHANNEL.equals(message.channel())) {
            return plugin.answer(profile, request);
        }
        return answerCustomer(plugin, profile, request);
    }

    private AssistantAnswer answerCustomer(AssistantPlugin plugin, AssistantProfile profile, AssistantRequest request) {
        GatewayMessage message = request.message();
        Language language = (message.hasOwnText() ? languages.detect(message.text()) : Optional.<Language>empty())
                .or(() -> Language.of(message.locale()))
                .or(() -> profile.setting("language").flatMap(Language::of))
                .orElse(Language.ENGLISH);
        Optional<HandoverReason> early = handover.before(message, request.history());
        if (early.isPresent()) {
            return handOver(early.get(), 0.0, language, List.of());
        }
        AnswerPolicy policy = policies.current(message.tenantId(), message.assistantId());
        if (!policy.enabled()) {
            return afterAnswer(plugin.answer(profile, withLanguage(request, language)), profile, language);
        }
        List<PolicyDecision> decisions = new ArrayList<>();
        Placeholders placeholders = new Placeholders();
        AssistantRequest redacted;
        try {
            redacted = redact(request, policy, placeholders, language);
        } catch (NameDetector.Unavailable e) {
            log.warn("{}; handing the question over instead of sending it on", e.getMessage());
            decisions.add(new PolicyDecision("pii", policy.version(), "handed-over", "name detector unavailable"));
            return handOver(HandoverReason.POLICY, 0.0, language, decisions);
        }
        if (!placeholders.isEmpty()) {
            decisions.add(new PolicyDecision("pii", policy.version(), "redacted", placeholders.summary()));
        }
        String question = redacted.message().text();
        Optional<String> refused = topics.matching(question, policy.refusedTopics());
        boolean offTopic = !policy.allowedTopics().isEmpty()
                && topics.matching(question, policy.allowedTopics()).isEmpty();
        if (refused.isPresent() || offTopic) {
            String detail = refused.map(t -> "refused topic: " + t).orElse("not an allowed topic");
            if (policy.handOverRefused()) {
                decisions.add(new PolicyDecision("topic", policy.version(), "handed-over", detail));
                return handOver(HandoverReason.POLICY, 0.0, language, decisions);
            }
            decisions.add(new PolicyDecision("topic", policy.version(), "refused", detail));
            return new AssistantAnswer(
                    Phrases.REFUSED.in(language),
                    List.of(),
                    0.0,
                    AnswerOutcome.REFUSED,
                    language.code(),
                    null,
                    decisions);
        }
        AssistantAnswer answer = afterAnswer(plugin.answer(profile, redacted), profile, language);
        if (answer.outcome() == AnswerOutcome.ANSWERED) {
            AnswerRules.Verdict verdict = AnswerRules.check(answer.text(), policy, language.locale());
            for (String rule : verdict.broken()) {
                decisions.add(new PolicyDecision(
                        rule, policy.version(), verdict.compliant() ? "rewritten" : "handed-over", rule + " rule"));
            }
            if (!verdict.compliant()) {
                return handOver(HandoverReason.POLICY, answer.confidence(), language, decisions);
            }
            String text = verdict.text();
            if (!policy.disclaimer().isEmpty()) {
                text = text + "\n\n" + policy.disclaimer();
                decisions.add(new PolicyDecision("disclaimer", policy.version(), "appended", ""));
            }
            answer = answer.withText(text);
        }
        return answer.withText(placeholders.restore(answer.text())).withDecisions(decisions);
    }

    /** Handovers the plugin's own answer calls for: nothing confident enough, where the assistant hands over then. */
    private AssistantAnswer afterAnswer(AssistantAnswer answer, AssistantProfile profile, Language language) {
        if (answer.outcome() == AnswerOutcome.DONT_KNOW
                && profile.setting("handoverBelowThreshold")
                        .map(Boolean::parseBoolean)
                        .orElse(false)) {
            return handOver(HandoverReason.LOW_CONFIDENCE, answer.confidence(), language, answer.decisions());
        }
        return answer.language() == null ? answer.inLanguage(language.code()) : answer;
    }

    private AssistantRequest redact(
            AssistantRequest request, AnswerPolicy policy, Placeholders placeholders, Language language) {
        GatewayMessage message = request.message();
        List<GatewayMessage> history = new ArrayList<>(request.history().size());
        for (GatewayMessage earlier : request.history()) {
            history.add(earlier.withText(personalData.redact(earlier.text(), policy, placeholders)));
        }
        GatewayMessage redacted = message.withText(personalData.redact(message.text(), policy, placeholders));
        // A streamed answer would show the placeholders before they are restored, and skip the checks after it.
        boolean streamable = placeholders.isEmpty()
                && policy.bannedPhrases().isEmpty()
                && policy.maxAnswerChars() == 0
                && policy.disclaimer().isEmpty();
        return new AssistantRequest(redacted, history, language.code(), streamable);
    }

    private static AssistantRequest withLanguage(AssistantRequest request, Language language) {
        return new AssistantRequest(request.message(), request.history(), language.code(), request.streamable());
    }

    private static AssistantAnswer handOver(
            HandoverReason reason, double confidence, Language language, List<PolicyDecision> decisions) {
        return AssistantAnswer.handedOver(Phrases.HANDOVER.in(language), reason, confidence, language.code())
                .withDecisions(decisions);
    }
}
