package dev.racer.track;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a DeepRacer route file: a NumPy {@code .npy} array of shape {@code (N, 6)} holding
 * {@code [center_x, center_y, inner_x, inner_y, outer_x, outer_y]} rows in metres. Pure Java, no Python.
 *
 * <p>Accepts format versions 1.0, 2.0 and 3.0, element types {@code <f8}, {@code >f8}, {@code <f4} and
 * {@code >f4} (float32 values are widened exactly to double), and C or Fortran order. Anything else is a
 * {@link TrackException} naming the file, what was found and what was expected.
 *
 * @see <a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">the .npy format</a>
 */
public final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    /** Largest header accepted [bytes]; NumPy's own are well under 1 KiB. */
    private static final int MAX_HEADER = 1 << 20;

    private NpyReader() {
    }

    /** Reads an {@code (N, 6)} float array from a {@code .npy} file; rows are {@code [cx, cy, ix, iy, ox, oy]} [m]. */
    public static double[][] read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TrackException(file + ": cannot read: " + e.getMessage(), e);
        }
        return read(bytes, file.toString());
    }

    /** Reads an {@code (N, 6)} float array from a stream; {@code source} starts every error message. */
    public static double[][] read(InputStream in, String source) {
        try {
            return read(in.readAllBytes(), source);
        } catch (IOException e) {
            throw new TrackException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads an {@code (N, 6)} float array from the bytes of a {@code .npy} file. */
    public static double[][] read(byte[] b, String source) {
        if (b.length >= 2 && b[0] == 'P' && b[1] == 'K') {
            throw new TrackException(source + ": is a zip archive (a .npz?); expected a single .npy array");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (b.length <= i || b[i] != MAGIC[i]) {
                throw new TrackException(source + ": not a NumPy .npy file: it starts with " + hex(b, 6)
                        + ", expected the magic \\x93NUMPY");
            }
        }
        if (b.length < 10) {
            throw new TrackException(source + ": truncated: the .npy header ends after " + b.length + " bytes");
        }
        int major = b[6] & 0xff;
        int minor = b[7] & 0xff;
        int headerLen;
        int start;
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (major == 1) {
            headerLen = le.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (b.length < 12) {
                throw new TrackException(source + ": truncated: the .npy header ends after " + b.length + " bytes");
            }
            long len = le.getInt(8) & 0xffffffffL;
            if (len > MAX_HEADER) {
                throw new TrackException(source + ": .npy header length " + len + " bytes; expected under "
                        + MAX_HEADER);
            }
            headerLen = (int) len;
            start = 12;
        } else {
            throw new TrackException(source + ": .npy format version " + major + "." + minor
                    + "; expected 1.0, 2.0 or 3.0");
        }
        if (b.length < start + headerLen) {
            throw new TrackException(source + ": truncated: the .npy header says " + headerLen + " bytes but the file has "
                    + (b.length - start) + " after the preamble");
        }
        String header = new String(b, start, headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).strip();

        String descr = group(DESCR, header, "descr", source);
        String fortranText = group(FORTRAN, header, "fortran_order", source);
        String shapeText = group(SHAPE, header, "shape", source);
        boolean fortran = fortranText.equals("True");

        ByteOrder order;
        int size;
        switch (descr) {
            case "<f8" -> { order = ByteOrder.LITTLE_ENDIAN; size = 8; }
            case ">f8" -> { order = ByteOrder.BIG_ENDIAN; size = 8; }
            case "<f4" -> { order = ByteOrder.LITTLE_ENDIAN; size = 4; }
            case ">f4" -> { order = ByteOrder.BIG_ENDIAN; size = 4; }
            default -> throw new TrackException(source + ": element type '" + descr
                    + "'; expected float64 ('<f8' or '>f8') or float32 ('<f4' or '>f4')");
        }

        String[] dims = shapeText.split(",");
        long[] shape = new long[dims.length];
        int nd = 0;
        for (String d : dims) {
            String t = d.strip();
            if (t.isEmpty()) {
                continue;
            }
            try {
                shape[nd++] = Long.parseLong(t.endsWith("L") ? t.substring(0, t.length() - 1) : t);
            } catch (NumberFormatException e) {
                throw new TrackException(source + ": .npy header has shape (" + shapeText + "); expected (N, 6)");
            }
        }
        if (nd != 2 || shape[1] != 6) {
            throw new TrackException(source + ": array shape is (" + shapeText.strip()
                    + "); expected (N, 6): rows of center_x, center_y, inner_x, inner_y, outer_x, outer_y");
        }
        long rows = shape[0];
        long need = rows * 6 * size;
        long have = b.length - (long) start - headerLen;
        if (rows > Integer.MAX_VALUE / 6 || have < need) {
            throw new TrackException(source + ": truncated: a (" + rows + ", 6) " + descr + " array needs " + need
                    + " bytes of data, the file has " + have);
        }
        if (have > need) {
            throw new TrackException(source + ": " + (have - need) + " unexpected bytes after the (" + rows + ", 6) "
                    + descr + " array");
        }

        int n = (int) rows;
        ByteBuffer data = ByteBuffer.wrap(b, start + headerLen, (int) need).slice().order(order);
        double[][] out = new double[n][6];
        for (int k = 0; k < n * 6; k++) {
            double v = size == 8 ? data.getDouble(k * 8) : data.getFloat(k * 4);
            int i = fortran ? k % n : k / 6;
            int j = fortran ? k / n : k % 6;
            out[i][j] = v;
        }
        return out;
    }

    private static String group(Pattern p, String header, String key, String source) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new TrackException(source + ": .npy header " + header + " has no '" + key
                    + "'; expected a dictionary with 'descr', 'fortran_order' and 'shape'");
        }
        return m.group(1);
    }

    private static String hex(byte[] b, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(b.length, max); i++) {
            sb.append(String.format("\\x%02x", b[i] & 0xff));
        }
        return b.length == 0 ? "nothing (empty file)" : sb.toString();
    }
}
