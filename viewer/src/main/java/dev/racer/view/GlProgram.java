package dev.racer.view;

import static org.lwjgl.opengl.GL20C.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A linked vertex + fragment shader pair loaded from class-path resources under {@code /dev/racer/view/shaders}. */
final class GlProgram implements AutoCloseable {
    final int id;

    GlProgram(String vertexResource, String fragmentResource) {
        int vs = compile(GL_VERTEX_SHADER, vertexResource);
        int fs = compile(GL_FRAGMENT_SHADER, fragmentResource);
        id = glCreateProgram();
        glAttachShader(id, vs);
        glAttachShader(id, fs);
        glLinkProgram(id);
        glDeleteShader(vs);
        glDeleteShader(fs);
        if (glGetProgrami(id, GL_LINK_STATUS) == 0) {
            String log = glGetProgramInfoLog(id);
            glDeleteProgram(id);
            throw new IllegalStateException("shader program " + vertexResource + " + " + fragmentResource
                    + " does not link: " + log);
        }
    }

    int uniform(String name) {
        return glGetUniformLocation(id, name);
    }

    void use() {
        glUseProgram(id);
    }

    private static int compile(int type, String resource) {
        String source;
        try (InputStream in = GlProgram.class.getResourceAsStream("/dev/racer/view/shaders/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("shader resource " + resource + " is missing");
            }
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("shader resource " + resource + " cannot be read: " + e, e);
        }
        int s = glCreateShader(type);
        glShaderSource(s, source);
        glCompileShader(s);
        if (glGetShaderi(s, GL_COMPILE_STATUS) == 0) {
            String log = glGetShaderInfoLog(s);
            glDeleteShader(s);
            throw new IllegalStateException("shader " + resource + " does not compile: " + log);
        }
        return s;
    }

    @Override
    public void close() {
        glDeleteProgram(id);
    }
}
