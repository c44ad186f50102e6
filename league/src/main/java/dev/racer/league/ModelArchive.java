package dev.racer.league;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
import java.util.Set;
import dev.racer.io.FileTrees;
import dev.racer.io.Jsons;
import dev.racer.model.Hyperparameters;
import dev.racer.model.ModelFileException;
import dev.racer.model.ModelFolder;
import dev.racer.model.ModelMetadata;
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
 *       entries, and only DL4J/ND4J classes named in its configuration), or Racer's SAC weights file
 *       {@code model/sac.bin} (SAC: its header, and layer sizes that match the metadata's sensor, action space and
 *       {@code racer_hidden_layers}, and the file's length).
 * </ul>
 * Nothing here deserializes Java objects. Every rejection is an {@link ApiException} with a message naming the
 * file and field.
 */
public final class ModelArchive {
    public static final String METADATA = ModelMetadata.FILE;
    public static final String HYPERPARAMETERS = Hyperparameters.FILE;
    public static final String TRAINING_PARAMS = ModelFolder.TRAINING_PARAMS;
    /** the network as SameDiff's FlatBuffers file (clipped PPO) */
    public static final String SAMEDIFF_WEIGHTS = ModelFolder.SAMEDIFF_WEIGHTS;
    /** the network as DL4J's ModelSerializer zip (DQN, A3C) */
    public static final String DL4J_WEIGHTS = ModelFolder.DL4J_WEIGHTS;
    /** SAC's networks in Racer's weights file */
    public static final String SAC_WEIGHTS = ModelFolder.SAC_WEIGHTS;
    /** the files {@code racer submit} sends from a model folder, and all a submission may hold; checkpoints,
     *  metrics and plots stay home */
    public static final List<String> SENT = ModelFolder.MODEL_FILES;
    /** every file a submission may hold */
    public static final Set<String> ALLOWED = Set.copyOf(SENT);
    private static final String MODEL_FOLDER = "model/";

    private static final Set<String> DL4J_ENTRIES = Set.of("configuration.json", "coefficients.bin",
            "updaterState.bin", "noParams.marker");
    /** Racer's Jackson set-up (strict duplicates, no trailing tokens) with tight limits for someone else's bytes */
    private static final ObjectMapper JSON = Jsons.mapper().copy();

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
                FileTrees.deleteQuietly(into);
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
            List<String> networks = ModelFolder.NETWORK_FILES.stream().filter(seen::contains).toList();
            if (networks.isEmpty()) {
                throw ApiException.invalid("the upload has no network: " + SAMEDIFF_WEIGHTS + " (clipped PPO), "
                        + SAC_WEIGHTS + " (SAC) or " + DL4J_WEIGHTS + " (DQN, A3C), as racer train writes them");
            }
            if (networks.size() > 1) {
                throw ApiException.invalid("the upload has " + (networks.size() == 2 ? "two" : "three") + " networks ("
                        + String.join(" and ", networks) + "); send the one the model races with");
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
        ModelMetadata meta = validateMetadata(readJson(dir.resolve(METADATA), METADATA));
        if (Files.exists(dir.resolve(HYPERPARAMETERS))) {
            validateHyperparameters(readJson(dir.resolve(HYPERPARAMETERS), HYPERPARAMETERS));
        }
        if (Files.exists(dir.resolve(TRAINING_PARAMS)) && !readJson(dir.resolve(TRAINING_PARAMS), TRAINING_PARAMS).isObject()) {
            throw ApiException.invalid(TRAINING_PARAMS + " must be a JSON object");
        }
        if (Files.exists(dir.resolve(DL4J_WEIGHTS))) {
            validateDl4jZip(dir.resolve(DL4J_WEIGHTS), limits);
        } else if (Files.exists(dir.resolve(SAC_WEIGHTS))) {
            SacWeightsCheck.validate(dir.resolve(SAC_WEIGHTS), meta);
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

    /**
     * The trainer's own validators ({@link ModelMetadata#fromJson}, {@link Hyperparameters#fromJson}): an upload
     * the league accepts is one the trainer can drive.
     */
    static ModelMetadata validateMetadata(JsonNode n) {
        try {
            return ModelMetadata.fromJson(METADATA, n);
        } catch (ModelFileException e) {
            throw ApiException.invalid(e.getMessage());
        }
    }

    static void validateHyperparameters(JsonNode n) {
        try {
            Hyperparameters.fromJson(HYPERPARAMETERS, n);
        } catch (ModelFileException e) {
            throw ApiException.invalid(e.getMessage());
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

    /** A user string safe to echo in a message: control characters replaced, at most 80 characters. */
    static String printable(String s) {
        return ModelFileException.printable(s);
    }
}
