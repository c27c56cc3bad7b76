package com.shopcare.complaints.engine;

import javax.xml.XMLConstants;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads every DMN file before any KIE parser does, and refuses what would make a policy file code instead of data:
 * a Java (or any non-FEEL) function definition, FEEL's {@code external} function form, a DOCTYPE or XML entity
 * (XXE, billion laughs), an import from outside the policy, and anything that is not a DMN file at all. KIE's DMN
 * validator flags none of the first two, so without this a table edit could call any Java method on the class path.
 * Every FEEL expression is also held to {@link FeelLimits}: nothing whose cost could grow without bound.
 */
public final class PolicyFileScanner {

    /** DMN 1.2 and later ({@code .../MODEL/}), and DMN 1.1, which KIE still reads. */
    private static final Pattern DMN_NAMESPACE = Pattern.compile(
            "https?://www\\.omg\\.org/spec/DMN/(\\d{8}/MODEL/?|20151101/dmn\\.xsd)");
    /**
     * FEEL's external function: {@code function(x) external {java: ...}}. The body after {@code external} is any
     * expression, so a name bound to such a context elsewhere works too: hence also {@code )} before the keyword.
     * Matched on text without string literals and comments, so the word in a string or a note is not flagged.
     */
    private static final Pattern EXTERNAL = Pattern.compile(
            "\\b(external)[\\s\\u180E\\u200B\\uFEFF]*\\{|\\)[\\s\\u180E\\u200B\\uFEFF]*(external)\\b",
            // FEEL counts Unicode spaces as white space, some of them outside \s even in Unicode mode.
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    /** Elements whose text is a note for people and never evaluated. */
    private static final Set<String> PROSE = Set.of("description", "documentation", "annotationEntry",
            "textAnnotation", "DMNLabel");
    /** DMN 1.1 files written by KIE spell the function kinds with one letter. */
    private static final Map<String, String> KIND_NAMES = Map.of("J", "Java", "P", "PMML");

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

    /** The problems of one file; imports are allowed only of the given namespaces. */
    static List<String> scan(String fileName, byte[] content, Set<String> bundleNamespaces) {
        List<String> problems = new ArrayList<>();
        XMLStreamReader xml = null;
        try {
            xml = hardenedFactory().createXMLStreamReader(new ByteArrayInputStream(content));
            // Per open element: its local name, its own text so far and the line that text starts on.
            Deque<String> open = new ArrayDeque<>();
            Deque<StringBuilder> texts = new ArrayDeque<>();
            Deque<Integer> textLines = new ArrayDeque<>();
            int prose = 0;
            boolean rootSeen = false;
            // Where in a decision table the scan is, for the messages: the decision's name and the row (from 1).
            String decision = null;
            int row = 0;
            boolean inRule = false;
            while (xml.hasNext()) {
                switch (xml.next()) {
                    case XMLStreamConstants.DTD -> {
                        // The reader stands at the end of the DOCTYPE; its text says how many lines it spans.
                        int end = xml.getLocation().getLineNumber();
                        int start = end - (int) xml.getText().chars().filter(c -> c == '\n').count();
                        problems.add(fileName + (end < 0 ? ": " : ", line " + start + ": ")
                                + "a DOCTYPE declaration is not allowed: its entities can read files on the server"
                                + " or exhaust its memory");
                        // Stop here: everything after it would be read against the declarations just refused.
                        return problems;
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> {
                        // Entities are declared only in a DOCTYPE, refused above; one used without is refused too.
                        problems.add(at(fileName, xml.getLocation()) + "an XML entity (&" + xml.getLocalName()
                                + ";) is not allowed: policy files may only contain plain DMN");
                        return problems;
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        String element = xml.getLocalName();
                        if (!rootSeen) {
                            rootSeen = true;
                            String namespace = xml.getNamespaceURI();
                            if (!"definitions".equals(element) || namespace == null
                                    || !DMN_NAMESPACE.matcher(namespace).matches()) {
                                problems.add(fileName + ": is not a DMN file: its first element is <" + element
                                        + (namespace == null || namespace.isEmpty() ? "" : " xmlns=\"" + namespace + "\"")
                                        + ">, not DMN's <definitions>");
                                return problems;
                            }
                        }
                        checkElement(fileName, xml, element, bundleNamespaces, problems);
                        switch (element) {
                            case "decision" -> decision = xml.getAttributeValue(null, "name");
                            case "decisionTable" -> row = 0;
                            case "rule" -> {
                                row++;
                                inRule = true;
                            }
                            default -> {
                            }
                        }
                        open.push(element);
                        texts.push(new StringBuilder());
                        textLines.push(xml.getLocation().getLineNumber());
                        if (PROSE.contains(element)) {
                            prose++;
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (!texts.isEmpty()) {
                            texts.peek().append(xml.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        String element = open.pop();
                        String text = texts.pop().toString();
                        int line = textLines.pop();
                        if (PROSE.contains(element)) {
                            prose--;
                        } else if (prose == 0) {
                            String where = inRule ? " (table '" + decision + "', row " + row + ")" : "";
                            checkFeel(fileName, line, where, text, problems);
                        }
                        if ("rule".equals(element)) {
                            inRule = false;
                        }
                    }
                    default -> {
                    }
                }
            }
            if (!rootSeen) {
                problems.add(fileName + ": is not a DMN file: it has no XML element");
            }
        } catch (XMLStreamException e) {
            problems.add(notWellFormed(fileName, e));
        } finally {
            close(xml);
        }
        return problems;
    }

    private static void checkElement(String fileName, XMLStreamReader xml, String element, Set<String> bundle,
                                     List<String> problems) {
        // Function definitions carry their kind: boxed ones (functionDefinition) and those of business knowledge
        // models (encapsulatedLogic). Any element with a kind other than FEEL is refused, whatever its name or
        // namespace: KIE reads DMN 1.1's kind from its own namespace.
        String kind = xml.getAttributeValue(null, "kind");
        boolean feel = kind == null || Set.of("FEEL", "F").contains(kind.strip().toUpperCase(Locale.ROOT));
        if (!feel) {
            String kindName = KIND_NAMES.getOrDefault(kind.strip().toUpperCase(Locale.ROOT), kind);
            problems.add(at(fileName, xml.getLocation()) + "a " + kindName + " external function (" + element
                    + " kind=\"" + kind + "\") is not allowed: policy files may only use FEEL");
        } else if ("functionDefinition".equals(element)) {
            problems.add(at(fileName, xml.getLocation()) + "a function definition (functionDefinition) is not allowed:"
                    + " a function can call itself without end, and a policy table needs none");
        }
        if ("import".equals(element)) {
            String namespace = xml.getAttributeValue(null, "namespace");
            String importType = xml.getAttributeValue(null, "importType");
            if (importType == null || !DMN_NAMESPACE.matcher(importType).matches()) {
                problems.add(at(fileName, xml.getLocation()) + "an import of type '" + importType
                        + "' is not allowed: a policy file may only import the DMN models of this policy");
            } else if (namespace == null || !bundle.contains(namespace)) {
                problems.add(at(fileName, xml.getLocation()) + "an import of '" + namespace
                        + "' is not allowed: a policy file may only import the DMN models of this policy");
            }
        }
    }

    private static void checkFeel(String fileName, int firstLine, String where, String feel, List<String> problems) {
        String code = withoutStringsAndComments(feel);
        Matcher external = EXTERNAL.matcher(code);
        if (external.find()) {
            int keyword = external.start(1) >= 0 ? external.start(1) : external.start(2);
            int line = firstLine + (int) feel.substring(0, keyword).chars().filter(c -> c == '\n').count();
            problems.add(fileName + (firstLine < 0 ? "" : ", line " + line) + where + ": "
                    + "an external function (function(...) external {...}) is not allowed: it calls Java code,"
                    + " and policy files may only use FEEL");
            // Its function(...) is that construct, already named.
            return;
        }
        for (String problem : FeelLimits.problems(feel, code)) {
            problems.add(fileName + (firstLine < 0 ? "" : ", line " + firstLine) + where + ": " + problem);
        }
    }

    /** The FEEL text with string literals and comments blanked out; same length and line breaks as the input. */
    static String withoutStringsAndComments(String feel) {
        StringBuilder code = new StringBuilder(feel);
        int i = 0;
        while (i < feel.length()) {
            char c = feel.charAt(i);
            int end;
            if (c == '"') {
                end = i + 1;
                while (end < feel.length() && feel.charAt(end) != '"') {
                    end += feel.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, feel.length());
            } else if (feel.startsWith("//", i)) {
                end = feel.indexOf('\n', i);
                end = end < 0 ? feel.length() : end;
            } else if (feel.startsWith("/*", i)) {
                end = feel.indexOf("*/", i + 2);
                end = end < 0 ? feel.length() : end + 2;
            } else {
                i++;
                continue;
            }
            for (int j = i; j < end; j++) {
                if (code.charAt(j) != '\n') {
                    code.setCharAt(j, ' ');
                }
            }
            i = end;
        }
        return code.toString();
    }

    private static String notWellFormed(String fileName, XMLStreamException e) {
        String where = at(fileName, e.getLocation());
        String message = e.getMessage() == null ? "" : e.getMessage();
        // The JDK's message reads "ParseError at [row,col]:[r,c]\nMessage: <what>"; the position is already given.
        int what = message.indexOf("Message: ");
        String reason = what < 0 ? "" : " (" + message.substring(what + "Message: ".length()).strip() + ")";
        return where + "is not well-formed XML" + reason;
    }

    private static String at(String fileName, Location location) {
        return location == null || location.getLineNumber() < 0
                ? fileName + ": " : fileName + ", line " + location.getLineNumber() + ": ";
    }

    private static XMLInputFactory hardenedFactory() {
        // The JDK's own StAX parser, not whichever one the class path offers, with every DTD feature off: a DOCTYPE
        // is then reported as an event (and refused) instead of being read, and no entity is ever expanded or fetched.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        // Not coalescing: then an entity used without a declaration is an event the scan names, not a parse error.
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // Nothing to release: the input is an in-memory array.
            }
        }
    }
}
