package org.djlnas.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SklearnTablesTest {

    @TempDir Path dir;

    @BeforeAll
    static void requireTables() {
        SklearnTables.require();
    }

    private List<String> lines(SklearnTables.Table table) throws IOException {
        return Files.readAllLines(SklearnTables.write(table, dir));
    }

    @Test
    void breastCancerHasNamedClasses() throws IOException {
        List<String> lines = lines(SklearnTables.Table.BREAST_CANCER);
        assertThat(lines).hasSize(570);
        assertThat(lines.get(0)).startsWith("x1,x2,").endsWith(",x30,class");
        assertThat(lines.get(1)).startsWith("17.99,10.38,").endsWith(",malignant");
        assertThat(lines.stream().skip(1).filter(l -> l.endsWith(",benign"))).hasSize(357);
    }

    @Test
    void wineIrisDigitsAndDiabetesHaveTheirRowsAndColumns() throws IOException {
        assertThat(lines(SklearnTables.Table.WINE))
                .hasSize(179)
                .element(1)
                .asString()
                .endsWith(",class_0");
        assertThat(lines(SklearnTables.Table.IRIS))
                .hasSize(151)
                .element(1)
                .asString()
                .isEqualTo("5.1,3.5,1.4,0.2,setosa");
        List<String> digits = lines(SklearnTables.Table.DIGITS);
        assertThat(digits).hasSize(1798);
        assertThat(digits.get(0).split(",")).hasSize(65).endsWith("digit");
        assertThat(digits.get(1)).startsWith("0,0,5,13,9,1,").endsWith(",0");
        List<String> diabetes = lines(SklearnTables.Table.DIABETES);
        assertThat(diabetes).hasSize(443);
        assertThat(diabetes.get(1)).isEqualTo("59,2,32.1,101.0,157,93.2,38.0,4.0,4.8598,87,151.0");
    }
}
