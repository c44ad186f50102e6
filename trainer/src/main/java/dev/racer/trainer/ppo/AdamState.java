package dev.racer.trainer.ppo;

import dev.racer.io.AtomicFiles;
import dev.racer.model.ModelFileException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Adam's state of the plain-Java updates ({@link JavaUpdate}, {@code ConvUpdate}) beside a checkpoint
 * ({@code checkpoint/model-NNNNNN.adam}), so that a resumed run takes the same steps as one that was never
 * stopped. The file is plain numbers, never Java serialization: a magic line, the format version, then for
 * each part its step count and its moment arrays (length, then big-endian floats), in the order the update
 * lists them. Reading checks every length against the network's, so a file from another network is refused
 * naming what differs.
 */
public final class AdamState {
    /** The file's first bytes. */
    static final String MAGIC = "racer-adam\n";
    static final int VERSION = 1;
    /** A checkpoint's Adam file, beside its weights {@code model-NNNNNN.sd}. */
    public static final String SUFFIX = ".adam";

    /** One part's state: its step count and its moment arrays (filled in place on reading). */
    public record Part(long[] step, List<float[]> moments) {
    }

    private AdamState() {
    }

    /** The Adam file of the checkpoint whose weights are {@code weights} ({@code model-000006.sd}). */
    public static Path besides(Path weights) {
        String n = weights.getFileName().toString().replaceFirst("\\.[a-z]+$", "");
        return weights.resolveSibling(n + SUFFIX);
    }

    /** Writes {@code parts} to {@code file} atomically. */
    public static void write(Path file, List<Part> parts) {
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
            out.write(MAGIC.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.writeInt(VERSION);
            out.writeInt(parts.size());
            for (Part p : parts) {
                out.writeLong(p.step()[0]);
                out.writeInt(p.moments().size());
                for (float[] a : p.moments()) {
                    out.writeInt(a.length);
                    writeFloats(out, a);
                }
            }
            out.flush();
        });
    }

    /**
     * Fills {@code parts} (step counts and moments) from {@code file}.
     *
     * @throws ModelFileException naming the file and what was expected, if it is not an Adam file of this network
     */
    public static void read(Path file, List<Part> parts) {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            byte[] magic = in.readNBytes(MAGIC.length());
            if (!MAGIC.equals(new String(magic, java.nio.charset.StandardCharsets.US_ASCII))) {
                throw bad(file, "does not start with \"racer-adam\": not an Adam state file");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw bad(file, "format version " + version + ", expected " + VERSION);
            }
            int n = in.readInt();
            if (n != parts.size()) {
                throw bad(file, n + " parts, expected " + parts.size() + " for this network");
            }
            for (int p = 0; p < n; p++) {
                Part part = parts.get(p);
                long step = in.readLong();
                if (step < 0) {
                    throw bad(file, "part " + p + ": step " + step + ", expected 0 or more");
                }
                int arrays = in.readInt();
                if (arrays != part.moments().size()) {
                    throw bad(file, "part " + p + ": " + arrays + " arrays, expected " + part.moments().size());
                }
                for (int a = 0; a < arrays; a++) {
                    float[] dst = part.moments().get(a);
                    int len = in.readInt();
                    if (len != dst.length) {
                        throw bad(file, "part " + p + ", array " + a + ": " + len + " values, expected " + dst.length);
                    }
                    readFloats(in, dst);
                }
                part.step()[0] = step;
            }
            if (in.read() != -1) {
                throw bad(file, "data after the last part");
            }
        } catch (EOFException e) {
            throw bad(file, "ends early (a truncated file?)");
        } catch (IOException e) {
            throw new ModelFileException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static final int CHUNK = 1 << 14;

    /** Big-endian floats in chunks (a weight matrix of millions of values without a call per value). */
    private static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(4 * Math.min(CHUNK, a.length));
        for (int from = 0; from < a.length; from += CHUNK) {
            int n = Math.min(CHUNK, a.length - from);
            buf.clear();
            buf.asFloatBuffer().put(a, from, n);
            out.write(buf.array(), 0, 4 * n);
        }
    }

    private static void readFloats(DataInputStream in, float[] a) throws IOException {
        byte[] bytes = new byte[4 * Math.min(CHUNK, a.length)];
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
        for (int from = 0; from < a.length; from += CHUNK) {
            int n = Math.min(CHUNK, a.length - from);
            in.readFully(bytes, 0, 4 * n);
            buf.clear();
            buf.asFloatBuffer().get(a, from, n);
        }
    }

    private static ModelFileException bad(Path file, String what) {
        return new ModelFileException(file + ": " + what);
    }
}
