#version 330 core
// a soft shadow blob: a quad on the ground, corners at (-1..1, -1..1) in its own frame
layout(location = 0) in vec2 corner;
uniform mat4 mvp;
out vec2 vUv;

void main() {
    vUv = corner;
    gl_Position = mvp * vec4(corner, 0.0, 1.0);
}
