package org.djlnas.api.engine;

import ai.djl.engine.Engine;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.djlnas.api.plugin.Discovery;
import org.djlnas.api.supernet.MixingForm;
import org.jspecify.annotations.Nullable;

/**
 * Finds engines by name and capability: the injectable face of DJL's static {@link Engine}.
 *
 * <p>The engine is chosen, in order, by the name asked for, the {@code nas.engine} system property,
 * DJL's {@code ai.djl.default_engine} property or {@code DJL_DEFAULT_ENGINE} variable, then the
 * single engine on the class path, and finally, when several are there, the fallback the
 * application chose ({@link #withFallback}). An engine that is missing or cannot do what is asked
 * is an error naming the engines that can.
 */
public final class EngineSelector {

    /** The system property that names the engine to use. */
    public static final String ENGINE_PROPERTY = "nas.engine";

    /** The system property that chooses the mixed operations' form on every engine. */
    public static final String MIXING_FORM_PROPERTY = "nas.mixing-form";

    /** The system property that chooses how image batches lie in memory on every engine. */
    public static final String IMAGE_MEMORY_FORMAT_PROPERTY = "nas.image-memory-format";

    private final Map<String, EngineSupport> supports;
    private final Function<String, @Nullable String> environment;
    private final Optional<String> fallback;

    /**
     * Creates a selector over the given engine supports.
     *
     * @param supports the engines available
     * @param environment reads a system property or environment variable by name
     * @throws IllegalStateException naming both classes if two supports describe the same engine
     */
    public EngineSelector(
            List<? extends EngineSupport> supports,
            Function<String, @Nullable String> environment) {
        this.supports = Discovery.byName("engine", supports, EngineSupport::engineName);
        this.environment = environment;
        this.fallback = Optional.empty();
    }

    private EngineSelector(
            Map<String, EngineSupport> supports,
            Function<String, @Nullable String> environment,
            Optional<String> fallback) {
        this.supports = supports;
        this.environment = environment;
        this.fallback = fallback;
    }

    /**
     * Returns a selector that uses the given engine when several are on the class path and none is
     * named. A fallback that is not on the class path is ignored.
     *
     * @param engineName the engine to fall back to, for example {@code PyTorch}
     * @return the selector
     */
    public EngineSelector withFallback(String engineName) {
        return new EngineSelector(supports, environment, Optional.of(engineName));
    }

    /**
     * Creates a selector over the engine modules on the class path ({@link Discovery}), reading
     * system properties first and then environment variables. Programs find engines once, at their
     * edge, and pass the selector on.
     *
     * @return the selector
     * @throws IllegalStateException naming both classes if two supports describe the same engine
     */
    public static EngineSelector discover() {
        return of(Discovery.load(EngineSupport.class));
    }

    /**
     * Creates a selector over the given engine supports, reading system properties first and then
     * environment variables.
     *
     * @param supports the engines available
     * @return the selector
     * @throws IllegalStateException naming both classes if two supports describe the same engine
     */
    public static EngineSelector of(List<? extends EngineSupport> supports) {
        return new EngineSelector(
                supports,
                name -> {
                    String property = System.getProperty(name);
                    return property != null ? property : System.getenv(name);
                });
    }

    /**
     * Returns a selector that knows no engine: for contexts made without a registry (tests, and
     * strategies or evaluators that compute with no engine).
     *
     * @return the selector
     */
    public static EngineSelector none() {
        return of(List.of());
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
     * Returns what an engine on the class path can do, without loading it.
     *
     * @param engineName the engine's name, in any case
     * @return its declared capabilities
     * @throws IllegalArgumentException naming the available engines if it is not on the class path
     */
    public Set<EngineCapability> capabilities(String engineName) {
        return supports.get(canonicalName(engineName)).capabilities();
    }

    /**
     * Tells whether an engine updates batch normalisation's running statistics only in the backward
     * pass (see {@link EngineSupport#updatesRunningStatisticsInBackward()}).
     *
     * @param engineName the engine's name, in any case
     * @return what the engine's module declares, or {@code true}, which is right on every engine,
     *     if no module on the class path describes the engine
     */
    public boolean updatesRunningStatisticsInBackward(String engineName) {
        return moduleOf(engineName)
                .map(EngineSupport::updatesRunningStatisticsInBackward)
                .orElse(true);
    }

    /**
     * Tells how an engine's supernets should compute their mixed operations (see {@link
     * EngineSupport#mixingForm()}), unless the property {@value #MIXING_FORM_PROPERTY} (a system
     * property or environment variable) ({@code looped}, {@code stacked} or {@code matrix-product})
     * chooses one for every engine, as the benchmarks comparing the forms do.
     *
     * @param engineName the engine's name, in any case
     * @return the form the property names, else what the engine's module declares, else {@link
     *     MixingForm#LOOPED} if no module on the class path describes the engine
     * @throws IllegalArgumentException if the property names no form
     */
    public MixingForm mixingForm(String engineName) {
        return declaredOrChosen(
                engineName,
                MIXING_FORM_PROPERTY,
                MixingForm.class,
                EngineSupport::mixingForm,
                MixingForm.LOOPED);
    }

    /**
     * Tells how an engine's image batches should lie in memory (see {@link
     * EngineSupport#imageMemoryFormat()}), unless the property {@value
     * #IMAGE_MEMORY_FORMAT_PROPERTY} (a system property or environment variable) ({@code
     * contiguous} or {@code channels-last}) chooses one for every engine, as the benchmarks
     * comparing the formats do.
     *
     * @param engineName the engine's name, in any case
     * @return the format the property names, else what the engine's module declares, else {@link
     *     ImageMemoryFormat#CONTIGUOUS} if no module on the class path describes the engine
     * @throws IllegalArgumentException if the property names no format
     */
    public ImageMemoryFormat imageMemoryFormat(String engineName) {
        return declaredOrChosen(
                engineName,
                IMAGE_MEMORY_FORMAT_PROPERTY,
                ImageMemoryFormat.class,
                EngineSupport::imageMemoryFormat,
                ImageMemoryFormat.CONTIGUOUS);
    }

    /**
     * Returns the constant a property names (in any case, with hyphens for underscores), else what
     * the engine's module declares, else the fallback.
     */
    private <T extends Enum<T>> T declaredOrChosen(
            String engineName,
            String property,
            Class<T> type,
            Function<EngineSupport, T> declaration,
            T fallback) {
        String chosen = environment.apply(property);
        if (chosen != null) {
            T[] constants = type.getEnumConstants();
            for (T constant : constants) {
                if (constant.name().equalsIgnoreCase(chosen.strip().replace('-', '_'))) {
                    return constant;
                }
            }
            List<String> names = new ArrayList<>();
            for (T constant : constants) {
                names.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            String expected =
                    String.join(", ", names.subList(0, names.size() - 1))
                            + " or "
                            + names.get(names.size() - 1);
            throw new IllegalArgumentException(
                    property + " is '" + chosen + "'; expected " + expected);
        }
        return moduleOf(engineName).map(declaration).orElse(fallback);
    }

    /**
     * Opens a gradient collector of an engine that records and differentiates a forward pass in
     * inference mode (see {@link EngineSupport#newInferenceModeGradientCollector(Engine)}).
     *
     * @param engineName the engine's DJL name
     * @return the collector of the engine's module, or the engine's ordinary collector if no module
     *     on the class path describes the engine
     */
    public GradientCollector newInferenceModeGradientCollector(String engineName) {
        Engine engine = Engine.getEngine(engineName);
        return moduleOf(engineName)
                .map(support -> support.newInferenceModeGradientCollector(engine))
                .orElseGet(engine::newGradientCollector);
    }

    /** The module that describes an engine, found by its name in any case, if one is present. */
    private Optional<EngineSupport> moduleOf(String engineName) {
        return supports.values().stream()
                .filter(support -> support.engineName().equalsIgnoreCase(engineName))
                .findFirst();
    }

    /**
     * Returns the exporter of an engine that can export.
     *
     * @param engineName the engine's name, in any case
     * @return its exporter
     * @throws IllegalArgumentException naming the engines that can export if this one cannot
     */
    public NetworkExporter exporter(String engineName) {
        String name = canonicalName(engineName);
        EngineSupport support = supports.get(name);
        requireCapabilities(name, EngineCapability.EXPORT);
        load(support);
        return support.exporter()
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "engine "
                                                + name
                                                + " declares it can export but has no exporter"));
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
        Optional<String> present = fallback.filter(supports::containsKey);
        if (present.isPresent()) {
            return present.get();
        }
        throw new IllegalArgumentException(
                supports.isEmpty()
                        ? "no engine module is on the class path; add one, such as"
                                + " djl-nas-engine-pytorch"
                        : "several engines are available "
                                + supports.keySet()
                                + "; choose one with `engine` or -D"
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
        requireCapabilities(name, needed);
        return load(supports.get(name));
    }

    private void requireCapabilities(String name, EngineCapability... needed) {
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
                                + capability.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                                + "; engines that can: "
                                + (able.isEmpty() ? "none on the class path" : able));
            }
        }
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
