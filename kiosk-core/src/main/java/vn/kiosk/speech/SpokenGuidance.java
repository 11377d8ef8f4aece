package vn.kiosk.speech;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.problem.Problem;
import vn.kiosk.queue.ServiceCatalog;
import vn.kiosk.queue.TicketView;

/**
 * The touchscreen's spoken phrases as WAV, made on the kiosk: a screen's guidance, or a ticket's
 * number and counter. Only these phrases, never text a caller sends, so the kiosk cannot be made
 * to say anything else.
 */
public final class SpokenGuidance {

    private static final long CACHE_BYTES = 16L * 1024 * 1024;

    private final PhraseBook phrases;
    private final ServiceCatalog catalog;
    private final Espeak espeak;
    private final SpeechCache cache = new SpeechCache(CACHE_BYTES);

    public SpokenGuidance(ObjectMapper json, ServiceCatalog catalog, Espeak espeak) {
        this.phrases = PhraseBook.load(json);
        this.catalog = catalog;
        this.espeak = espeak;
    }

    /** A screen's guidance; 404 for a screen with none. */
    public byte[] guide(String screen, String lang) {
        KioskConfig.Text text = phrases.guideFor(screen).orElseThrow(() -> new Problem(404, "not_found",
                "no spoken guidance for a screen '" + screen + "'; there is some for " + phrases.guide().keySet()));
        return speak(lang, PhraseBook.pick(text, checked(lang)));
    }

    /** The ticket's number, where to go and what to do about the paper. */
    public byte[] ticket(TicketView t, String lang) {
        checked(lang);
        List<String> where = new ArrayList<>();
        List<String> counters = t.counterId() != null ? List.of(t.counterId()) : t.servingCounters();
        for (String id : counters == null ? List.<String>of() : counters) {
            catalog.counter(id).ifPresent(c -> where.add(PhraseBook.pick(c.name(), lang) + ", " + PhraseBook.pick(c.location(), lang)));
        }
        return speak(lang, phrases.ticket(lang, t.number(), where, t.printState().id()));
    }

    /** The waiting room's call of a called ticket: its number and the counter's name; 409 when it is not called. */
    public byte[] call(TicketView t, String lang) {
        checked(lang);
        if (t.counterId() == null) {
            throw Problem.conflict("not_called", "ticket " + t.number() + " has not been called to a counter");
        }
        String counter = catalog.counter(t.counterId()).map(c -> PhraseBook.pick(c.name(), lang))
                .orElse(("en".equals(lang) ? "counter " : "quầy ") + t.counterId());
        return speak(lang, phrases.call(lang, t.number(), counter));
    }

    private byte[] speak(String lang, String text) {
        return cache.get(lang + "\n" + text, () -> espeak.wav(lang, text));
    }

    private static String checked(String lang) {
        if (!"vi".equals(lang) && !"en".equals(lang)) {
            throw new Problem(400, "bad_request", "'lang' must be vi or en, got '" + lang + "'");
        }
        return lang;
    }
}
