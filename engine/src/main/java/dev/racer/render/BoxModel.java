package dev.racer.render;

import dev.racer.world.TrackObject;
import org.joml.Matrix4f;

/**
 * DeepRacer's box obstacle as a mesh in its own frame ({@code box_obstacle/model.sdf}: 0.4 m along its heading,
 * 0.3 m across, 0.25 m tall, brown #7b614f), centred on the origin with its length along x. Its centre stands
 * {@link TrackObject#BOX_Z} m up, so 0.025 m are sunk in the floor; only the visible part, up to 0.225 m, is
 * built. Draw with the depth test on.
 */
public final class BoxModel {
    public static final int BROWN = 0x7B614F;
    public static final int TOP = 0x957A66;
    private static final Mesh MESH;

    static {
        double hl = TrackObject.BOX_VISUAL_LENGTH / 2, hw = TrackObject.BOX_VISUAL_WIDTH / 2;
        double top = TrackObject.BOX_Z + TrackObject.BOX_VISUAL_HEIGHT / 2;
        Mesh.Builder b = new Mesh.Builder();
        b.batch();
        b.box(-hl, -hw, 0, hl, hw, top, BROWN, TOP);
        MESH = b.build();
    }

    private BoxModel() {
    }

    public static Mesh mesh() {
        return MESH;
    }

    /** Model matrix of a box at (x, y) [m] with its length along {@code heading} [rad]. */
    public static Matrix4f matrix(Matrix4f out, double x, double y, double heading) {
        return out.translation((float) x, (float) y, 0).rotateZ((float) heading);
    }
}
