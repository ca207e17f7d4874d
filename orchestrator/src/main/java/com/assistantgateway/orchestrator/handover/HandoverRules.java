package com.assistantgateway.orchestrator.handover;

import com.assistantgateway.routes.message.Direction;
import com.assistantgateway.routes.message.GatewayMessage;
import com.assistantgateway.routes.port.HandoverReason;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * When a customer goes to a person before the assistant tries: they asked for one (in any of our languages, whatever
 * language the message was taken for), they sent only files, or they asked the same question again after the assistant
 * could not help. Plain Java over the message and its history.
 */
@Component
public class HandoverRules {

    /** Two questions sharing this share of their words are the same question asked again. */
    static final double SAME_QUESTION = 0.8;

    private static final Pattern ASKS_FOR_PERSON = Pattern.compile(
            String.join(
                    "|",
                    // en
                    "\\b(talk|speak|chat|connect me|put me through)\\b.{0,20}\\b(human|person|agent|someone|somebody"
                            + "|representative|operator|colleague|staff|employee)\\b",
                    "\\b(real|live|human) (person|agent|human|support)\\b",
                    // nl
                    "\\b(spreken|praten|chatten|contact)\\b.{0,25}\\b(mens|medewerker|persoon|iemand|collega)\\b",
                    "\\b(medewerker|echt(e)? persoon|een mens)\\b.{0,25}\\b(spreken|praten|alstublieft|graag)\\b",
                    // de
                    "\\b(sprechen|reden|chatten|verbinden)\\b.{0,25}\\b(mensch(en)?|mitarbeiter(in)?|person|berater(in)?"
                            + "|kollegen?)\\b",
                    "\\b(mit einem|mit einer) (menschen|mitarbeiter|mitarbeiterin|person|berater)\\b",
                    // sv
                    "\\b(prata|tala|chatta)\\b.{0,25}\\b(människa|person|medarbetare|handläggare|någon|kollega)\\b",
                    // pt
                    "\\b(falar|conversar)\\b.{0,25}\\b(humano|pessoa|atendente|agente|alguém|colega|funcionário)\\b",
                    // es
                    "\\b(hablar|conversar)\\b.{0,25}\\b(humano|persona|agente|alguien|compañero|empleado|asesor)\\b",
                    // fr
                    "\\b(parler|discuter)\\b.{0,25}\\b(humain|personne|conseiller|conseillère|agent|quelqu'un"
                            + "|collègue)\\b"),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    /** Why this message goes to a person before any assistant answers it, if it does. */
    public Optional<HandoverReason> before(GatewayMessage message, List<GatewayMessage> history) {
        if (!message.hasOwnText()) {
            return Optional.of(HandoverReason.ATTACHMENT_ONLY);
        }
        if (asksForPerson(message.text())) {
            return Optional.of(HandoverReason.CUSTOMER_ASKED);
        }
        if (repeated(message, history)) {
            return Optional.of(HandoverReason.REPEATED_QUESTION);
        }
        return Optional.empty();
    }

    public boolean asksForPerson(String text) {
        return text != null && ASKS_FOR_PERSON.matcher(text).find();
    }

    /** The customer asked this before in the conversation, and the reply that followed was not an answer. */
    boolean repeated(GatewayMessage message, List<GatewayMessage> history) {
        Set<String> asked = words(message.text());
        if (asked.isEmpty()) {
            return false;
        }
        for (int i = 0; i < history.size(); i++) {
            GatewayMessage earlier = history.get(i);
            if (earlier.direction() != Direction.INBOUND || similarity(asked, words(earlier.text())) < SAME_QUESTION) {
                continue;
            }
            Optional<GatewayMessage> reply = history.subList(i + 1, history.size()).stream()
                    .filter(m -> m.direction() == Direction.OUTBOUND)
                    .findFirst();
            if (reply.isEmpty() || !"answered".equals(reply.get().metadata().getOrDefault("outcome", "answered"))) {
                return true;
            }
        }
        return false;
    }

    private static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return shared.size() / (double) all.size();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        if (text == null) {
            return words;
        }
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
        for (String word : plain.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
