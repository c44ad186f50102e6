#version 330 core
// the HUD: a textured quad, position in pixels from the top-left corner
layout(location = 0) in vec2 position;
layout(location = 1) in vec2 uv;
uniform vec2 viewport;
out vec2 vUv;

void main() {
    vUv = uv;
    gl_Position = vec4(position.x / viewport.x * 2.0 - 1.0, 1.0 - position.y / viewport.y * 2.0, 0.0, 1.0);
}
