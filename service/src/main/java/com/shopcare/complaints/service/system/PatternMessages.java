package com.shopcare.complaints.service.system;

import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a 400 says when a value does not match a pattern of the OpenAPI yaml: the pattern's {@code x-pattern-message}
 * there ("a decimal number greater than 0 as a string, ..."), so that the caller reads the rule in words instead of
 * a regular expression, and the yaml stays the one place that says it.
 */
@Component
class PatternMessages {

    private final Map<String, String> byPattern = new HashMap<>();

    PatternMessages() {
        try (InputStream in = PatternMessages.class.getResourceAsStream("/openapi/complaint-decisions.yaml")) {
            collect(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message for a value that does not match {@code pattern}, e.g. {@code must be a decimal number ...}. */
    String mismatch(String pattern, String fallback) {
        String words = pattern == null ? null : byPattern.get(pattern);
        return words == null ? fallback : "must be " + words;
    }

    private void collect(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("pattern") instanceof String pattern && map.get("x-pattern-message") instanceof String words) {
                byPattern.put(pattern, words);
            }
            map.values().forEach(this::collect);
        } else if (node instanceof List<?> list) {
            list.forEach(this::collect);
        }
    }
}
