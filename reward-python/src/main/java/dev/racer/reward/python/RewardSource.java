package dev.racer.reward.python;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reward file read and looked over before any Python runs: UTF-8 text (a leading BOM dropped), the
 * invisible and look-alike characters that copy-paste from web pages brings in, and the native libraries it
 * imports (numpy, scipy, shapely need the CPython backend).
 *
 * @param file       the file as given
 * @param text       its text, without a leading BOM
 * @param oddChars   invisible or look-alike characters, in code or in strings/comments
 * @param nativeLibs top-level names of the native libraries it imports
 */
public record RewardSource(Path file, String text, List<OddChar> oddChars, Set<String> nativeLibs) {

    /** Libraries GraalPy cannot load here; a file importing one runs in CPython under {@link Backend#AUTO}. */
    public static final Set<String> NATIVE_LIBS = Set.of("numpy", "scipy", "shapely");

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+([\\w.\\s,]+?)\\s*(?:#.*)?$");
    private static final Pattern FROM = Pattern.compile("^\\s*from\\s+(\\w+)");

    /**
     * An invisible or look-alike character.
     *
     * @param line   1-based line
     * @param column 1-based column (characters)
     * @param cp     the code point
     * @param inCode outside strings and comments, where Python rejects it
     */
    public record OddChar(int line, int column, int cp, boolean inCode) {
        /** e.g. {@code U+200B ZERO WIDTH SPACE} */
        public String describe() {
            String name = Character.getName(cp);
            return String.format(Locale.ROOT, "U+%04X %s", cp, name == null ? "" : name);
        }

        @Override
        public String toString() {
            return "line " + line + ", column " + column + ": " + describe();
        }
    }

    /** Reads and scans {@code file}; a file that is not UTF-8 text is a {@link RewardScriptException}. */
    public static RewardSource read(Path file) {
        return read(file, file);
    }

    /**
     * {@link #read(Path)} of the file at {@code at}, named {@code file} in messages (the reward daemon reads a
     * relative name against its client's working directory).
     */
    public static RewardSource read(Path file, Path at) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(at);
        } catch (IOException e) {
            throw new RewardScriptException(RewardScriptException.Kind.BACKEND, "cannot read reward file " + file
                    + ": " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RewardScriptException(RewardScriptException.Kind.SYNTAX, file
                    + " is not UTF-8 text: save it as UTF-8 (DeepRacer's editor does)");
        }
        return of(file, text);
    }

    /** Scans {@code text} as the content of {@code file}. */
    public static RewardSource of(Path file, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new RewardSource(file, text, scan(text), imports(text));
    }

    /** Invisible characters in code: Python rejects them, so they are an error before anything runs. */
    public List<OddChar> oddCharsInCode() {
        return oddChars.stream().filter(OddChar::inCode).toList();
    }

    /** An error naming each invisible character in code, or null if there is none. */
    public RewardScriptException oddCharError() {
        List<OddChar> bad = oddCharsInCode();
        if (bad.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(" contains ").append(bad.size() == 1 ? "an invisible or look-alike character"
                : bad.size() + " invisible or look-alike characters").append(" in its code")
                .append(" (copy-paste from a web page brings them in); retype or delete them:");
        for (int i = 0; i < Math.min(bad.size(), 10); i++) {
            OddChar c = bad.get(i);
            sb.append("\n    ").append(file.getFileName()).append(", ").append(c);
            String line = text.lines().skip(c.line() - 1).findFirst().orElse("");
            sb.append("   in: ").append(visible(line.strip()));
        }
        if (bad.size() > 10) {
            sb.append("\n    ... and ").append(bad.size() - 10).append(" more");
        }
        return new RewardScriptException(RewardScriptException.Kind.INVISIBLE_CHARACTER, sb.toString());
    }

    /** {@code line} with each odd character shown as {@code <U+XXXX>}. */
    static String visible(String line) {
        StringBuilder sb = new StringBuilder();
        line.codePoints().forEach(cp -> {
            if (isOdd(cp)) {
                sb.append(String.format(Locale.ROOT, "<U+%04X>", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /** Characters that look like nothing, like a space, or like an ASCII quote, dash or minus. */
    static boolean isOdd(int cp) {
        return cp == 0x00A0 || cp == 0x00AD || cp == 0x180E || (cp >= 0x2000 && cp <= 0x200F)
                || (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x3000 || cp == 0xFEFF
                || cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D // curly quotes
                || cp == 0x2013 || cp == 0x2014 || cp == 0x2212;                // en/em dash, minus sign
    }

    /** Finds odd characters, telling code from strings and comments (a small Python lexer). */
    static List<OddChar> scan(String text) {
        List<OddChar> out = new ArrayList<>();
        int line = 1, col = 0;
        char quote = 0;          // inside a string: its quote character
        boolean triple = false;  // ... triple-quoted
        boolean comment = false;
        boolean escaped = false;
        int n = text.length();
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            col++;
            if (cp == '\n') {
                if (comment) {
                    comment = false;
                }
                if (quote != 0 && !triple && !escaped) {
                    quote = 0; // unterminated string: Python reports it
                }
                escaped = false;
                line++;
                col = 0;
                i += len;
                continue;
            }
            if (isOdd(cp)) {
                out.add(new OddChar(line, col, cp, quote == 0 && !comment));
            }
            if (comment) {
                i += len;
                continue;
            }
            if (quote != 0) {
                if (escaped) {
                    escaped = false;
                } else if (cp == '\\') {
                    escaped = true;
                } else if (cp == quote) {
                    if (!triple) {
                        quote = 0;
                    } else if (i + 2 < n && text.charAt(i + 1) == quote && text.charAt(i + 2) == quote) {
                        quote = 0;
                        i += 3;
                        col += 2;
                        continue;
                    }
                }
                i += len;
                continue;
            }
            if (cp == '#') {
                comment = true;
            } else if (cp == '\'' || cp == '"') {
                quote = (char) cp;
                triple = i + 2 < n && text.charAt(i + 1) == cp && text.charAt(i + 2) == cp;
                if (triple) {
                    i += 3;
                    col += 2;
                    continue;
                }
            }
            i += len;
        }
        return out;
    }

    /** Top-level names of the native libraries {@code text} imports. */
    static Set<String> imports(String text) {
        Set<String> found = new TreeSet<>();
        for (String l : (Iterable<String>) text.lines()::iterator) {
            Matcher m = IMPORT.matcher(l);
            if (m.find()) {
                for (String part : m.group(1).split(",")) {
                    String mod = part.trim().split("\\s+")[0].split("\\.")[0];
                    if (NATIVE_LIBS.contains(mod)) {
                        found.add(mod);
                    }
                }
                continue;
            }
            m = FROM.matcher(l);
            if (m.find() && NATIVE_LIBS.contains(m.group(1))) {
                found.add(m.group(1));
            }
        }
        return found;
    }
}
