package vn.kiosk.web;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A request body must be complete within a deadline of its headers. An idle timeout alone does
 * not bound it: a client sending one byte every few seconds is never idle, and used to hold one
 * of the few HTTP threads for as long as it liked. Past the deadline the body reads as failed
 * (a TimeoutException), which the API answers with 408.
 */
final class BodyDeadline extends Handler.Wrapper {

    private final long deadlineMillis;

    BodyDeadline(long deadlineMillis, Handler next) {
        super(next);
        this.deadlineMillis = deadlineMillis;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!request.getHeaders().contains(HttpHeader.CONTENT_LENGTH) && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
            return super.handle(request, response, callback);
        }
        Deadlined timed = new Deadlined(request);
        Scheduler.Task task = request.getComponents().getScheduler().schedule(timed::expire, deadlineMillis, TimeUnit.MILLISECONDS);
        return super.handle(timed, response, Callback.from(callback, task::cancel));
    }

    private final class Deadlined extends Request.Wrapper {

        private final AtomicReference<Runnable> waiting = new AtomicReference<>();
        private volatile boolean expired;
        private volatile boolean complete;

        Deadlined(Request wrapped) {
            super(wrapped);
        }

        @Override
        public Content.Chunk read() {
            if (expired && !complete) {
                return Content.Chunk.from(new TimeoutException("the request body did not arrive within "
                        + deadlineMillis + " ms"), true);
            }
            Content.Chunk chunk = super.read();
            if (chunk != null && chunk.isLast()) {
                complete = true;
            }
            return chunk;
        }

        @Override
        public void demand(Runnable onContent) {
            waiting.set(onContent);
            super.demand(this::wake);
        }

        private void expire() {
            expired = true;
            if (!complete && waiting.get() != null) {
                getContext().execute(this::wake);
            }
        }

        /** Runs the reader's callback once, whether content or the deadline came first. */
        private void wake() {
            Runnable r = waiting.getAndSet(null);
            if (r != null) {
                r.run();
            }
        }
    }
}
