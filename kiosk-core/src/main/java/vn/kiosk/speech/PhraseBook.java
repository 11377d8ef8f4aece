package vn.kiosk.speech;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.kiosk.config.KioskConfig.Text;

/**
 * What the touchscreen says, from ui/speech.json: the same file the page reads for the browser's
 * own voice, so both speak the same words. {number} and {where} are filled in for a ticket.
 *
 * @param guide  each screen's guidance, by screen id (home, confirm, ticket, …)
 * @param ticket "your number is {number}, go to {where}"
 * @param call   the waiting room's call: "number {number}, go to {counter}"
 * @param paper  what to do about the paper, by print state (pending, printed, failed, none)
 * @param or     between two counters
 */
record PhraseBook(Map<String, Text> guide, Text ticket, Text call, Map<String, Text> paper, Text or) {

    static final String RESOURCE = "/ui/speech.json";

    static PhraseBook load(ObjectMapper json) {
        try (InputStream in = PhraseBook.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            return json.readValue(in, PhraseBook.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    Optional<Text> guideFor(String screen) {
        return Optional.ofNullable(guide.get(screen));
    }

    /** A ticket number read out sign by sign, as the waiting room's call does: "A 0 1 2". */
    static String spelled(String number) {
        return String.join(" ", number.split(""));
    }

    /** The ticket's sentence in lang: its number, where to go (counters joined by "or"), then the paper's advice. */
    String ticket(String lang, String number, List<String> where, String printState) {
        String sentence = pick(ticket, lang).replace("{number}", spelled(number))
                .replace("{where}", String.join(pick(or, lang), where));
        Text advice = paper.get(printState);
        return advice == null ? sentence : sentence + " " + pick(advice, lang);
    }

    /** The waiting room's call in lang: the number read out sign by sign and the counter. */
    String call(String lang, String number, String counter) {
        return pick(call, lang).replace("{number}", spelled(number)).replace("{counter}", counter);
    }

    static String pick(Text text, String lang) {
        return "en".equals(lang) && text.en() != null ? text.en() : text.vi();
    }
}
