package org.djlnas.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;

/**
 * Writes a command's result as one JSON value: indented, absent ({@code null}) fields left out,
 * ending with a newline.
 */
final class Json {

    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    private Json() {}

    /**
     * Prints a value (a record, list, map or tree) as JSON.
     *
     * @param out where to print
     * @param value the value
     */
    static void print(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result as JSON", e);
        }
        out.flush();
    }

    /**
     * Parses JSON text that this program produced itself (such as an architecture's canonical form)
     * into a tree, to embed it in a result.
     *
     * @param json the JSON text
     * @return the tree
     */
    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot parse JSON produced by djl-nas: " + json, e);
        }
    }
}
