package dev.debrief.adapter.rest.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

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

    private final int perMinute;
    private final MinuteWindows windows;

    @Inject
    public AuthenticationFailures(@ConfigProperty(name = "debrief.auth.failures-per-minute") int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("debrief.auth.failures-per-minute must be at least 1, is " + perMinute);
        }
        this.perMinute = perMinute;
        this.windows = new MinuteWindows(perMinute, clock);
    }

    /** Whether {@code address} may present credentials now (counts nothing). */
    public MinuteWindows.Decision check(String address) {
        return windows.peek(client(address));
    }

    /** Counts one failed authentication of {@code address}. */
    public void failed(String address) {
        windows.count(client(address));
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
}
