package dev.debrief.bootstrap.shutdown;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP/1.x connections that have carried a request, each with its event-loop context, its requests in
 * progress and when it was last busy, so a shutdown can close the idle ones without racing their clients.
 * Weak keys: a connection drops out once Vert.x lets go of it. Every field of a {@link Traffic} is read and
 * written on the connection's event loop, where its requests are dispatched.
 */
final class KeptAliveConnections {

    private final Map<HttpConnection, Traffic> connections = Collections.synchronizedMap(new WeakHashMap<>());

    private static final class Traffic {
        final Context context;
        int inFlight;
        long lastBusyNanos = System.nanoTime();
        boolean closed;

        Traffic(Context context) {
            this.context = context;
        }
    }

    /** A request started on this connection (called on its event loop); the returned action ends it. */
    Runnable requestStarted(HttpConnection connection) {
        Traffic traffic = connections.computeIfAbsent(connection, ignored -> new Traffic(Vertx.currentContext()));
        traffic.inFlight++;
        return () -> traffic.context.runOnContext(ignored -> {
            traffic.inFlight--;
            traffic.lastBusyNanos = System.nanoTime();
        });
    }

    /**
     * Closes the connections that carry no request and have been quiet for at least {@code quietNanos}, and
     * counts the ones that carry none but were busy more recently: their clients are likely sending the next
     * request right now, which is answered with {@code Connection: close}, so they are left alone until they
     * either do or go quiet. Connections with a request in progress are closed after its answer.
     *
     * @return how many idle connections are still open because they were busy too recently
     */
    int closeQuiet(long quietNanos) throws InterruptedException {
        List<Map.Entry<HttpConnection, Traffic>> all;
        synchronized (connections) {
            all = new ArrayList<>(connections.entrySet());
        }
        AtomicInteger recent = new AtomicInteger();
        CountDownLatch checked = new CountDownLatch(all.size());
        long now = System.nanoTime();
        for (Map.Entry<HttpConnection, Traffic> entry : all) {
            Traffic traffic = entry.getValue();
            traffic.context.runOnContext(ignored -> {
                if (!traffic.closed && traffic.inFlight == 0) {
                    if (now - traffic.lastBusyNanos >= quietNanos) {
                        traffic.closed = true;
                        entry.getKey().close();
                    } else {
                        recent.incrementAndGet();
                    }
                }
                checked.countDown();
            });
        }
        checked.await(1, TimeUnit.SECONDS);
        return recent.get();
    }
}
