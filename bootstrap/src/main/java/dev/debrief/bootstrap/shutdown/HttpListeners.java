package dev.debrief.bootstrap.shutdown;

import io.netty.channel.Channel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.TCPServerBase;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops the HTTP listeners from accepting connections while the connections already accepted go on
 * (their requests finish, with {@code Connection: close}). A client that connects afterwards gets
 * "connection refused": it knows nothing was sent, so it may try another instance. Vert.x 4 has no
 * public way to do this ({@code HttpServer.close()} also closes every open connection, cutting the
 * requests on them), so this closes the bound server channel each shared listener holds in
 * {@code TCPServerBase.bindFuture}. {@code ShutdownDrillIT} fails if a Vert.x upgrade moves it.
 */
final class HttpListeners {

    private HttpListeners() {
    }

    /** Closes every listening socket of this Vert.x instance; returns the addresses it closed. */
    static List<String> stopAccepting(Vertx vertx) {
        List<String> closed = new ArrayList<>();
        for (HttpServerImpl server : ((VertxInternal) vertx).sharedHttpServers().values()) {
            Channel channel = boundChannel(server);
            if (channel != null && channel.isOpen()) {
                channel.close().syncUninterruptibly();
                closed.add(String.valueOf(channel.localAddress()));
            }
        }
        return closed;
    }

    private static Channel boundChannel(TCPServerBase server) {
        try {
            Field field = TCPServerBase.class.getDeclaredField("bindFuture");
            field.setAccessible(true);
            Future<?> bound = (Future<?>) field.get(server);
            return bound != null && bound.succeeded() ? (Channel) bound.result() : null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("This Vert.x version keeps its listening channel elsewhere: update HttpListeners", e);
        }
    }
}
