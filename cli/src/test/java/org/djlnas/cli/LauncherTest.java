package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The {@code nas} launcher's header tells what the script does. */
class LauncherTest {

    @Test
    void theHeaderStatesTheWaitPolicyTheScriptSets() throws Exception {
        String script = Files.readString(Path.of("../nas"));
        Matcher stated = Pattern.compile("# OMP_WAIT_POLICY defaults to ([A-Z]+)").matcher(script);
        Matcher set = Pattern.compile("(?m)^wait_policy=([A-Z]+)$").matcher(script);

        assertThat(stated.find()).as("the header names the default").isTrue();
        assertThat(set.find()).as("the script sets a default").isTrue();
        assertThat(stated.group(1)).isEqualTo(set.group(1));
    }
}
