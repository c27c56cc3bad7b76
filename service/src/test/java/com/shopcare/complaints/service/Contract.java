package com.shopcare.complaints.service;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.shopcare.complaints.service.ServiceClient.Reply;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI yaml as an independent validator reads it (Atlassian's swagger-request-validator): what it says of a
 * request the service was sent, and of the answer the service gave. Loaded once per test JVM.
 */
public final class Contract {

    private static final Contract INSTANCE = load();

    private final OpenApiInteractionValidator validator;
    private final Map<String, Object> yaml;

    private Contract(OpenApiInteractionValidator validator, Map<String, Object> yaml) {
        this.validator = validator;
        this.yaml = yaml;
    }

    public static Contract get() {
        return INSTANCE;
    }

    private static Contract load() {
        try (InputStream in = Contract.class.getResourceAsStream("/openapi/complaint-decisions.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Merges allOf into one schema first: without it, the validator checks each part as if it were closed.
            return new Contract(OpenApiInteractionValidator.createForInlineApiSpecification(text)
                    .withResolveCombinators(true).build(), new Yaml().load(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The yaml itself, parsed, for what a validator does not check (extensions, the declared statuses). */
    public Map<String, Object> yaml() {
        return yaml;
    }

    /** The JSON pointers of the fields the yaml refuses in this decision request body, e.g. {@code /order/value}. */
    public List<String> refusedFields(String path, String jsonBody) {
        ValidationReport report = validator.validateRequest(SimpleRequest.Builder.post(path)
                .withContentType("application/json").withAuthorization("Bearer any").withBody(jsonBody).build());
        return report.getMessages().stream()
                .map(message -> message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                        .map(ValidationReport.MessageContext.Pointers::getInstance).orElse("?"))
                .toList();
    }

    /** What the yaml's declaration of the operation at {@code path} finds wrong with this answer; empty if nothing. */
    public List<String> violations(String method, String path, Reply reply) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status()).withBody(reply.body());
        reply.headers().forEach((name, values) -> {
            // The JDK client lists HTTP/2 pseudo-headers such as ":status" among the headers.
            if (name != null && !name.startsWith(":")) {
                response.withHeader(name, values);
            }
        });
        return validator.validateResponse(path, Request.Method.valueOf(method), response.build()).getMessages().stream()
                .map(ValidationReport.Message::toString)
                .toList();
    }
}
