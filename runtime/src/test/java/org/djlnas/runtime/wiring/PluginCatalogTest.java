package org.djlnas.runtime.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.djlnas.api.data.DataSourceProvider;
import org.djlnas.api.engine.EngineSupport;
import org.djlnas.api.eval.BenchmarkTableProvider;
import org.djlnas.api.eval.EvaluatorProvider;
import org.djlnas.api.eval.PrunerProvider;
import org.djlnas.api.oneshot.OneShotStrategyProvider;
import org.djlnas.api.op.OperationProvider;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.strategy.StrategyProvider;
import org.djlnas.runtime.pruning.MedianStoppingProvider;
import org.djlnas.runtime.search.Plugins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of plug-in follows the same rules: a second provider of an id is rejected. */
class PluginCatalogTest {

    private static final PluginCatalog BUILT_IN = PluginCatalog.discover();

    /** A kind: which list of the catalog, and the id a built-in provider of it uses. */
    record Kind(int index, String id, Class<?> type) {
        @Override
        public String toString() {
            return type.getSimpleName() + " '" + id + "'";
        }
    }

    static Stream<Kind> kinds() {
        return Stream.of(
                new Kind(0, "nas-bench-201", SearchSpaceProvider.class),
                new Kind(1, "random", StrategyProvider.class),
                new Kind(2, "darts", OneShotStrategyProvider.class),
                new Kind(3, "nor_conv_3x3", OperationProvider.class),
                new Kind(4, "training", EvaluatorProvider.class),
                new Kind(5, "nas-bench-201-cifar10", BenchmarkTableProvider.class),
                new Kind(6, "median", PrunerProvider.class),
                new Kind(7, "fashion-mnist", DataSourceProvider.class),
                new Kind(8, "PyTorch", EngineSupport.class));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aSecondProviderOfABuiltInIdIsRejectedNamingBothClasses(Kind kind) {
        List<List<?>> lists = lists(BUILT_IN);
        Object builtIn =
                lists.get(kind.index()).stream()
                        .filter(p -> idOf(p).contains(kind.id()))
                        .findFirst()
                        .orElseThrow();
        Object impostor = impostor(kind.type(), kind.id());
        List<Object> clashing = new ArrayList<>(lists.get(kind.index()));
        clashing.add(impostor);
        lists.set(kind.index(), clashing);

        assertThatThrownBy(() -> catalog(lists))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'" + kind.id() + "'")
                .hasMessageContaining(builtIn.getClass().getName())
                .hasMessageContaining(impostor.getClass().getName());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyBuiltInKindIsInTheRegistry(Kind kind) {
        Plugins plugins = Plugins.of(BUILT_IN);
        Map<String, ?> byId =
                switch (kind.index()) {
                    case 0 -> plugins.spaces();
                    case 1 -> plugins.strategies();
                    case 2 -> plugins.oneShotStrategies();
                    case 3 -> Map.of(String.join(",", plugins.operations().names()), "");
                    case 4 -> plugins.evaluators();
                    case 5 -> plugins.benchmarkTables();
                    case 6 -> plugins.pruners();
                    case 7 -> plugins.dataSources();
                    default ->
                            Map.of(
                                    plugins.engines()
                                            .resolveName(
                                                    java.util.Optional.of(
                                                            kind.id()
                                                                    .toLowerCase(
                                                                            java.util.Locale
                                                                                    .ROOT))),
                                    "");
                };
        assertThat(String.join(",", byId.keySet())).contains(kind.id());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anIdThatIsNotKebabCaseIsRejectedWhereIdsAreKebabCase(Kind kind) {
        if (kind.type() == OperationProvider.class || kind.type() == EngineSupport.class) {
            return; // operation and engine names keep the spelling spaces and DJL use
        }
        List<List<?>> lists = lists(BUILT_IN);
        lists.set(kind.index(), List.of(impostor(kind.type(), "Not_Kebab")));
        assertThatThrownBy(() -> catalog(lists))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'Not_Kebab'")
                .hasMessageContaining("kebab-case");
    }

    @org.junit.jupiter.api.Test
    void thePrunersAreFoundLikeEveryOtherPlugIn() {
        Plugins plugins = Plugins.of(BUILT_IN);
        assertThat(plugins.pruners()).containsOnlyKeys("median", "none");
        assertThat(plugins.prunerProvider("median")).isInstanceOf(MedianStoppingProvider.class);
        assertThatThrownBy(() -> plugins.prunerProvider("hyperband"))
                .hasMessage("unknown pruner 'hyperband'; known pruner ids: median, none");
    }

    private static String idOf(Object provider) {
        if (provider instanceof OperationProvider p) {
            return String.join(",", p.operations().keySet());
        }
        if (provider instanceof EngineSupport p) {
            return p.engineName();
        }
        try {
            return (String) provider.getClass().getMethod("id").invoke(provider);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** A provider of another class (a proxy) that claims an id and does nothing else. */
    private static Object impostor(Class<?> type, String id) {
        return Proxy.newProxyInstance(
                type.getClassLoader(),
                new Class<?>[] {type},
                (proxy, method, args) ->
                        switch (method.getName()) {
                            case "id", "engineName" -> id;
                            case "operations" ->
                                    Map.of(id, BUILT_IN.operations().get(0).operations().get(id));
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            case "toString" -> "impostor " + id;
                            default -> throw new UnsupportedOperationException(method.getName());
                        });
    }

    private static List<List<?>> lists(PluginCatalog c) {
        return new ArrayList<>(
                List.of(
                        c.spaces(),
                        c.strategies(),
                        c.oneShotStrategies(),
                        c.operations(),
                        c.evaluators(),
                        c.benchmarkTables(),
                        c.pruners(),
                        c.dataSources(),
                        c.engines()));
    }

    @SuppressWarnings("unchecked")
    private static PluginCatalog catalog(List<List<?>> l) {
        return new PluginCatalog(
                (List<SearchSpaceProvider>) l.get(0),
                (List<StrategyProvider>) l.get(1),
                (List<OneShotStrategyProvider>) l.get(2),
                (List<OperationProvider>) l.get(3),
                (List<EvaluatorProvider>) l.get(4),
                (List<BenchmarkTableProvider>) l.get(5),
                (List<PrunerProvider>) l.get(6),
                (List<DataSourceProvider>) l.get(7),
                (List<EngineSupport>) l.get(8));
    }
}
