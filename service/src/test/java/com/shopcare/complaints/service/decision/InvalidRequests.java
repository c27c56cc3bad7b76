package com.shopcare.complaints.service.decision;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Generates invalid decision requests from the OpenAPI yaml itself: for each valid base request, every property the
 * schema declares, at every depth, is broken in each way its schema forbids - left out when required, null, a value of
 * every other JSON type, outside its enumeration, its pattern, its bounds or its length, and an unknown field next
 * to it where the object allows none. So a field added to the yaml is covered without touching this class.
 */
final class InvalidRequests {

    /** One invalid request and the field the service must name (a dotted path, {@code $} for the whole body). */
    record Invalid(String description, String field, String body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode schemas;

    private InvalidRequests(JsonNode schemas) {
        this.schemas = schemas;
    }

    /** The schemas of the yaml the api-spec module packages, i.e. the contract the service was generated from. */
    static InvalidRequests fromSpec() {
        try (InputStream in = InvalidRequests.class.getClassLoader().getResourceAsStream("openapi/complaint-decisions.yaml")) {
            JsonNode spec = YAMLMapper.builder().build().readTree(in);
            return new InvalidRequests(spec.at("/components/schemas"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Invalid> from(ObjectNode base) {
        List<Invalid> invalid = new ArrayList<>();
        breakObject(base, "", schema("DecisionRequest"), invalid);
        return invalid;
    }

    private void breakObject(ObjectNode base, String path, JsonNode schema, List<Invalid> out) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        if (schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()) {
            ObjectNode body = copy(base);
            at(body, path).put("unexpectedField", "x");
            out.add(new Invalid("unknown field in " + label(path), join(path, "unexpectedField"), body.toString()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            String field = join(path, name);
            JsonNode propertySchema = resolve(property.getValue());
            if (required.contains(name)) {
                ObjectNode body = copy(base);
                at(body, path).remove(name);
                out.add(new Invalid(field + " missing", field, body.toString()));
            }
            // No field is nullable: null is refused for optional fields too (left out, they get their default).
            ObjectNode withNull = copy(base);
            at(withNull, path).putNull(name);
            out.add(new Invalid(field + " null", field, withNull.toString()));
            for (Map.Entry<String, JsonNode> bad : badValues(propertySchema)) {
                ObjectNode body = copy(base);
                at(body, path).set(name, bad.getValue());
                out.add(new Invalid(field + ": " + bad.getKey(), field, body.toString()));
            }
            if ("object".equals(propertySchema.path("type").asString())) {
                ObjectNode withObject = copy(base);
                if (!at(withObject, path).path(name).isObject()) {
                    at(withObject, path).set(name, validObject(propertySchema));
                }
                breakObject(withObject, field, propertySchema, out);
            }
        }
    }

    /** The values a property's schema forbids, each with a short description. */
    private List<Map.Entry<String, JsonNode>> badValues(JsonNode schema) {
        List<Map.Entry<String, JsonNode>> bad = new ArrayList<>();
        String type = schema.path("type").asString();
        if (!type.equals("string")) {
            bad.add(Map.entry("a string", NODES.stringNode("1")));
        }
        if (!type.equals("integer")) {
            bad.add(Map.entry("a number", NODES.numberNode(1)));
        }
        if (!type.equals("boolean")) {
            bad.add(Map.entry("a boolean", NODES.booleanNode(true)));
        }
        if (!type.equals("object")) {
            bad.add(Map.entry("an object", NODES.objectNode()));
        }
        bad.add(Map.entry("an array", NODES.arrayNode().add("1")));
        if (type.equals("integer")) {
            bad.add(Map.entry("a fraction", NODES.numberNode(new java.math.BigDecimal("1.5"))));
            bad.add(Map.entry("beyond 64 bits", NODES.numberNode(new BigInteger("99999999999999999999999"))));
            if (schema.has("minimum")) {
                bad.add(Map.entry("below its minimum", NODES.numberNode(schema.get("minimum").asLong() - 1)));
            }
            if (schema.has("maximum")) {
                bad.add(Map.entry("above its maximum", NODES.numberNode(schema.get("maximum").asLong() + 1)));
            }
        }
        if (type.equals("string")) {
            if (schema.has("enum")) {
                String first = schema.get("enum").get(0).asString();
                bad.add(Map.entry("not one of its values", NODES.stringNode("NOT_A_VALUE")));
                bad.add(Map.entry("a value in the wrong case", NODES.stringNode(first.toLowerCase())));
                bad.add(Map.entry("empty", NODES.stringNode("")));
            }
            if (schema.has("pattern")) {
                bad.add(Map.entry("empty", NODES.stringNode("")));
                bad.add(Map.entry("with a space", NODES.stringNode("A B")));
                bad.add(Map.entry("with a control character", NODES.stringNode("A\u0000B")));
                bad.add(Map.entry("too long", NODES.stringNode("9".repeat(65))));
                if (schema.get("pattern").asString().contains("[0-9]{1,15}")) {
                    bad.add(Map.entry("negative", NODES.stringNode("-1")));
                    bad.add(Map.entry("in exponent notation", NODES.stringNode("1e3")));
                }
            }
        }
        return bad;
    }

    /** An object that satisfies the schema's required properties, to reach the properties inside it. */
    private JsonNode validObject(JsonNode schema) {
        ObjectNode object = NODES.objectNode();
        schema.path("required").forEach(name -> {
            JsonNode property = resolve(schema.path("properties").path(name.asString()));
            if (property.has("enum")) {
                object.set(name.asString(), property.get("enum").get(0));
            } else if (property.has("example")) {
                object.set(name.asString(), property.get("example"));
            } else {
                object.put(name.asString(), "X-1");
            }
        });
        return object;
    }

    private JsonNode schema(String name) {
        return schemas.path(name);
    }

    private JsonNode resolve(JsonNode schema) {
        return schema.has("$ref") ? schema(schema.get("$ref").asString().replace("#/components/schemas/", "")) : schema;
    }

    private static ObjectNode at(ObjectNode body, String path) {
        ObjectNode node = body;
        if (!path.isEmpty()) {
            for (String step : path.split("\\.")) {
                node = (ObjectNode) node.get(step);
            }
        }
        return node;
    }

    private static ObjectNode copy(ObjectNode body) {
        return (ObjectNode) JSON.readTree(body.toString());
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String label(String path) {
        return path.isEmpty() ? "the request" : path;
    }
}
