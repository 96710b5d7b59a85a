package dev.debrief.adapter.rest.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Failed authentications per client address and minute, counted in this instance's memory (like
 * {@link RateLimiter}): a window starts with an address's first failure and lasts a minute; once it holds
 * {@code debrief.auth.failures-per-minute} failures, the address is refused until the window ends. IPv6
 * addresses count by their /64 network (one host usually has a whole /64 to pick addresses from). Never
 * blocks: a per-address atomic update of a concurrent map, safe on the I/O thread; windows that are over
 * are swept once a minute by whichever request comes along.
 */
@ApplicationScoped
public class AuthenticationFailures {

    static final long WINDOW_MILLIS = 60_000;

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong();

    /** Whether an address may try to authenticate; when not, how many seconds until its window ends. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private record Window(long start, int failures) {
    }

    @Inject
    public AuthenticationFailures(@ConfigProperty(name = "debrief.auth.failures-per-minute") int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("debrief.auth.failures-per-minute must be at least 1, is " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Whether {@code address} may present credentials now (counts nothing). */
    public Decision check(String address) {
        long now = clock.millis();
        sweep(now);
        Window window = windows.get(client(address));
        if (window == null || now - window.start() >= WINDOW_MILLIS || window.failures() < perMinute) {
            return new Decision(true, 0);
        }
        long remaining = window.start() + WINDOW_MILLIS - now;
        return new Decision(false, Math.max(1, (remaining + 999) / 1000));
    }

    /** Counts one failed authentication of {@code address}. */
    public void failed(String address) {
        long now = clock.millis();
        windows.compute(client(address), (key, old) -> old == null || now - old.start() >= WINDOW_MILLIS
                ? new Window(now, 1)
                : new Window(old.start(), Math.min(old.failures() + 1, perMinute)));
    }

    public int perMinute() {
        return perMinute;
    }

    /** The address an IPv4 client is counted by: itself; an IPv6 client: its /64 network. */
    public static String client(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address == null ? "unknown" : address;
        }
        try {
            InetAddress parsed = InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1) : address);
            if (parsed instanceof Inet6Address) {
                byte[] network = parsed.getAddress();
                java.util.Arrays.fill(network, 8, 16, (byte) 0);
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private void sweep(long now) {
        long due = nextSweep.get();
        if (now >= due && nextSweep.compareAndSet(due, now + WINDOW_MILLIS)) {
            windows.values().removeIf(window -> now - window.start() >= WINDOW_MILLIS);
        }
    }
}
