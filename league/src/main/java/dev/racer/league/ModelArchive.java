package dev.racer.league;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A submitted model: a <b>zip</b> archive of a model folder's files (the layout {@code racer train} writes),
 * unpacked into a folder only after every check passes. The checks, all against someone else's bytes:
 * <ul>
 *   <li>entry names: no absolute paths, no {@code ..}, no backslashes or control characters, no links, no folders
 *       but {@code model/} (one top-level folder, as {@code zip -r NAME.zip NAME}, is allowed and stripped), no
 *       duplicates;
 *   <li>only the expected files ({@link #ALLOWED}): {@code model_metadata.json} and one network are required;
 *   <li>limits on entry count and on the bytes actually inflated (not the sizes the headers claim);
 *   <li>{@code model_metadata.json} checked field by field, {@code hyperparameters.json} key by key;
 *   <li>the network either SameDiff's FlatBuffers file {@code model/policy.sd} (clipped PPO; its FlatBuffers
 *       offsets must hold together) or DL4J's model zip {@code model/policy.zip} (DQN, A3C:
 *       {@code configuration.json} + {@code coefficients.bin}, with the same entry checks, no Java-serialized
 *       entries, and only DL4J/ND4J classes named in its configuration).
 * </ul>
 * Nothing here deserializes Java objects. Every rejection is an {@link ApiException} with a message naming the
 * file and field.
 */
public final class ModelArchive {
    public static final String METADATA = "model_metadata.json";
    public static final String HYPERPARAMETERS = "hyperparameters.json";
    public static final String TRAINING_PARAMS = "training_params.json";
    /** the network as SameDiff's FlatBuffers file (clipped PPO) */
    public static final String SAMEDIFF_WEIGHTS = "model/policy.sd";
    /** the network as DL4J's ModelSerializer zip (DQN, A3C) */
    public static final String DL4J_WEIGHTS = "model/policy.zip";
    /** the files {@code racer submit} sends from a model folder, and all a submission may hold; checkpoints,
     *  metrics and plots stay home */
    public static final List<String> SENT = List.of(METADATA, HYPERPARAMETERS, TRAINING_PARAMS, "reward_function.py",
            "reward_function.java", "reward_function.js", SAMEDIFF_WEIGHTS, DL4J_WEIGHTS);
    /** every file a submission may hold */
    public static final Set<String> ALLOWED = Set.copyOf(SENT);
    private static final String MODEL_FOLDER = "model/";

    private static final Set<String> METADATA_KEYS = Set.of("action_space", "action_space_type", "sensor",
            "neural_network", "training_algorithm", "version", "racer_hidden_layers", "preprocess_type");
    private static final Set<String> HYPER_KEYS = Set.of("batch_size", "beta_entropy", "discount_factor", "loss_type",
            "lr", "num_episodes_between_training", "num_epochs", "e_greedy_value", "epsilon_steps", "exploration_type",
            "stack_size", "term_cond_avg_score", "term_cond_max_episodes", "sac_alpha");
    private static final Set<String> DL4J_ENTRIES = Set.of("configuration.json", "coefficients.bin",
            "updaterState.bin", "noParams.marker");
    private static final Pattern UPPER_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern LOWER_NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxStringLength(1 << 20).maxNumberLength(64).build());
    }

    private ModelArchive() {
    }

    /**
     * Unpacks and checks {@code zip} into the new folder {@code into} (which must not exist). On any rejection
     * the folder is removed and an {@link ApiException} (422, or 413 for size limits) says why.
     */
    public static void unpack(Path zip, Path into, UploadLimits limits) throws IOException {
        Files.createDirectory(into);
        boolean ok = false;
        try {
            unpackChecked(zip, into, limits);
            validate(into, limits);
            ok = true;
        } finally {
            if (!ok) {
                deleteTree(into);
            }
        }
    }

    private static void unpackChecked(Path zip, Path into, UploadLimits limits) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(zip);
             ZipFile zf = openZip(ch, "the upload")) {
            List<ZipArchiveEntry> entries = entries(zf, limits, "the upload");
            String prefix = commonFolder(entries);
            Set<String> seen = new HashSet<>();
            long[] budget = {limits.maxUnpackedBytes()};
            for (ZipArchiveEntry e : entries) {
                String name = e.getName();
                String file = prefix != null ? name.substring(prefix.length()) : name;
                if (e.isDirectory()) {
                    if (file.isEmpty() || file.equals(MODEL_FOLDER)) {
                        continue;
                    }
                    throw ApiException.invalid("the upload holds a folder \"" + printable(name)
                            + "\"; a model holds only " + String.join(", ", SENT));
                }
                if (!ALLOWED.contains(file)) {
                    throw ApiException.invalid("the upload holds an unexpected file \"" + printable(file)
                            + "\"; a model may only hold " + String.join(", ", SENT));
                }
                if (!seen.add(file)) {
                    throw ApiException.invalid("the upload holds \"" + file + "\" twice");
                }
                long cap = file.endsWith(".json") ? limits.maxJsonBytes() : limits.maxUnpackedBytes();
                if (file.startsWith(MODEL_FOLDER)) {
                    Files.createDirectories(into.resolve("model"));
                }
                try (InputStream in = zf.getInputStream(e);
                     OutputStream out = Files.newOutputStream(into.resolve(file), StandardOpenOption.CREATE_NEW)) {
                    copyCapped(in, out, cap, budget, file, limits);
                }
            }
            if (!seen.contains(METADATA)) {
                throw ApiException.invalid("the upload has no " + METADATA + " (the model folder's metadata)");
            }
            if (!seen.contains(SAMEDIFF_WEIGHTS) && !seen.contains(DL4J_WEIGHTS)) {
                throw ApiException.invalid("the upload has no network: " + SAMEDIFF_WEIGHTS + " (clipped PPO) or "
                        + DL4J_WEIGHTS + " (DQN, A3C), as racer train writes them");
            }
            if (seen.contains(SAMEDIFF_WEIGHTS) && seen.contains(DL4J_WEIGHTS)) {
                throw ApiException.invalid("the upload has two networks (" + SAMEDIFF_WEIGHTS + " and " + DL4J_WEIGHTS
                        + "); send the one the model races with");
            }
        }
    }

    private static ZipFile openZip(SeekableByteChannel ch, String what) {
        try {
            return ZipFile.builder().setSeekableByteChannel(ch).setUseUnicodeExtraFields(false).get();
        } catch (IOException | RuntimeException e) {
            throw ApiException.invalid(what + " is not a readable zip archive (" + Database.rootMessage(e) + ")");
        }
    }

    /** The entries, each checked for a safe name and a plain regular file stored or deflated. */
    private static List<ZipArchiveEntry> entries(ZipFile zf, UploadLimits limits, String what) {
        List<ZipArchiveEntry> out = new ArrayList<>();
        for (Enumeration<ZipArchiveEntry> en = zf.getEntries(); en.hasMoreElements(); ) {
            ZipArchiveEntry e = en.nextElement();
            if (out.size() >= limits.maxEntries()) {
                throw ApiException.tooLarge(what + " has more than " + limits.maxEntries() + " entries");
            }
            checkName(e.getName(), what);
            if (e.isUnixSymlink()) {
                throw ApiException.invalid(what + " holds a link \"" + printable(e.getName()) + "\"; links are not accepted");
            }
            if (!e.isDirectory() && e.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX
                    && (e.getUnixMode() & 0170000) != 0 && (e.getUnixMode() & 0170000) != 0100000) {
                throw ApiException.invalid(what + " holds \"" + printable(e.getName()) + "\", which is not a regular file");
            }
            if (e.getGeneralPurposeBit().usesEncryption()) {
                throw ApiException.invalid(what + " holds an encrypted entry \"" + printable(e.getName()) + "\"");
            }
            int m = e.getMethod();
            if (m != ZipArchiveEntry.STORED && m != ZipArchiveEntry.DEFLATED) {
                throw ApiException.invalid(what + ": entry \"" + printable(e.getName())
                        + "\" uses an unsupported compression method (" + m + "); use stored or deflated");
            }
            out.add(e);
        }
        if (out.isEmpty()) {
            throw ApiException.invalid(what + " is an empty zip archive");
        }
        return out;
    }

    static void checkName(String name, String what) {
        if (name == null || name.isEmpty() || name.length() > 255) {
            throw ApiException.invalid(what + " holds an entry with an empty or overlong name");
        }
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch < 0x20 || ch == 0x7f || ch == '\\' || ch == ':') {
                throw ApiException.invalid(what + " holds an entry name with a forbidden character: \"" + printable(name) + "\"");
            }
        }
        if (name.startsWith("/")) {
            throw ApiException.invalid(what + " holds an absolute path \"" + printable(name) + "\"");
        }
        for (String seg : name.split("/", -1)) {
            if (seg.equals("..") || seg.equals(".")) {
                throw ApiException.invalid(what + " holds a path that leaves its folder: \"" + printable(name) + "\"");
            }
        }
        if (name.contains("//")) {
            throw ApiException.invalid(what + " holds an entry name with an empty segment: \"" + printable(name) + "\"");
        }
    }

    /** The single top-level folder every entry is in ({@code "NAME/"}), or null. */
    private static String commonFolder(List<ZipArchiveEntry> entries) {
        String first = entries.get(0).getName();
        int slash = first.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        String prefix = first.substring(0, slash + 1);
        for (ZipArchiveEntry e : entries) {
            if (!e.getName().startsWith(prefix)) {
                return null;
            }
        }
        return prefix;
    }

    private static void copyCapped(InputStream in, OutputStream out, long cap, long[] budget, String file,
                                   UploadLimits limits) throws IOException {
        byte[] buf = new byte[64 << 10];
        long n = 0;
        for (int r; (r = in.read(buf)) > 0; ) {
            n += r;
            budget[0] -= r;
            if (n > cap) {
                throw ApiException.tooLarge(file + " unpacks to more than " + cap + " bytes");
            }
            if (budget[0] < 0) {
                throw ApiException.tooLarge("the upload unpacks to more than " + limits.maxUnpackedBytes()
                        + " bytes (zip bomb?)");
            }
            out.write(buf, 0, r);
        }
    }

    // ------------------------------------------------------------------ model format

    /** Checks the unpacked files' contents. */
    static void validate(Path dir, UploadLimits limits) throws IOException {
        validateMetadata(readJson(dir.resolve(METADATA), METADATA));
        if (Files.exists(dir.resolve(HYPERPARAMETERS))) {
            validateHyperparameters(readJson(dir.resolve(HYPERPARAMETERS), HYPERPARAMETERS));
        }
        if (Files.exists(dir.resolve(TRAINING_PARAMS)) && !readJson(dir.resolve(TRAINING_PARAMS), TRAINING_PARAMS).isObject()) {
            throw ApiException.invalid(TRAINING_PARAMS + " must be a JSON object");
        }
        if (Files.exists(dir.resolve(DL4J_WEIGHTS))) {
            validateDl4jZip(dir.resolve(DL4J_WEIGHTS), limits);
        } else {
            validateFlatBuffers(dir.resolve(SAMEDIFF_WEIGHTS));
        }
    }

    static JsonNode readJson(Path file, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || n.isMissingNode()) {
                throw ApiException.invalid(name + " is empty");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw ApiException.invalid(name + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static void validateMetadata(JsonNode n) {
        String f = METADATA;
        if (!n.isObject()) {
            throw ApiException.invalid(f + " must be a JSON object");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!METADATA_KEYS.contains(k)) {
                throw ApiException.invalid(f + ": unknown field \"" + printable(k) + "\" (known: "
                        + String.join(", ", METADATA_KEYS.stream().sorted().toList()) + ")");
            }
        }
        String type = "discrete";
        if (n.has("action_space_type")) {
            type = text(n, "action_space_type", f);
            if (!type.equals("discrete") && !type.equals("continuous")) {
                throw ApiException.invalid(f + ": field \"action_space_type\" must be \"discrete\" or \"continuous\", got \""
                        + printable(type) + "\"");
            }
        }
        JsonNode as = n.get("action_space");
        if (as == null) {
            throw ApiException.invalid(f + ": field \"action_space\" is missing");
        }
        if (type.equals("discrete")) {
            if (!as.isArray() || as.size() < 2 || as.size() > 30) {
                throw ApiException.invalid(f + ": field \"action_space\" must be a list of 2 to 30"
                        + " {\"steering_angle\", \"speed\"} actions for a discrete action space");
            }
            for (int i = 0; i < as.size(); i++) {
                JsonNode a = as.get(i);
                String where = "action_space[" + i + "]";
                if (!a.isObject()) {
                    throw ApiException.invalid(f + ": field \"" + where + "\" must be an object");
                }
                for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    if (!k.equals("steering_angle") && !k.equals("speed") && !k.equals("index")) {
                        throw ApiException.invalid(f + ": field \"" + where + "\" has an unknown key \"" + printable(k) + "\"");
                    }
                }
                number(a, "steering_angle", -30, 30, f, where + ".steering_angle");
                number(a, "speed", 0.1, 4, f, where + ".speed");
            }
        } else {
            if (!as.isObject()) {
                throw ApiException.invalid(f + ": field \"action_space\" must be {\"steering_angle\": {\"low\", \"high\"},"
                        + " \"speed\": {\"low\", \"high\"}} for a continuous action space");
            }
            range(as, "steering_angle", -30, 30, f);
            range(as, "speed", 0.1, 4, f);
            for (Iterator<String> it = as.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!k.equals("steering_angle") && !k.equals("speed")) {
                    throw ApiException.invalid(f + ": field \"action_space\" has an unknown key \"" + printable(k) + "\"");
                }
            }
        }
        if (n.has("sensor")) {
            JsonNode s = n.get("sensor");
            if (!s.isArray() || s.isEmpty() || s.size() > 4) {
                throw ApiException.invalid(f + ": field \"sensor\" must be a list of 1 to 4 sensor names");
            }
            for (JsonNode e : s) {
                if (!e.isTextual() || !UPPER_NAME.matcher(e.asText()).matches()) {
                    throw ApiException.invalid(f + ": field \"sensor\" holds " + printable(e.toString())
                            + ", not a sensor name such as RACER_BORDER_RAYS or FRONT_FACING_CAMERA");
                }
            }
        }
        if (n.has("neural_network") && !UPPER_NAME.matcher(text(n, "neural_network", f)).matches()) {
            throw ApiException.invalid(f + ": field \"neural_network\" must be a network name such as RACER_MLP");
        }
        if (n.has("training_algorithm") && !LOWER_NAME.matcher(text(n, "training_algorithm", f)).matches()) {
            throw ApiException.invalid(f + ": field \"training_algorithm\" must be an algorithm name such as clipped_ppo");
        }
        if (n.has("version")) {
            JsonNode v = n.get("version");
            if (!(v.isTextual() || v.isNumber()) || v.asText().length() > 16) {
                throw ApiException.invalid(f + ": field \"version\" must be a short string such as \"5\"");
            }
        }
        if (n.has("preprocess_type")) {
            text(n, "preprocess_type", f);
        }
        if (n.has("racer_hidden_layers")) {
            JsonNode h = n.get("racer_hidden_layers");
            if (!h.isArray() || h.isEmpty() || h.size() > 4) {
                throw ApiException.invalid(f + ": field \"racer_hidden_layers\" must be a list of 1 to 4 widths");
            }
            for (JsonNode e : h) {
                if (!e.isIntegralNumber() || e.asInt() < 1 || e.asInt() > 1024) {
                    throw ApiException.invalid(f + ": field \"racer_hidden_layers\": widths must be whole numbers in"
                            + " [1, 1024], got " + printable(e.toString()));
                }
            }
        }
    }

    static void validateHyperparameters(JsonNode n) {
        String f = HYPERPARAMETERS;
        if (!n.isObject()) {
            throw ApiException.invalid(f + " must be a JSON object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!HYPER_KEYS.contains(e.getKey())) {
                throw ApiException.invalid(f + ": unknown field \"" + printable(e.getKey()) + "\"");
            }
            JsonNode v = e.getValue();
            if (!(v.isNumber() || (v.isTextual() && v.asText().length() <= 32))) {
                throw ApiException.invalid(f + ": field \"" + e.getKey() + "\" must be a number or a short string");
            }
            if (v.isNumber() && !Double.isFinite(v.asDouble())) {
                throw ApiException.invalid(f + ": field \"" + e.getKey() + "\" must be finite");
            }
        }
    }

    /**
     * SameDiff's file is a FlatBuffers buffer: a root table offset, a table whose first word points back to its
     * vtable, and a vtable whose sizes fit. Anything else is not such a file (it is read by FlatBuffers, never by
     * Java deserialization).
     */
    static void validateFlatBuffers(Path file) throws IOException {
        String what = SAMEDIFF_WEIGHTS;
        long size = Files.size(file);
        if (size < 16) {
            throw ApiException.invalid(what + " is not a SameDiff network: only " + size + " bytes");
        }
        byte[] head = new byte[(int) Math.min(size, 1 << 16)];
        try (InputStream in = Files.newInputStream(file)) {
            in.readNBytes(head, 0, head.length);
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(head).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long root = Integer.toUnsignedLong(b.getInt(0));
        boolean ok = root >= 4 && root + 4 <= size && root % 4 == 0 && root + 4 <= head.length;
        if (ok) {
            long vtable = root - b.getInt((int) root);
            ok = vtable >= 4 && vtable + 4 <= head.length && vtable % 2 == 0;
            if (ok) {
                int vtSize = Short.toUnsignedInt(b.getShort((int) vtable));
                int tableSize = Short.toUnsignedInt(b.getShort((int) vtable + 2));
                ok = vtSize >= 4 && vtSize % 2 == 0 && vtable + vtSize <= size && tableSize >= 4 && root + tableSize <= size;
            }
        }
        if (!ok) {
            throw ApiException.invalid(what + " is not a SameDiff network (not a FlatBuffers file)");
        }
    }

    /** DL4J's model zip: its configuration and coefficients, and nothing else. */
    static void validateDl4jZip(Path weights, UploadLimits limits) throws IOException {
        String what = DL4J_WEIGHTS;
        try (SeekableByteChannel ch = Files.newByteChannel(weights);
             ZipFile zf = openZip(ch, what + " (the weights)")) {
            Set<String> seen = new HashSet<>();
            long[] budget = {limits.maxUnpackedBytes()};
            JsonNode conf = null;
            for (ZipArchiveEntry e : entries(zf, limits, what)) {
                String name = e.getName();
                if (!DL4J_ENTRIES.contains(name)) {
                    throw ApiException.invalid(what + " holds \"" + printable(name) + "\"; DL4J model zips hold only "
                            + String.join(", ", DL4J_ENTRIES.stream().sorted().toList()) + " (no Java-serialized objects)");
                }
                if (!seen.add(name)) {
                    throw ApiException.invalid(what + " holds \"" + name + "\" twice");
                }
                try (InputStream in = zf.getInputStream(e)) {
                    if (name.equals("configuration.json")) {
                        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                        copyCapped(in, bytes, 4L << 20, budget, what + "/configuration.json", limits);
                        try {
                            conf = JSON.readTree(bytes.toByteArray());
                        } catch (com.fasterxml.jackson.core.JacksonException x) {
                            throw ApiException.invalid(what + "/configuration.json is not valid JSON: " + x.getOriginalMessage());
                        }
                    } else {
                        copyCapped(in, OutputStream.nullOutputStream(), limits.maxUnpackedBytes(), budget, what + "/" + name, limits);
                    }
                }
            }
            if (conf == null || !conf.isObject()) {
                throw ApiException.invalid(what + " is not a DL4J model: configuration.json is missing or not an object");
            }
            if (!seen.contains("coefficients.bin")) {
                throw ApiException.invalid(what + " is not a DL4J model: coefficients.bin (the parameters) is missing");
            }
            checkClasses(conf, what);
        }
    }

    /** DL4J's configuration names classes ({@code @class}); only DL4J's and ND4J's own are accepted. */
    private static void checkClasses(JsonNode n, String what) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("@class") || e.getKey().equals("@type")) {
                    String c = e.getValue().asText();
                    if (e.getKey().equals("@class") && !(c.startsWith("org.deeplearning4j.") || c.startsWith("org.nd4j."))) {
                        throw ApiException.invalid(what + "/configuration.json names a class outside DL4J and ND4J: "
                                + printable(c));
                    }
                }
                checkClasses(e.getValue(), what);
            }
        } else if (n.isArray()) {
            for (JsonNode e : n) {
                checkClasses(e, what);
            }
        }
    }

    private static String text(JsonNode n, String key, String f) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual() || v.asText().length() > 64) {
            throw ApiException.invalid(f + ": field \"" + key + "\" must be a short string");
        }
        return v.asText();
    }

    private static void number(JsonNode n, String key, double lo, double hi, String f, String where) {
        JsonNode v = n.get(key);
        if (v == null || !v.isNumber()) {
            throw ApiException.invalid(f + ": field \"" + where + "\" must be a number");
        }
        double d = v.asDouble();
        if (!(d >= lo && d <= hi)) {
            throw ApiException.invalid(f + ": field \"" + where + "\" must be in [" + fmt(lo) + ", " + fmt(hi) + "], got " + v);
        }
    }

    private static void range(JsonNode as, String key, double lo, double hi, String f) {
        JsonNode r = as.get(key);
        if (r == null || !r.isObject()) {
            throw ApiException.invalid(f + ": field \"action_space." + key + "\" must be {\"low\", \"high\"}");
        }
        number(r, "low", lo, hi, f, "action_space." + key + ".low");
        number(r, "high", lo, hi, f, "action_space." + key + ".high");
        if (r.get("low").asDouble() > r.get("high").asDouble()) {
            throw ApiException.invalid(f + ": field \"action_space." + key + "\": low must not exceed high");
        }
        if (r.size() != 2) {
            throw ApiException.invalid(f + ": field \"action_space." + key + "\" must hold only low and high");
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%s", d);
    }

    /** A user string safe to echo in a message: control characters replaced, at most 80 characters. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 80; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return s.length() > 80 ? b + "..." : b.toString();
    }

    static void deleteTree(Path p) {
        if (p == null || !Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(q -> {
                try {
                    Files.deleteIfExists(q);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
