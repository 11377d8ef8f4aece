package vn.kiosk.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import vn.kiosk.queue.QueueService;
import vn.kiosk.speech.SpokenGuidance;

/**
 * The touchscreen's spoken phrases as audio made on the kiosk (for a browser without a vi-VN voice):
 * GET /api/speech/guide/{screen}, /api/speech/ticket/{id} and the waiting room's /api/speech/call/{id}, {@code ?lang=vi|en} (vi by default).
 */
final class SpeechRoutes {

    private final QueueService queue;
    private final SpokenGuidance speech;

    SpeechRoutes(QueueService queue, SpokenGuidance speech) {
        this.queue = queue;
        this.speech = speech;
    }

    void register(JavalinDefaultRoutingApi r) {
        r.get("/api/speech/guide/{screen}", ctx -> wav(ctx, speech.guide(ctx.pathParam("screen"), lang(ctx))),
                Role.ROBOT, Role.COUNTER, Role.TECH);
        r.get("/api/speech/ticket/{id}", ctx -> wav(ctx, speech.ticket(queue.ticket(ctx.pathParam("id")), lang(ctx))),
                Role.ROBOT, Role.COUNTER, Role.TECH);
        r.get("/api/speech/call/{id}", ctx -> wav(ctx, speech.call(queue.ticket(ctx.pathParam("id")), lang(ctx))),
                Role.ROBOT, Role.COUNTER, Role.TECH);
    }

    private static String lang(Context ctx) {
        String lang = ctx.queryParam("lang");
        return lang == null ? "vi" : lang;
    }

    private static void wav(Context ctx, byte[] wav) {
        ctx.contentType("audio/wav").header("Cache-Control", "no-store").result(wav);
    }
}
