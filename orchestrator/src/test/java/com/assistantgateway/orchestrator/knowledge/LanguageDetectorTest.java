package com.assistantgateway.orchestrator.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private static final LanguageDetector DETECTOR = new LanguageDetector();

    @Test
    void everyLanguageOfOursIsToldFromOneShortQuestion() {
        // One sentence per Language value: lingua-slim ships only these models, so a language left out of its
        // list fails here rather than at a tenant's first question.
        Map<Language, String> questions = Map.of(
                Language.ENGLISH, "How long does delivery take to my house?",
                Language.DUTCH, "Hoe lang duurt de levering naar mijn huis?",
                Language.SWEDISH, "Hur lång tid tar leveransen till mitt hus?",
                Language.PORTUGUESE, "Quanto tempo demora a entrega para a minha casa?",
                Language.GERMAN, "Wie lange dauert die Lieferung zu meinem Haus?",
                Language.SPANISH, "¿Cuánto tarda el envío a mi casa?",
                Language.FRENCH, "Combien de temps prend la livraison chez moi ?");
        assertThat(Language.values()).hasSize(questions.size());
        questions.forEach((language, question) ->
                assertThat(DETECTOR.detect(question)).as(question).contains(language));
    }

    @Test
    void aLongTextIsReadFromItsFirstFewHundredCharactersCutAtAWordEnd() {
        String dutch = "Wij leveren binnen twee werkdagen in heel Nederland en België. ";
        String english = "The rest of this page is an English table of part numbers and prices. ";
        String page = dutch.repeat(8) + english.repeat(40);

        String sample = LanguageDetector.sample(page);

        assertThat(sample).hasSizeLessThanOrEqualTo(LanguageDetector.SAMPLE_CHARS);
        assertThat(page).startsWith(sample + " ");
        assertThat(DETECTOR.detect(page)).contains(Language.DUTCH);
    }

    @Test
    void blankOrUndecidableTextHasNoLanguage() {
        assertThat(DETECTOR.detect("  ")).isEmpty();
        assertThat(DETECTOR.detect("12345 678")).isEmpty();
        assertThat(DETECTOR.detect("12345 678", Language.GERMAN)).isEqualTo(Language.GERMAN);
    }
}
