package org.djlnas.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.djlnas.api.space.BenchmarkStringCodec;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.api.supernet.SearchCell;
import org.junit.jupiter.api.Test;

class CellSvgTest {

    @Test
    void drawsEveryEdgeThatComputesWithItsOperationAndLeavesOutTheZeroOperation() {
        OneShotSpace space =
                (OneShotSpace) Journals.PLUGINS.space("nas-bench-201", java.util.Map.of());
        SearchCell cell = space.searchCells().get(0);
        var architecture =
                ((BenchmarkStringCodec) space)
                        .fromBenchmarkString(
                                "|nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|none~1|nor_conv_1x1~2|");
        String svg = CellSvg.draw(cell.cell(), architecture);
        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(count(svg, "class=\"op\"")).isEqualTo(4);
        assertThat(svg)
                .contains(">nor_conv_3x3<", ">skip_connect<", ">avg_pool_3x3<", ">nor_conv_1x1<");
        assertThat(svg).doesNotContain(">none<");
        // Four operation edges plus the last node into the output.
        assertThat(count(svg, "class=\"edge\"")).isEqualTo(5);
        assertThat(count(svg, "class=\"node\"")).isEqualTo(5);
    }

    @Test
    void aDartsCellHasTwoInputsEdgesIntoEachNodeAndAllNodesConcatenated() {
        OneShotSpace space = (OneShotSpace) Journals.PLUGINS.space("darts", java.util.Map.of());
        var architecture = space.sample(new java.util.SplittableRandom(5));
        String svg = CellSvg.draw(space.searchCells().get(0).cell(), architecture);
        assertThat(count(svg, "class=\"op\"")).isEqualTo(8);
        assertThat(count(svg, "class=\"edge\"")).isEqualTo(8 + 4);
        assertThat(svg).contains(">c_{k-2}<", ">c_{k-1}<", ">c_{k}<", ">3<");
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
