package org.djlnas.runtime.zerocost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The built-in zero-cost proxies, by id. */
public final class ZeroCostProxies {

    private static final List<ZeroCostProxy> BUILT_IN =
            List.of(
                    new Synflow(),
                    new Snip(),
                    new GradNorm(),
                    new JacobianCovariance(),
                    new Naswot(),
                    new Params(),
                    new Flops());

    private static final Map<String, ZeroCostProxy> BY_ID = byId(BUILT_IN);

    private ZeroCostProxies() {}

    private static Map<String, ZeroCostProxy> byId(List<ZeroCostProxy> proxies) {
        Map<String, ZeroCostProxy> map = new LinkedHashMap<>();
        for (ZeroCostProxy proxy : proxies) {
            map.put(proxy.id(), proxy);
        }
        return map;
    }

    /**
     * Returns the built-in proxies' ids, in listing order.
     *
     * @return the ids
     */
    public static List<String> ids() {
        return List.copyOf(BY_ID.keySet());
    }

    /**
     * Finds a proxy by id.
     *
     * @param id the id
     * @return the proxy, if there is one of that id
     */
    public static Optional<ZeroCostProxy> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /**
     * Finds a proxy by id, or says which ones there are.
     *
     * @param field the configuration field or setting that names the proxy, for the message
     * @param id the id
     * @return the proxy
     * @throws IllegalArgumentException naming the field, the id and the known proxies
     */
    public static ZeroCostProxy require(String field, String id) {
        return find(id).orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        field
                                                + " '"
                                                + id
                                                + "' is not a zero-cost proxy; expected one of "
                                                + String.join(", ", ids())));
    }
}
