package org.djlnas.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.regex.Pattern;

/**
 * Checks a Spark master URL before a search writes anything: its form, and for a standalone master
 * ({@code spark://host:port}) that something answers there, within a few seconds.
 */
final class SparkMaster {

    /** How long a standalone master may take to accept a connection. */
    static final int CONNECT_TIMEOUT_MILLIS = 5000;

    private static final Pattern KNOWN =
            Pattern.compile(
                    "local(\\[[0-9*, ]+])?|local-cluster\\[[0-9, ]+]|yarn|k8s://.+|spark://.+");

    private SparkMaster() {}

    /**
     * Checks a master URL.
     *
     * @param url the URL
     * @throws IllegalArgumentException naming {@code sparkMaster} and the URL if it is malformed or
     *     no standalone master answers there
     */
    static void check(String url) {
        if (!KNOWN.matcher(url).matches()) {
            throw new IllegalArgumentException(
                    "`sparkMaster` is "
                            + url
                            + "; expected spark://HOST:PORT, yarn, k8s://URL, local[N] or"
                            + " local-cluster[N,CORES,MB]");
        }
        if (!url.startsWith("spark://")) {
            return;
        }
        String why = "";
        for (String hostPort : url.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException(
                        "`sparkMaster` is " + url + "; expected spark://HOST:PORT");
            }
            int port;
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "`sparkMaster` is " + url + "; expected spark://HOST:PORT", e);
            }
            try (Socket socket = new Socket()) {
                socket.connect(
                        new InetSocketAddress(hostPort.substring(0, colon), port),
                        CONNECT_TIMEOUT_MILLIS);
                return;
            } catch (IOException | IllegalArgumentException e) {
                why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        throw new IllegalArgumentException(
                "`sparkMaster` is "
                        + url
                        + "; no Spark master answers there ("
                        + why
                        + "), expected the URL of a running master");
    }
}
