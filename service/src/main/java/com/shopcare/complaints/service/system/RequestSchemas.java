package com.shopcare.complaints.service.system;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.shopcare.complaints.api.model.FieldError;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a request body against its schema in the OpenAPI yaml, to name every offending field at once. Jackson stops
 * at the first field it cannot bind; this runs only then, on the body it could not bind, so the happy path never
 * pays for it.
 */
@Component
class RequestSchemas {

    /** The OpenAPI yaml, as the api-spec module packages it. */
    static final String SPEC_LOCATION = "classpath:openapi/complaint-decisions.yaml";

    private final SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi30());
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final PatternMessages patternMessages;

    RequestSchemas(PatternMessages patternMessages) {
        this.patternMessages = patternMessages;
    }

    /** Every violation of the named schema, or an empty list when the body is not JSON at all. */
    List<FieldError> violations(String schemaName, String body) {
        Schema schema = schemas.computeIfAbsent(schemaName,
                name -> registry.getSchema(SchemaLocation.of(SPEC_LOCATION + "#/components/schemas/" + name)));
        List<Error> errors;
        try {
            errors = schema.validate(body, InputFormat.JSON);
        } catch (RuntimeException notJson) {
            return List.of();
        }
        return errors.stream()
                .map(this::fieldError)
                .distinct()
                .sorted(Comparator.comparing(FieldError::getField))
                .toList();
    }

    private FieldError fieldError(Error error) {
        // The instance location is a JSON pointer ("/complaint/emotion"); callers read dotted paths.
        String location = error.getInstanceLocation().toString();
        String path = location.replaceFirst("^[/$]", "").replace('/', '.');
        String message = error.getMessage();
        // Plain text operations, not a pattern per error: a body can hold thousands of unknown fields.
        if (message.startsWith(location + ":")) {
            message = message.substring(location.length() + 1).stripLeading();
        }
        if (error.getProperty() != null && ("required".equals(error.getKeyword())
                || "additionalProperties".equals(error.getKeyword()))) {
            path = path.isEmpty() ? error.getProperty() : path + "." + error.getProperty();
            message = "required".equals(error.getKeyword()) ? "must not be null"
                    : "unknown field; check the spelling (field names are case-sensitive)";
        }
        if ("pattern".equals(error.getKeyword()) && error.getSchemaNode() != null) {
            message = patternMessages.mismatch(error.getSchemaNode().asString(), message);
        }
        return new FieldError(path.isEmpty() ? "$" : path, message);
    }
}
