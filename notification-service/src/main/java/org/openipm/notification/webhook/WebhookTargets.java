package org.openipm.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs the platform may call. A subscriber chooses the URL, so a hostile one could point it at the
 * platform's own network (server-side request forgery): every address the host resolves to must be public. The
 * check runs when a subscription is saved and again before each delivery, because DNS answers change.
 * <p>
 * Only {@code https} in production; a local run may also call {@code http} on loopback (a receiver on the
 * developer's machine), and then only loopback is allowed besides public addresses.
 * <p>
 * A sender connects to the address that was checked ({@link Checked#address()}), never to a fresh resolution of the
 * host: a DNS server that answers a public address to the check and a private one to the connection (DNS
 * rebinding) would otherwise get past it.
 */
public final class WebhookTargets {

    /** Resolves a host name to all its addresses (the JDK's resolver in production, a table in tests). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static final int MAX_URL_LENGTH = 2048;

    private final boolean loopbackAllowed;
    private final Resolver resolver;

    public WebhookTargets(boolean loopbackAllowed, Resolver resolver) {
        this.loopbackAllowed = loopbackAllowed;
        this.resolver = resolver;
    }

    /**
     * A URL judged: either why it must not be called, or the parsed URL and the checked address to connect to.
     *
     * @param refusal why not, or null when it may be called
     * @param uri the URL, when it may be called
     * @param address the first address the host resolved to, all of them checked, when it may be called
     */
    public record Checked(String refusal, URI uri, InetAddress address) {

        static Checked refused(String why) {
            return new Checked(why, null, null);
        }

        public boolean allowed() {
            return refusal == null;
        }

        /** The port to connect to: the URL's, or its scheme's default. */
        public int port() {
            return uri.getPort() >= 0 ? uri.getPort() : isHttps() ? 443 : 80;
        }

        public boolean isHttps() {
            return "https".equalsIgnoreCase(uri.getScheme());
        }
    }

    /** @return why the URL must not be called, or empty when it may be */
    public Optional<String> refusal(String url) {
        return Optional.ofNullable(check(url).refusal());
    }

    /** Parses and resolves the URL once, checking every address the host resolves to. */
    public Checked check(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            return Checked.refused("a webhook URL of at most " + MAX_URL_LENGTH + " characters is required");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Checked.refused("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Checked.refused("an absolute https URL with a host is required");
        }
        if (uri.getUserInfo() != null) {
            return Checked.refused("credentials in the URL are not accepted (they would be logged and shown)");
        }
        if (uri.getFragment() != null) {
            return Checked.refused("a fragment is never sent to a server");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            return Checked.refused("host " + uri.getHost() + " does not resolve");
        }
        if (addresses.length == 0) {
            return Checked.refused("host " + uri.getHost() + " does not resolve");
        }
        boolean allLoopback = addresses.length > 0;
        for (InetAddress address : addresses) {
            boolean loopback = address.isLoopbackAddress();
            allLoopback &= loopback;
            if (loopback && !loopbackAllowed || !loopback && !isPublic(address)) {
                return Checked.refused("host " + uri.getHost() + " resolves to " + address.getHostAddress()
                        + ", which is not a public address");
            }
        }
        if (scheme.equals("http") && !(loopbackAllowed && allLoopback)) {
            return Checked.refused("only https URLs are accepted");
        }
        return new Checked(null, uri, addresses[0]);
    }

    /** Routable on the public internet: none of the special-purpose ranges of RFC 6890 that matter here. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT, 100.64.0.0/10
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking, 198.18.0.0/15
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local, fc00::/7
                return false;
            }
            if (isIpv4Mapped(bytes)) { // ::ffff:a.b.c.d reaches the IPv4 address
                try {
                    return isPublic(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }
}
