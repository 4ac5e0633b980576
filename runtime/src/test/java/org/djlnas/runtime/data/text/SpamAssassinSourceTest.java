package org.djlnas.runtime.data.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.encoding.TextEncoding;
import org.djlnas.api.settings.Settings;
import org.djlnas.testing.SpamAssassin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw e-mails, headers, MIME parts, HTML and odd encodings included, read as a text folder. */
class SpamAssassinSourceTest {

    @TempDir Path dir;

    @Test
    void rawEmailsBecomeTokenIds() throws Exception {
        Path corpus = SpamAssassin.require();
        Path folder = dir.resolve("mail");
        assertThat(SpamAssassin.writeTextFolder(corpus, folder, 1000, 5)).isEqualTo(1000);
        long notUtf8;
        try (Stream<Path> files = Files.walk(folder)) {
            notUtf8 =
                    files.filter(Files::isRegularFile)
                            .filter(SpamAssassinSourceTest::isNotUtf8)
                            .count();
        }
        assertThat(notUtf8).as("messages that are not valid UTF-8").isGreaterThan(10);

        TextFolderProvider provider = new TextFolderProvider();
        DataSource source =
                provider.open(
                        Optional.of(folder.toString()),
                        Settings.resolve(
                                "data set 'text-folder'",
                                provider.options(),
                                Map.of("vocabulary", "5000", "length", "128")));
        assertThat(source.classNames()).containsExactly("ham", "spam");
        assertThat(source.trainingSetSize()).isEqualTo(800);
        assertThat(source.test(50).size()).isEqualTo(200);
        assertThat(source.input()).isEqualTo(new DataInput.Tokens(5000, 128));
        TextEncoding encoding = TextEncoding.fromPreprocessing(source.preprocessing());
        assertThat(encoding.vocabulary()).contains("received", "from", "subject", "html");
        int[] ids = encoding.encode("Subject: FREE money!!! Click here");
        assertThat(ids).doesNotContain(TextEncoding.UNKNOWN_ID);
    }

    private static boolean isNotUtf8(Path file) {
        try {
            java.nio.charset.StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)));
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }
}
