package com.shopcare.complaints.policy;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads every DMN file before any KIE parser does, and refuses the constructs that would make a policy file code
 * instead of data: a Java (or any non-FEEL) function definition, the FEEL {@code external} function form, a DOCTYPE
 * or entity (XXE, billion laughs), and an import from outside the policy bundle. The DMN validator does not flag
 * external functions, so a table edit could otherwise call any Java method on the class path.
 */
public final class PolicyFileScanner {

    /** DMN 1.1 to 1.5 and any later version published under the OMG's URI scheme. */
    private static final Pattern DMN_NAMESPACE = Pattern.compile("https?://www\\.omg\\.org/spec/DMN/\\d{8}/MODEL/?");
    /** {@code external} as a FEEL keyword; string literals are removed before this is matched. */
    private static final Pattern EXTERNAL = Pattern.compile("\\bexternal\\b");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    /** Elements whose text is never evaluated: notes for people. */
    private static final Set<String> PROSE = Set.of("annotationEntry", "description", "documentation");

    private static final XMLInputFactory XML = hardenedFactory();

    private PolicyFileScanner() {
    }

    /** Every problem of every file, each starting with the file name; empty when all files are plain data. */
    public static List<String> scan(PolicyFiles files) {
        Set<String> bundle = Stream.of(PolicyModel.values()).map(PolicyModel::namespace).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.files().entrySet()) {
            problems.addAll(scan(file.getKey(), file.getValue(), bundle));
        }
        return problems;
    }

    static List<String> scan(String fileName, byte[] content, Set<String> bundleNamespaces) {
        List<String> problems = new ArrayList<>();
        XMLStreamReader xml = null;
        try {
            xml = XML.createXMLStreamReader(new ByteArrayInputStream(content));
            Deque<String> open = new ArrayDeque<>();
            boolean rootSeen = false;
            StringBuilder text = new StringBuilder();
            int textLine = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> {
                        problems.add(at(fileName, xml.getLocation())
                                + "a DOCTYPE declaration is not allowed (DTDs and entities can read files or exhaust memory)");
                        return problems;
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION -> {
                        problems.add(at(fileName, xml.getLocation()) + "an XML entity is not allowed");
                        return problems;
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        String element = xml.getLocalName();
                        if (!rootSeen) {
                            rootSeen = true;
                            if (!"definitions".equals(element) || xml.getNamespaceURI() == null
                                    || !DMN_NAMESPACE.matcher(xml.getNamespaceURI()).matches()) {
                                problems.add(fileName + ": is not a DMN file (its root element must be DMN's"
                                        + " <definitions>)");
                                return problems;
                            }
                        }
                        checkElement(fileName, xml, element, bundleNamespaces, problems);
                        open.push(element);
                        text.setLength(0);
                        textLine = xml.getLocation().getLineNumber();
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(xml.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        open.pop();
                        if ("text".equals(xml.getLocalName()) && open.stream().noneMatch(PROSE::contains)) {
                            checkFeel(fileName, textLine, text.toString(), problems);
                        }
                        text.setLength(0);
                    }
                    default -> {
                    }
                }
            }
            if (!rootSeen) {
                problems.add(fileName + ": is not a DMN file (it has no XML element)");
            }
        } catch (XMLStreamException e) {
            problems.add(at(fileName, e.getLocation()) + "is not well-formed XML");
        } finally {
            close(xml);
        }
        return problems;
    }

    private static void checkElement(String fileName, XMLStreamReader xml, String element, Set<String> bundle,
                                     List<String> problems) {
        // Function definitions carry their kind: boxed ones (functionDefinition) and those of business knowledge
        // models (encapsulatedLogic). Any element with a kind other than FEEL is refused, whatever its name.
        String kind = xml.getAttributeValue(null, "kind");
        // DMN 1.1 spelled FEEL as "F".
        if (kind != null && !Set.of("FEEL", "F").contains(kind.toUpperCase(Locale.ROOT))) {
            problems.add(at(fileName, xml.getLocation()) + "a " + kind + " external function (" + element + " kind=\""
                    + kind + "\") is not allowed: policy files may only use FEEL");
        }
        if ("import".equals(element)) {
            String namespace = xml.getAttributeValue(null, "namespace");
            String importType = xml.getAttributeValue(null, "importType");
            if (importType == null || !DMN_NAMESPACE.matcher(importType).matches()) {
                problems.add(at(fileName, xml.getLocation()) + "an import of type '" + importType
                        + "' is not allowed: only DMN models of this policy may be imported");
            } else if (namespace == null || !bundle.contains(namespace)) {
                problems.add(at(fileName, xml.getLocation()) + "an import of '" + namespace
                        + "' is not allowed: only the models of this policy may be imported");
            }
        }
    }

    private static void checkFeel(String fileName, int line, String feel, List<String> problems) {
        if (EXTERNAL.matcher(STRING_LITERAL.matcher(feel).replaceAll("\"\"")).find()) {
            problems.add(fileName + ", line " + line + ": a FEEL external function (function(...) external {...})"
                    + " is not allowed: policy files may only use FEEL");
        }
    }

    private static String at(String fileName, Location location) {
        return location == null || location.getLineNumber() < 0
                ? fileName + ": " : fileName + ", line " + location.getLineNumber() + ": ";
    }

    private static XMLInputFactory hardenedFactory() {
        // The JDK's own StAX parser, not whichever one the class path offers, with every DTD feature off: a DOCTYPE
        // is then reported as an event (and refused) instead of being read.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // Nothing was opened that needs closing: the input is an in-memory array.
            }
        }
    }
}
