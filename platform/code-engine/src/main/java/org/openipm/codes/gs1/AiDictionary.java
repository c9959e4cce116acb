package org.openipm.codes.gs1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parsed GS1 Barcode Syntax Dictionary (bundled resource {@code /org/openipm/codes/gs1-syntax-dictionary.txt}).
 * Parsed once per JVM, immutable, thread safe.
 */
public final class AiDictionary {

    public static final String RESOURCE = "/org/openipm/codes/gs1-syntax-dictionary.txt";
    private static final String FLAG_CHARS = "*!?\"$%&'()+,-./:;<=>@[\\]^_`{|}~";

    private static volatile AiDictionary bundled;

    private final Map<String, AiEntry> entries;
    private final Set<String> unimplementedLinters;
    private final Set<String> usedLinters;

    private AiDictionary(Map<String, AiEntry> entries, Set<String> usedLinters, Set<String> unimplemented) {
        this.entries = Collections.unmodifiableMap(entries);
        this.usedLinters = Collections.unmodifiableSet(usedLinters);
        this.unimplementedLinters = Collections.unmodifiableSet(unimplemented);
    }

    /** The bundled dictionary, parsed on first use. */
    public static AiDictionary bundled() {
        AiDictionary d = bundled;
        if (d == null) {
            synchronized (AiDictionary.class) {
                d = bundled;
                if (d == null) {
                    try (InputStream in = AiDictionary.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("GS1 syntax dictionary resource missing: " + RESOURCE);
                        }
                        d = parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    bundled = d;
                }
            }
        }
        return d;
    }

    /** The entry for exactly this AI, or null. */
    public AiEntry get(String ai) {
        return entries.get(ai);
    }

    /**
     * The entry whose AI is a prefix of {@code s} starting at {@code from} (AIs are 2 to 4 digits and the
     * dictionary is prefix free), or null.
     */
    public AiEntry lookupPrefix(String s, int from) {
        for (int len = 2; len <= 4 && from + len <= s.length(); len++) {
            AiEntry e = entries.get(s.substring(from, from + len));
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    public int size() {
        return entries.size();
    }

    public Map<String, AiEntry> entries() {
        return entries;
    }

    /** Linter names used by the dictionary that this engine does not implement (accepted, not checked). */
    public Set<String> unimplementedLinters() {
        return unimplementedLinters;
    }

    /** All linter names the dictionary uses. */
    public Set<String> usedLinters() {
        return usedLinters;
    }

    /** Parses dictionary lines. Visible for tests. */
    public static AiDictionary parse(List<String> lines) {
        Map<String, AiEntry> map = new HashMap<>(512);
        Set<String> used = new TreeSet<>();
        Set<String> unimplemented = new TreeSet<>();
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                parseLine(line, map, used, unimplemented);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("GS1 syntax dictionary line " + lineNo + ": " + e.getMessage()
                        + ": " + line, e);
            }
        }
        return new AiDictionary(map, used, unimplemented);
    }

    private static void parseLine(String line, Map<String, AiEntry> map, Set<String> used, Set<String> unimplemented) {
        String title = "";
        int hash = line.indexOf('#');
        if (hash >= 0) {
            title = line.substring(hash + 1).strip();
            line = line.substring(0, hash).strip();
        }
        String[] tokens = line.split("\\s+");
        String aiSpec = tokens[0];
        int i = 1;
        boolean fnc1Required = true;
        boolean dlAttr = false;
        if (i < tokens.length && isFlags(tokens[i])) {
            fnc1Required = tokens[i].indexOf('*') < 0;
            dlAttr = tokens[i].indexOf('?') >= 0;
            i++;
        }
        List<Component> components = new ArrayList<>();
        while (i < tokens.length && isComponent(tokens[i])) {
            Component c = parseComponent(tokens[i]);
            for (String l : c.linters()) {
                used.add(l);
                if (!Linters.isImplemented(l)) {
                    unimplemented.add(l);
                }
            }
            components.add(c);
            i++;
        }
        if (components.isEmpty()) {
            throw new IllegalArgumentException("no data components");
        }
        List<List<List<String>>> requires = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        List<List<String>> dl = null;
        for (; i < tokens.length; i++) {
            String t = tokens[i];
            int eq = t.indexOf('=');
            String key = eq < 0 ? t : t.substring(0, eq);
            String value = eq < 0 ? "" : t.substring(eq + 1);
            switch (key) {
                case "req" -> {
                    List<List<String>> alternatives = new ArrayList<>();
                    for (String alt : value.split(",")) {
                        alternatives.add(List.of(alt.split("\\+")));
                    }
                    requires.add(List.copyOf(alternatives));
                }
                case "ex" -> excludes.addAll(List.of(value.split(",")));
                case "dlpkey" -> {
                    dl = new ArrayList<>();
                    if (value.isEmpty()) {
                        dl.add(List.of());
                    } else {
                        for (String seq : value.split("\\|")) {
                            dl.add(List.of(seq.split(",")));
                        }
                    }
                }
                default -> { /* unknown attribute: ignored, forward compatible */ }
            }
        }
        List<String> ais = expand(aiSpec);
        for (String ai : ais) {
            if (map.containsKey(ai)) {
                throw new IllegalArgumentException("duplicate AI " + ai);
            }
            map.put(ai, new AiEntry(ai, title, fnc1Required, dlAttr, List.copyOf(components), List.copyOf(requires),
                    List.copyOf(excludes), dl == null ? null : List.copyOf(dl)));
        }
    }

    private static List<String> expand(String spec) {
        int dash = spec.indexOf('-');
        if (dash < 0) {
            checkAi(spec);
            return List.of(spec);
        }
        String from = spec.substring(0, dash);
        String to = spec.substring(dash + 1);
        checkAi(from);
        checkAi(to);
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("bad AI range " + spec);
        }
        List<String> out = new ArrayList<>();
        int a = Integer.parseInt(from);
        int b = Integer.parseInt(to);
        for (int n = a; n <= b; n++) {
            String s = String.valueOf(n);
            out.add("0".repeat(from.length() - s.length()) + s);
        }
        return out;
    }

    private static void checkAi(String ai) {
        if (ai.length() < 2 || ai.length() > 4) {
            throw new IllegalArgumentException("bad AI " + ai);
        }
        for (int i = 0; i < ai.length(); i++) {
            if (ai.charAt(i) < '0' || ai.charAt(i) > '9') {
                throw new IllegalArgumentException("bad AI " + ai);
            }
        }
    }

    private static boolean isFlags(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (FLAG_CHARS.indexOf(t.charAt(i)) < 0) {
                return false;
            }
        }
        return !isComponent(t);
    }

    private static boolean isComponent(String t) {
        if (t.isEmpty()) {
            return false;
        }
        int k = t.charAt(0) == '[' ? 1 : 0;
        if (k >= t.length()) {
            return false;
        }
        char c = t.charAt(k);
        return (c == 'N' || c == 'X' || c == 'Y' || c == 'Z') && t.indexOf('=') < 0;
    }

    private static Component parseComponent(String t) {
        String[] parts = t.split(",");
        String type = parts[0];
        boolean optional = false;
        if (type.startsWith("[")) {
            if (!type.endsWith("]")) {
                throw new IllegalArgumentException("bad optional component " + t);
            }
            optional = true;
            type = type.substring(1, type.length() - 1);
        }
        CharSet cs = CharSet.valueOf(type.substring(0, 1));
        String len = type.substring(1);
        int min;
        int max;
        if (len.startsWith("..")) {
            min = 1;
            max = Integer.parseInt(len.substring(2));
        } else {
            min = max = Integer.parseInt(len);
        }
        List<String> linters = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                linters.add(parts[i]);
            }
        }
        return new Component(cs, min, max, optional, linters);
    }
}
