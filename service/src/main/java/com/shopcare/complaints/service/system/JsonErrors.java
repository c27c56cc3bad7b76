package com.shopcare.complaints.service.system;

import com.shopcare.complaints.api.model.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Translates what Jackson could not read into a field error in the caller's terms: the JSON path of the field and
 * what was expected. Jackson's own messages name Java classes, so they never reach the caller.
 */
final class JsonErrors {

    /** Jackson's message for a field that appears twice in one object (STRICT_DUPLICATE_DETECTION). */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate (?:field|Object property) [\"']([^\"']+)[\"']");

    private JsonErrors() {
    }

    static FieldError describe(Throwable cause) {
        if (cause instanceof StreamConstraintsException) {
            return new FieldError("$", "the JSON document exceeds a size limit (nesting, string or number length)");
        }
        if (cause instanceof InputCoercionException outOfRange) {
            return new FieldError(path(outOfRange), "is out of range for a whole number");
        }
        if (cause instanceof StreamReadException duplicate && duplicate.getOriginalMessage() != null) {
            Matcher name = DUPLICATE.matcher(duplicate.getOriginalMessage());
            if (name.find()) {
                String parent = path(duplicate);
                return new FieldError(parent.equals("$") ? name.group(1) : parent + "." + name.group(1),
                        "is sent more than once; send each field once");
            }
        }
        if (cause instanceof StreamReadException malformed) {
            return new FieldError("$", "malformed JSON" + at(malformed.getLocation()));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(path(unknown), "unknown field; check the spelling (field names are case-sensitive)");
        }
        if (cause instanceof ValueInstantiationException invalid) {
            return new FieldError(path(invalid), expectation(invalid.getType().getRawClass()));
        }
        if (cause instanceof MismatchedInputException mismatched) {
            Class<?> target = mismatched.getTargetType();
            return new FieldError(path(mismatched), target == null ? "has the wrong JSON type" : expectation(target));
        }
        if (cause instanceof JacksonException other) {
            return new FieldError(path(other), "could not be read");
        }
        return new FieldError("$", "a JSON object is required");
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    private static String expectation(Class<?> target) {
        if (target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ", "[", "]")) + " (case-sensitive)";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == BigInteger.class) {
            return "must be a whole JSON number";
        }
        if (target == BigDecimal.class || target == Double.class || target == Float.class) {
            return "must be a JSON number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a JSON string";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be a JSON array";
        }
        return "must be a JSON object";
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
