package org.djlnas.api.engine;

import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Finds engines by name and capability: the injectable face of DJL's static {@link Engine}.
 *
 * <p>The engine is chosen, in order, by the name asked for, the {@code nas.engine} system property,
 * DJL's {@code ai.djl.default_engine} property or {@code DJL_DEFAULT_ENGINE} variable, and finally
 * the single engine on the class path. An engine that is missing or cannot do what is asked is an
 * error naming the engines that can.
 */
public final class EngineSelector {

    /** The system property that names the engine to use. */
    public static final String ENGINE_PROPERTY = "nas.engine";

    private final Map<String, EngineSupport> supports;
    private final Function<String, @Nullable String> environment;

    /**
     * Creates a selector over the given engine supports.
     *
     * @param supports the engines available
     * @param environment reads a system property or environment variable by name
     */
    public EngineSelector(
            List<? extends EngineSupport> supports,
            Function<String, @Nullable String> environment) {
        Map<String, EngineSupport> byName = new LinkedHashMap<>();
        supports.forEach(support -> byName.put(support.engineName(), support));
        this.supports = byName;
        this.environment = environment;
    }

    /**
     * Creates a selector over the engine modules on the class path, reading system properties first
     * and then environment variables.
     *
     * @return the selector
     */
    public static EngineSelector discover() {
        List<EngineSupport> found =
                ServiceLoader.load(EngineSupport.class).stream()
                        .map(ServiceLoader.Provider::get)
                        .toList();
        return new EngineSelector(
                found,
                name -> {
                    String property = System.getProperty(name);
                    return property != null ? property : System.getenv(name);
                });
    }

    /**
     * Lists the engines on the class path with their versions and capabilities. Loads each engine
     * to read its version.
     *
     * @return the engines
     */
    public List<EngineInfo> available() {
        List<EngineInfo> infos = new ArrayList<>();
        for (EngineSupport support : supports.values()) {
            infos.add(
                    new EngineInfo(
                            support.engineName(),
                            load(support).getVersion(),
                            support.capabilities()));
        }
        return infos;
    }

    /**
     * Resolves which engine to use, without loading it.
     *
     * @param requested the engine asked for explicitly, if any
     * @return the engine's name
     * @throws IllegalArgumentException naming the available engines if none fits
     */
    public String resolveName(Optional<String> requested) {
        Optional<String> name =
                requested
                        .or(() -> Optional.ofNullable(environment.apply(ENGINE_PROPERTY)))
                        .or(() -> Optional.ofNullable(environment.apply("ai.djl.default_engine")))
                        .or(() -> Optional.ofNullable(environment.apply("DJL_DEFAULT_ENGINE")))
                        .filter(s -> !s.isBlank());
        if (name.isPresent()) {
            return canonicalName(name.get());
        }
        if (supports.size() == 1) {
            return supports.keySet().iterator().next();
        }
        throw new IllegalArgumentException(
                supports.isEmpty()
                        ? "no engine module is on the class path; add one, such as"
                                + " djl-nas-engine-pytorch"
                        : "several engines are available "
                                + supports.keySet()
                                + "; choose one with --engine or -D"
                                + ENGINE_PROPERTY);
    }

    /**
     * Returns a loaded engine that can do everything asked.
     *
     * @param requested the engine asked for explicitly, if any
     * @param needed what the engine must be able to do
     * @return the DJL engine
     * @throws IllegalArgumentException naming the engines that can if the chosen one cannot
     */
    public Engine select(Optional<String> requested, EngineCapability... needed) {
        String name = resolveName(requested);
        EngineSupport support = supports.get(name);
        for (EngineCapability capability : needed) {
            if (!support.capabilities().contains(capability)) {
                String able =
                        supports.values().stream()
                                .filter(s -> s.capabilities().contains(capability))
                                .map(EngineSupport::engineName)
                                .collect(Collectors.joining(", "));
                throw new IllegalArgumentException(
                        "engine "
                                + name
                                + " cannot "
                                + capability.name().toLowerCase(java.util.Locale.ROOT)
                                + "; engines that can: "
                                + (able.isEmpty() ? "none on the class path" : able));
            }
        }
        return load(support);
    }

    private String canonicalName(String name) {
        for (String known : supports.keySet()) {
            if (known.equalsIgnoreCase(name)) {
                return known;
            }
        }
        throw new IllegalArgumentException(
                "engine '"
                        + name
                        + "' is not available; available engines: "
                        + (supports.isEmpty() ? "none" : String.join(", ", supports.keySet())));
    }

    private static Engine load(EngineSupport support) {
        support.configureDefaults();
        return Engine.getEngine(support.engineName());
    }
}
