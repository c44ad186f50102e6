package dev.racer.view;

import static org.lwjgl.opengl.GL30C.*;

import dev.racer.render.Mesh;
import java.nio.FloatBuffer;
import org.lwjgl.system.MemoryUtil;

/** A {@link Mesh} uploaded to the GPU: one VAO with interleaved position, face normal and colour. */
final class GlMesh implements AutoCloseable {
    private final int vao;
    private final int vbo;
    private final int vertices;

    GlMesh(Mesh mesh) {
        float[] data = mesh.interleavedWithNormals();
        vertices = data.length / 9;
        vao = glGenVertexArrays();
        vbo = glGenBuffers();
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        FloatBuffer buf = MemoryUtil.memAllocFloat(data.length);
        try {
            buf.put(data).flip();
            glBufferData(GL_ARRAY_BUFFER, buf, GL_STATIC_DRAW);
        } finally {
            MemoryUtil.memFree(buf);
        }
        int stride = 9 * Float.BYTES;
        glVertexAttribPointer(0, 3, GL_FLOAT, false, stride, 0L);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(2, 3, GL_FLOAT, false, stride, 3L * Float.BYTES);
        glEnableVertexAttribArray(2);
        glVertexAttribPointer(1, 3, GL_FLOAT, false, stride, 6L * Float.BYTES);
        glEnableVertexAttribArray(1);
        glBindVertexArray(0);
    }

    void draw() {
        glBindVertexArray(vao);
        glDrawArrays(GL_TRIANGLES, 0, vertices);
    }

    @Override
    public void close() {
        glDeleteBuffers(vbo);
        glDeleteVertexArrays(vao);
    }
}
